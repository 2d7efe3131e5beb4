using ConcernBot.Concerns;
using ConcernBot.Conversation;
using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

/// <summary>The places a person could trip over: a start word as an answer, an older card's button, not knowing which identity to pick.</summary>
public sealed class ConversationRepairTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task Report_typed_as_the_account_asks_whether_to_start_again_or_keep_it_as_the_answer()
    {
        using var host = TestHost.Intake(_data);
        var chat = await ToHappenedAsync(host.Chat());

        var asked = await chat.SayAsync("report");
        Assert.True(asked.Says(I.StartOrAnswerQuestion));
        Assert.Equal([I.StartOrAnswerStartAgain, I.StartOrAnswerUseIt], asked.LastCard!.Buttons);
        Assert.True((await chat.PressAsync(I.StartOrAnswerUseIt)).Says(I.AboutQuestion));
        Assert.Equal("report", await DraftAsync(chat, d => d.WhatHappened));

        var other = await ToHappenedAsync(host.Chat(TeamsUser.Make("Second Person")));
        await other.SayAsync("raise a concern");
        Assert.True((await other.PressAsync(I.StartOrAnswerStartAgain)).Says(I.DangerQuestion));

        // An account that only opens with a start phrase is the account: nobody is asked about it.
        var third = await ToHappenedAsync(host.Chat(TeamsUser.Make("Third Person")));
        var account = "I want to report that Mr Jones was left in wet sheets all night.";
        var taken = await third.SayAsync(account);
        Assert.False(taken.Says(I.StartOrAnswerQuestion));
        Assert.True(taken.Says(I.AboutQuestion));
        Assert.Equal(account, await DraftAsync(third, d => d.WhatHappened));
    }

    [Fact]
    public async Task An_older_cards_button_opens_that_question_again_and_the_talk_carries_on_where_it_was()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaff);

        // The role card is still on screen: pressing another of its buttons opens that question, it does not answer it.
        var reopened = await chat.PressAsync(I.RoleFamilyOrFriend);
        Assert.True(reopened.Says(I.StaleReopened));
        Assert.True(reopened.Says(I.RoleQuestion));
        Assert.Equal(ReporterRole.StaffOrVolunteer, await DraftAsync(chat, d => d.Role));

        var back = await chat.PressAsync(I.RoleFamilyOrFriend);
        Assert.True(back.Says(I.AtRiskQuestion));
        Assert.Equal(ReporterRole.FamilyOrFriend, await DraftAsync(chat, d => d.Role));

        // The danger question was answered "no": an old "yes" reopens it and changes nothing until it is answered.
        var danger = await chat.PressAsync(I.DangerYes);
        Assert.True(danger.Says(I.DangerQuestion));
        Assert.False(await DraftAsync(chat, d => d.Urgent));
    }

    [Fact]
    public async Task An_answered_card_is_replaced_by_its_answer_so_the_chat_reads_as_a_record()
    {
        using var host = TestHost.Intake(_data);
        var chat = await ToHappenedAsync(host.Chat());
        var danger = chat.Transcript.First(r => r.Words.Contains(I.DangerQuestion, StringComparison.Ordinal) && r.Card is not null).Activity.Id;
        var echo = Assert.Single(host.Connector.Calls, c => c.Operation == "update" && c.ActivityId == danger).CardJson;
        Assert.Contains(I.DangerQuestion, echo, StringComparison.Ordinal);
        Assert.Contains(I.DangerNo, echo, StringComparison.Ordinal);
        Assert.DoesNotContain("Action.", echo, StringComparison.Ordinal);

        await chat.PressAsync(I.ButtonContinue, new { happened = Walkthrough.Account });
        var card = chat.Last.LastCard!.Activity.Id;
        await chat.PressAsync(I.ButtonContinue, new { when_date = "2026-11-20", where = "The lounge", ongoing = "No" });
        var together = Assert.Single(host.Connector.Calls, c => c.Operation == "update" && c.ActivityId == card).CardJson;
        Assert.Contains("20 November 2026", together, StringComparison.Ordinal);
        Assert.Contains("The lounge", together, StringComparison.Ordinal);
        Assert.Contains(I.OngoingQuestion, together, StringComparison.Ordinal);

        // Typed answers leave the card as it is: what the person typed is in the chat already.
        var updates = host.Connector.Calls.Count(c => c.Operation == "update");
        await chat.SayAsync("physical");
        Assert.Equal(updates, host.Connector.Calls.Count(c => c.Operation == "update"));
    }

    [Fact]
    public async Task Not_sure_how_to_be_known_explains_the_choices_and_suggests_confidential()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await Walkthrough.ToIdentityAsync(chat);
        Assert.Contains(I.ChoiceNotSure, chat.Last.LastCard!.Buttons);

        var explained = await chat.PressAsync(I.ChoiceNotSure);
        Assert.True(explained.Says(I.IdentityNotSureExplained));
        Assert.Null(await DraftAsync(chat, d => d.Identity));

        var typed = await chat.SayAsync("what's the difference?");
        Assert.True(typed.Says(I.IdentityNotSureExplained));

        var review = await chat.PressAsync(I.IdentityConfidential);
        Assert.True(review.Says(I.ReviewKnownConfidential));
    }

    [Theory]
    [InlineData(nameof(I.IdentityNamed))]
    [InlineData(nameof(I.IdentityAnonymous))]
    public async Task The_review_says_how_the_person_will_be_known_not_the_buttons_words(string button)
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat(TeamsUser.Make("Sam Carter"));
        var title = I.ResourceManager.GetString(button, System.Globalization.CultureInfo.CurrentUICulture)!;

        await Walkthrough.ToReviewAsync(chat, title);

        var review = chat.Last;
        Assert.False(review.Says(": " + title));
        Assert.True(review.Says(button == nameof(I.IdentityNamed) ? Words.Format(I.ReviewKnownNamed, "Sam Carter") : I.ReviewKnownAnonymous));
    }

    [Fact]
    public async Task On_the_simple_path_someone_else_is_kept_as_said_and_several_harms_can_be_named()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RolePersonUsingService);
        await chat.PressAsync(I.SimpleWhoSomeoneElse);
        await chat.PressAsync(I.ButtonContinue, new { answer = "My friend Ali" });
        await chat.PressAsync(I.ButtonContinue, new { answer = "A carer took Ali's money and pushed him." });
        await chat.PressAsync(I.ButtonContinue, new { simple_when = "ThisWeek", simple_where = "The lounge", simple_ongoing = "Yes" });
        var review = await ReviewAfterHarmAsync(chat, new { simple_harm = "Physical,FinancialOrMaterial", simple_about = "NotAboutStaff" });
        Assert.True(review.Says(I.SimpleHarmHurt + ", " + I.SimpleHarmMoney));

        await chat.PressAsync(I.ReviewSubmit);
        var concern = Assert.Single(await _data.ConcernsAsync());
        Assert.Equal(PersonAtRiskKind.SomeoneElse, concern.PersonAtRisk.Kind);
        Assert.Equal("My friend Ali", concern.PersonAtRisk.Description);
        Assert.Equal([HarmKind.Physical, HarmKind.FinancialOrMaterial], concern.HarmKinds);
    }

    private static async Task<BotReplies> ReviewAfterHarmAsync(TeamsChat chat, object harm)
    {
        await chat.PressAsync(I.ButtonContinue, harm);
        await chat.PressAsync(I.ButtonContinue, new { simple_wants = "", simple_involved = "" });
        await chat.PressAsync(I.ChoiceYes);
        await chat.PressAsync(I.FilesCarryOn);
        return await chat.PressAsync(I.SimpleKnownAnonymous);
    }

    private static async Task<TeamsChat> ToHappenedAsync(TeamsChat chat)
    {
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaff);
        await chat.PressAsync(I.AtRiskAdult);
        Assert.True((await chat.PressAsync(I.ButtonContinue, new { answer = "Mr Jones, room 12" })).Says(I.HappenedQuestion));
        return chat;
    }

    private async Task<T> DraftAsync<T>(TeamsChat chat, Func<ConcernBot.Intake.IntakeDraft, T> read) =>
        read(ConcernBot.Intake.IntakeDraft.From((await _data.Conversations.GetAsync(chat.User.ConversationId))!.Value.Data)!);

    public void Dispose() => _data.Dispose();
}
