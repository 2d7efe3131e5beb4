using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ConcernBot.Concerns;
using ConcernBot.Storage;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using A = ConcernBot.Resources.Anonymity;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Channels;

/// <summary>
/// On the public page nobody is signed in: anonymous is the first choice, and a person who wants to be known types their
/// own name and, if they like, how to reach them. Nothing the page's client says about who it is becomes a name.
/// </summary>
public sealed class WebIdentityTests
{
    [Fact]
    public async Task Anonymous_comes_first_and_there_is_no_confidential_choice_or_Teams_warning_on_the_page()
    {
        await using var host = Host();
        var chat = (await new DirectLinePage(host.Client).StartAsync()).Chat();

        await Walkthrough.ToIdentityAsync(chat);
        var known = chat.Last.LastCard!;

        Assert.Equal([I.IdentityAnonymous, I.IdentityGiveName], known.Buttons.Where(b => b == I.IdentityAnonymous || b == I.IdentityGiveName || b == I.IdentityConfidential || b == I.IdentityNamed).ToList());
        Assert.Contains(A.ChoiceAnonymousNotSignedIn, known.Words, StringComparison.Ordinal);
        Assert.DoesNotContain(A.ChoiceTeamsLimit, known.Words, StringComparison.Ordinal);
        Assert.DoesNotContain(A.ChoiceConfidential, known.Words, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_who_gives_their_name_types_it_and_a_way_to_reach_them_and_the_client_cannot_name_them()
    {
        await using var host = Host();
        var page = await new DirectLinePage(host.Client).StartAsync();
        // A page script that claims a name: the channel keeps only its own user id, and the intake never reads a name from it.
        await page.PostAsync(new JsonObject { ["type"] = "message", ["text"] = "hi", ["from"] = new JsonObject { ["id"] = "web-forged", ["name"] = "Forged Person" } });
        var chat = page.Chat();

        await Walkthrough.ToReviewAsync(chat, I.IdentityGiveName);
        Assert.True(chat.Last.Says(I.KnownNameQuestion));
        Assert.True((await chat.PressAsync(I.ButtonContinue, new { answer = "Sam Field" })).Says(I.KnownContactQuestion));
        var review = await chat.PressAsync(I.ButtonContinue, new { answer = "07700 900123" });

        Assert.True(review.Says(ConcernBot.Conversation.Words.Format(I.ReviewKnownNamed, "Sam Field")) && review.Says("07700 900123"), review.Words);
        var receipt = await chat.PressAsync(I.ReviewSubmit);
        // Nobody can find a web reporter by who they are: they come back with the reference and secret word too.
        Assert.Matches(@"\b[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}\b", receipt.Words);
        Assert.True(receipt.Says(I.ReceiptNamedNotSignedIn), receipt.Words);
        var concern = Assert.Single(await host.Services.GetRequiredService<IConcernStore>().ListByStatusAsync(Organisation, ConcernStatus.Received).ToListAsync());
        Assert.Equal(IdentityChoice.Named, concern.Reporter.Choice);
        Assert.Equal("Sam Field", concern.Reporter.DisplayName);
        Assert.Equal("07700 900123", concern.Reporter.GivenContact);
        Assert.Null(concern.Reporter.AadObjectId);
        var audit = await host.Services.GetRequiredService<IAuditLog>().ReadAsync(concern.Id);
        Assert.DoesNotContain(audit, e => e.Actor.Contains("Forged", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Actor == "Sam Field");
    }

    [Fact]
    public async Task The_contact_can_be_left_out_and_the_name_cannot()
    {
        await using var host = Host();
        var chat = (await new DirectLinePage(host.Client).StartAsync()).Chat();

        await Walkthrough.ToReviewAsync(chat, I.IdentityGiveName);
        Assert.True((await chat.PressAsync(I.ButtonContinue, new { answer = "" })).Says(I.KnownNameQuestion));
        await chat.PressAsync(I.ButtonContinue, new { answer = "Sam" });
        var review = await chat.PressAsync(I.KnownContactSkip);

        Assert.True(review.Says(ConcernBot.Conversation.Words.Format(I.ReviewKnownNamed, "Sam")), review.Words);
        Assert.False(review.Says(I.ReviewGivenContact));
        await chat.PressAsync(I.ReviewSubmit);
        var concern = Assert.Single(await host.Services.GetRequiredService<IConcernStore>().ListByStatusAsync(Organisation, ConcernStatus.Received).ToListAsync());
        Assert.Equal("Sam", concern.Reporter.DisplayName);
        Assert.Null(concern.Reporter.GivenContact);
    }

    [Fact]
    public async Task The_one_form_on_the_page_offers_the_same_two_choices_and_asks_for_the_name_only_when_it_is_to_be_given()
    {
        await using var host = Host();
        var chat = (await new DirectLinePage(host.Client).StartAsync()).Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        var form = (await chat.PressAsync(I.RoleStaffForm)).LastCard!;

        var identity = form.Inputs().Single(i => (string?)i["id"] == "f_identity");
        Assert.Equal(["Anonymous", "Named"], identity["choices"]!.AsArray().Select(c => (string?)c!["value"]).ToList());
        Assert.Contains(form.Inputs(), i => (string?)i["id"] == "f_givenname");
        Assert.DoesNotContain(I.KnownTeamsLimit, form.Words, StringComparison.Ordinal);

        var confidential = await chat.PressAsync(I.FormCheck, Form("Confidential", null));
        Assert.True(confidential.Says(I.FormIdentityRequired), confidential.Words);
        var nameless = await chat.PressAsync(I.FormCheck, Form("Named", null));
        Assert.True(nameless.Says(I.FormGivenNameMissing), nameless.Words);
        var review = await chat.PressAsync(I.FormCheck, Form("Named", "Pat"));
        Assert.True(review.Says(I.ReviewTitle), review.Words);
        Assert.True(review.Says("Pat"));
        await chat.PressAsync(I.ReviewSubmit);

        var concern = Assert.Single(await host.Services.GetRequiredService<IConcernStore>().ListByStatusAsync(Organisation, ConcernStatus.Received).ToListAsync());
        Assert.Equal(IdentityChoice.Named, concern.Reporter.Choice);
        Assert.Equal("Pat", concern.Reporter.DisplayName);
        Assert.Equal("pat@example.org", concern.Reporter.GivenContact);
    }

    private static object Form(string identity, string? name) => new
    {
        f_danger = "No",
        f_atrisk = "AdultAtRisk",
        f_atriskwho = "Mrs Allen",
        f_happened = "I saw a resident being left in wet clothes for hours.",
        f_harm = "NeglectOrActsOfOmission",
        f_consent = "Yes",
        f_identity = identity,
        f_givenname = name,
        f_givencontact = "pat@example.org",
    };

    [Fact]
    public async Task Through_Azures_own_Direct_Line_channel_the_client_cannot_name_itself_either()
    {
        // The documented alternative (docs/deploy.md): Azure's Direct Line channel, arriving on /api/messages.
        await using var host = TestHost.With(new TestHostOptions { Settings = People.Settings() });
        var chat = new TeamsChat(async activity =>
        {
            activity["channelId"] = "directline";
            activity["from"] = new JsonObject { ["id"] = "dl_visitor", ["name"] = "Claimed Name" };
            activity.Remove("channelData");
            using var response = await host.Client.PostAsJsonAsync("/api/messages", activity);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }, host.Connector, "dl-conversation-1");

        await Walkthrough.ToIdentityAsync(chat);
        Assert.DoesNotContain(I.IdentityConfidential, chat.Last.LastCard!.Buttons);
        await chat.PressAsync(I.IdentityGiveName);
        await chat.PressAsync(I.ButtonContinue, new { answer = "Typed Name" });
        await chat.PressAsync(I.KnownContactSkip);
        await chat.PressAsync(I.ReviewSubmit);

        var concern = Assert.Single(await host.Services.GetRequiredService<IConcernStore>().ListByStatusAsync("local", ConcernStatus.Received).ToListAsync());
        Assert.Equal("Typed Name", concern.Reporter.DisplayName);
    }

    private const string Organisation = "tenant-0001";

    private static TestHost Host()
    {
        var settings = People.Settings();
        settings["DirectLine:OrganisationId"] = Organisation;
        return TestHost.With(new TestHostOptions { Settings = settings });
    }
}
