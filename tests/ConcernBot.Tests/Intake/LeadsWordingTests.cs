using ConcernBot.Testing;
using A = ConcernBot.Resources.Anonymity;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

/// <summary>
/// How to be known says exactly who will see the reporter's name: "the safeguarding lead" when only one would (one lead
/// set up, or two and the concern is about the other), "the safeguarding leads" when several would.
/// </summary>
public sealed class LeadsWordingTests : IDisposable
{
    private static readonly Dictionary<string, string?> OneLead = new() { ["Leads:Designated:1:Name"] = "", ["Leads:Designated:1:ObjectId"] = "" };
    private readonly IntakeData _data = new();

    [Fact]
    public async Task With_two_leads_the_identity_card_names_the_leads()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await Walkthrough.ToIdentityAsync(chat);

        Assert.True(chat.Last.Says(I.KnownWhoReceives) && chat.Last.Says(I.IdentityNamedDescription) && chat.Last.Says(I.IdentityConfidentialDescription));
        Assert.False(chat.Last.Says(I.KnownWhoReceivesOne));
        Assert.True(chat.Last.Says(A.ChoiceNamed));
    }

    [Fact]
    public async Task With_one_lead_every_sentence_on_the_identity_card_names_one_lead()
    {
        using var host = TestHost.Intake(_data, OneLead);
        var chat = host.Chat();
        await Walkthrough.ToIdentityAsync(chat);

        var card = chat.Last;
        Assert.True(card.Says(I.KnownWhoReceivesOne), card.Words);
        Assert.True(card.Says(I.IdentityNamedDescriptionOne) && card.Says(I.IdentityConfidentialDescriptionOne) && card.Says(I.IdentityAnonymousDescriptionOne));
        Assert.False(card.Says(I.IdentityNamedDescription));
        Assert.True(card.Says(A.ChoiceNamedOne));
        Assert.True(card.Says(A.ChoiceAnonymousDelayOne));
        Assert.True((await chat.PressAsync(I.ChoiceNotSure)).Says(I.IdentityNotSureExplainedOne));
    }

    [Fact]
    public async Task A_concern_about_one_of_two_leads_tells_the_reporter_that_one_lead_will_see_it()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await Walkthrough.ToIdentityAsync(chat, about: async c =>
        {
            await c.PressAsync(I.SubjectLead);
            await c.PressAsync("Priya Shah");
        });

        Assert.True(chat.Last.Says(I.KnownWhoReceivesOne), chat.Last.Words);
        Assert.True(chat.Last.Says(I.IdentityConfidentialDescriptionOne));
    }

    [Fact]
    public async Task On_the_simple_path_one_lead_is_the_safeguarding_lead_and_two_are_the_leads()
    {
        using var one = TestHost.Intake(_data, OneLead);
        Assert.True((await SimpleToKnownAsync(one.Chat())).Says(I.SimpleKnownQuestion));
        using var two = TestHost.Intake(_data);
        var several = await SimpleToKnownAsync(two.Chat(TeamsUser.Make("Second Person")));
        Assert.True(several.Says(I.SimpleKnownQuestionMany));
        Assert.Contains(I.SimpleKnownConfidentialMany, several.LastCard!.Buttons);
    }

    private static async Task<BotReplies> SimpleToKnownAsync(TeamsChat chat)
    {
        string[] typed = ["I'm worried about something that happened", "no", "2", "me", "A night carer shouted at me.", "this week", "My bedroom", "yes", "Unkind or scary words", "Yes", "no", "I want it to stop", "My sister Jo"];
        foreach (var words in typed)
        {
            await chat.SayAsync(words);
        }

        await chat.SayAsync("yes");
        return await chat.SayAsync("no"); // no photo to send
    }

    public void Dispose() => _data.Dispose();
}
