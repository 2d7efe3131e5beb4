using System.Globalization;
using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;
using S = ConcernBot.Resources.Strings;

namespace ConcernBot.Tests.Language;

/// <summary>
/// The reporter's side in their own language (from their client, or chosen by typing "language" and kept with the
/// draft); the leads' side in the organisation's; Arabic cards right to left.
/// </summary>
public sealed class LanguageTests
{
    private static readonly CultureInfo Welsh = CultureInfo.GetCultureInfo("cy");
    private static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo("ar");

    [Fact]
    public async Task A_Welsh_Teams_client_is_welcomed_and_asked_in_Welsh()
    {
        await using var host = TestHost.Leads();
        var chat = host.Chat();
        chat.Locale = "cy-GB";

        var welcome = await chat.SayAsync("hi");
        Assert.True(welcome.Says(In(Welsh, S.ResourceManager, nameof(S.WelcomeTitle))), welcome.Words);
        var danger = await chat.PressAsync(In(Welsh, S.ResourceManager, nameof(S.WelcomeRaiseConcern)));
        Assert.True(danger.Says(In(Welsh, I.ResourceManager, nameof(I.DangerQuestion))), danger.Words);
        Assert.NotEqual(I.DangerQuestion, In(Welsh, I.ResourceManager, nameof(I.DangerQuestion)));
    }

    [Fact]
    public async Task Typing_language_offers_each_language_in_itself_and_the_choice_stays_for_the_whole_concern_while_the_leads_card_stays_in_English()
    {
        await using var host = TestHost.Leads();
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");

        var card = await chat.SayAsync("language");
        Assert.Equal(["English", "Cymraeg", "Polski", "Română", "العربية"], card.LastCard!.Buttons);
        var changed = await chat.PressAsync("العربية");
        Assert.True(changed.Says(In(Arabic, S.ResourceManager, nameof(S.LanguageChanged))), changed.Words);

        // The draft goes on where it was, now in Arabic, on cards written right to left; the client still says en-GB.
        var danger = await chat.PressAsync(In(Arabic, I.ResourceManager, nameof(I.DangerNo)));
        Assert.True(danger.Says(In(Arabic, I.ResourceManager, nameof(I.RoleQuestion))), danger.Words);
        Assert.True((bool?)danger.LastCard!.Card!["rtl"] == true, "An Arabic card is not marked right to left.");

        await chat.PressAsync(In(Arabic, I.ResourceManager, nameof(I.RoleStaffForm)));
        var review = await chat.PressAsync(In(Arabic, I.ResourceManager, nameof(I.FormCheck)), new
        {
            f_danger = "No", f_atrisk = "AdultAtRisk", f_atriskwho = "Mrs Allen", f_happened = "She was left in wet clothes for hours.",
            f_harm = "NeglectOrActsOfOmission", f_consent = "Yes", f_identity = "Anonymous",
        });
        Assert.True(review.Says(In(Arabic, I.ResourceManager, nameof(I.ReviewTitle))), review.Words);
        var receipt = await chat.PressAsync(In(Arabic, I.ResourceManager, nameof(I.ReviewSubmit)));
        Assert.True(receipt.Says(In(Arabic, I.ResourceManager, nameof(I.ReceiptTitle))), receipt.Words);

        host.Clock.Advance(TimeSpan.FromMinutes(16)); // past an anonymous concern's random wait
        await host.DeliverOutboxAsync();
        var toLeads = host.Connector.Calls.Where(c => c.ConversationId != chat.User.ConversationId && c.CardJson.Length > 0).Select(c => c.CardJson).ToList();
        var title = ConcernBot.Resources.Leads.CardTitle.Replace("{0}", "", StringComparison.Ordinal).Trim();
        Assert.Contains(toLeads, c => c.Contains(title, StringComparison.Ordinal));
        Assert.DoesNotContain(toLeads, c => c.Contains("\"rtl\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_organisation_can_have_its_leads_side_in_Welsh()
    {
        var settings = People.Settings();
        settings["Language:Organisation"] = "cy";
        await using var host = TestHost.Leads(new TestHostOptions { Preset = settings });
        var chat = host.Chat();
        await Walkthrough.ToReviewAsync(chat, I.IdentityNamed);
        await chat.PressAsync(I.ReviewSubmit);

        await host.DeliverOutboxAsync();
        var welshTitle = In(Welsh, ConcernBot.Resources.Leads.ResourceManager, nameof(ConcernBot.Resources.Leads.CardTitle)).Replace("{0}", "", StringComparison.Ordinal).Trim();
        Assert.Contains(host.Connector.Calls, c => c.CardJson.Contains(welshTitle, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hello_and_checking_on_a_concern_can_be_typed_in_any_offered_language()
    {
        await using var host = TestHost.Leads();
        var chat = host.Chat();
        chat.Locale = "cy-GB";

        Assert.True((await chat.SayAsync("Shwmae!")).Says(In(Welsh, S.ResourceManager, nameof(S.WelcomeTitle))));
        Assert.True((await chat.SayAsync("cześć")).Says(In(Welsh, S.ResourceManager, nameof(S.WelcomeTitle))));
        var status = await chat.SayAsync("statws");
        Assert.True(status.Says(In(Welsh, ConcernBot.Resources.Anonymity.ResourceManager, nameof(ConcernBot.Resources.Anonymity.StatusCardTitle))), status.Words);
        var stop = await chat.SayAsync("stopio cysylltu");
        Assert.False(stop.Says(In(Welsh, ConcernBot.Resources.Intake.ResourceManager, nameof(ConcernBot.Resources.Intake.RetryNotAChoice))), stop.Words);
        Assert.Equal(stop.Words, (await chat.SayAsync("stop contact")).Words);
    }

    [Fact]
    public async Task Every_word_of_a_question_and_why_it_is_asked_are_in_the_readers_language()
    {
        await using var host = TestHost.Leads();
        var english = host.Chat(TeamsUser.Make("First Reader"));
        await english.SayAsync("raise a concern"); // the flow is first used in English
        var chat = host.Chat(TeamsUser.Make("Gethin Morgan"));
        chat.Locale = "cy-GB";
        string[] typed = ["codi pryder", "na, does neb mewn perygl", "dwi'n gweithio yma", "oedolyn", "Mr Jones, ystafell 12", "Gwelais ofalwr yn gafael yn ei arddwrn.", "aelod o staff", "ddoe", "Y lolfa", "na, mae wedi stopio"];
        BotReplies harm = new([]);
        foreach (var words in typed)
        {
            harm = await chat.SayAsync(words);
        }

        Assert.True(harm.Says(In(Welsh, I.ResourceManager, nameof(I.HarmQuestion))), harm.Words);
        Assert.False(harm.Says(I.HarmQuestion));
        var why = await chat.SayAsync("help");
        Assert.True(why.Says(In(Welsh, I.ResourceManager, nameof(I.HarmWhy))), why.Words);
    }

    [Fact]
    public async Task A_whole_concern_typed_in_everyday_Welsh_reaches_the_review_without_being_asked_again()
    {
        await using var host = TestHost.Leads();
        var chat = host.Chat(TeamsUser.Make("Gethin Morgan"));
        chat.Locale = "cy-GB";
        string[] typed =
        [
            "codi pryder",
            "na, does neb mewn perygl",
            "dwi'n gweithio yma",
            "oedolyn",
            "Mr Jones, ystafell 12",
            "Gwelais ofalwr yn gafael yn ei arddwrn ac yn ei dynnu o'i gadair.",
            "aelod o staff",
            "ddoe",
            "Y lolfa ar y llawr cyntaf",
            "na, mae wedi stopio",
            "corfforol",
            "ydy, mae e'n gwybod",
            "do a dywedon nhw beth maen nhw eisiau",
            "Mae e eisiau teimlo'n ddiogel",
            "Hoffwn i rywun siarad ag e",
            "Ei ferch, Siân",
            "ydy, mae e wedi cytuno",
            "Dywedais wrth y rheolwr",
            "dim diolch",
            "defnyddio fy enw",
        ];
        string[] askedAgain =
        [
            In(Welsh, I.ResourceManager, nameof(I.RetryNotAChoice)),
            In(Welsh, I.ResourceManager, nameof(I.DidYouMeanHint)),
            In(Welsh, I.ResourceManager, nameof(I.RetryEmptyText)),
        ];

        BotReplies reply = new([]);
        foreach (var words in typed)
        {
            reply = await chat.SayAsync(words);
            Assert.False(askedAgain.Any(reply.Says), $"Asked again after \"{words}\":\n{reply.Words}");
        }

        Assert.True(reply.Says(In(Welsh, I.ResourceManager, nameof(I.ReviewTitle))), reply.Words);
        var receipt = await chat.SayAsync(In(Welsh, I.ResourceManager, nameof(I.WordsSubmit)).Split('|')[0]);
        Assert.True(receipt.Says(In(Welsh, I.ResourceManager, nameof(I.ReceiptTitle))), receipt.Words);
        var concern = Assert.Single(await host.Stores.Concerns.ListByStatusAsync(chat.User.TenantId, ConcernBot.Concerns.ConcernStatus.Received).ToListAsync());
        Assert.Equal(ConcernBot.Concerns.ReporterRole.StaffOrVolunteer, concern.ReporterRole);
        Assert.Equal(ConcernBot.Concerns.PersonAtRiskKind.AdultAtRisk, concern.PersonAtRisk.Kind);
        Assert.Equal([ConcernBot.Concerns.HarmKind.Physical], concern.HarmKinds);
        Assert.Equal(ConcernBot.Concerns.SubjectKind.StaffMember, concern.Subject.Kind);
        Assert.Equal(ConcernBot.Concerns.Answer.No, concern.Account.StillHappening);
        Assert.Equal(ConcernBot.Concerns.ConsentToShare.Yes, concern.InformationSharing.Consent);
        Assert.Equal(ConcernBot.Concerns.IdentityChoice.Named, concern.Reporter.Choice);
        Assert.Equal("Mae e eisiau teimlo'n ddiogel", concern.DesiredOutcomes.WhatPersonWants);
    }

    private static string In(CultureInfo culture, System.Resources.ResourceManager resources, string key) =>
        resources.GetString(key, culture) ?? throw new InvalidOperationException($"No {key} in {culture.Name}");
}
