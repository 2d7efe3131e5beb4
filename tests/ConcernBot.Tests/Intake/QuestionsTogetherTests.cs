using ConcernBot.Concerns;
using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

/// <summary>Cards that ask several questions at once: typed answers, back, change, drafts saved at the old one-question steps.</summary>
public sealed class QuestionsTogetherTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task Typed_the_first_question_is_answered_and_the_others_are_asked_one_at_a_time()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        var when = await ToWhenAsync(chat);
        Assert.False(when.Says(I.TogetherTyping)); // how typing works here is said after a miss (PressOrTypeHintTests)

        Assert.True((await chat.SayAsync("yesterday")).Says(I.WhereQuestion));
        Assert.False(chat.Last.Says(I.WhenWhereQuestion));
        Assert.True((await chat.SayAsync("The lounge")).Says(I.OngoingQuestion));
        var harm = await chat.SayAsync("no");
        Assert.True(harm.Says(I.HarmQuestion));
        Assert.True((await chat.SayAsync("physical")).Says(I.KnowsAskedQuestion));
        Assert.True((await chat.SayAsync("yes")).Says(I.OutcomesAskedQuestion));
        Assert.True((await chat.SayAsync("no")).Says(I.WishesQuestion));
        Assert.True((await chat.SayAsync("A new carer")).Says(I.InvolvedQuestion));
        Assert.True((await chat.SayAsync("His son")).Says(I.ConsentQuestion));

        await chat.SayAsync("yes");
        await chat.PressAsync(I.SkipNothingYet);
        await chat.SayAsync("no");
        await chat.PressAsync(I.IdentityNamed);
        await chat.PressAsync(I.ReviewSubmit);
        var concern = Assert.Single(await _data.ConcernsAsync());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), concern.Account.WhenDate);
        Assert.Equal("The lounge", concern.Account.Where);
        Assert.Equal(Answer.No, concern.Account.StillHappening);
        Assert.Equal([HarmKind.Physical], concern.HarmKinds);
        Assert.Equal(SubjectKind.StaffMember, concern.Subject.Kind);
        Assert.Equal(Answer.Yes, concern.DesiredOutcomes.PersonKnowsConcernRaised);
        Assert.Equal(DesiredOutcomesRecorded.NotAsked, concern.DesiredOutcomes.Recorded);
        Assert.Equal("A new carer", concern.DesiredOutcomes.WhatReporterWants);
        Assert.Equal("His son", concern.DesiredOutcomes.WhoPersonWantsInvolved);
    }

    [Fact]
    public async Task Back_returns_to_the_card_with_its_answers_kept()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await ToWhenAsync(chat);
        await chat.PressAsync(I.ButtonContinue, new { when = "last week", where = "The garden", ongoing = "No" });

        var back = await chat.SayAsync("back");

        Assert.True(back.Says(I.WhenWhereQuestion));
        Assert.Equal("The garden", (string?)back.LastCard!.Inputs().Single(i => (string?)i["id"] == "where")["value"]);
        Assert.Equal("last week", (string?)back.LastCard!.Inputs().Single(i => (string?)i["id"] == "when")["value"]);
    }

    [Fact]
    public async Task Change_on_the_review_goes_to_the_first_card_of_the_section_and_back_to_the_review()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await Walkthrough.ToReviewAsync(chat, I.IdentityNamed);

        var change = await chat.PressAsync(ConcernBot.Conversation.Words.Format(I.ReviewChange, I.Section_wishes));
        Assert.True(change.Says(I.KnowsAskedQuestion));
        Assert.True((await chat.PressAsync(I.ButtonContinue, new { wishes_knows = "Yes", wishes_asked = "AskedAndExpressed" })).Says(I.WishesQuestion));
        var review = await chat.PressAsync(I.ButtonContinue, new { wishes_person = "To stay in his room", wishes_reporter = "A safer lounge", wishes_involved = "His daughter" });

        Assert.True(review.Says(I.ReviewTitle));
        await chat.PressAsync(I.ReviewSubmit);
        var concern = Assert.Single(await _data.ConcernsAsync());
        Assert.Equal(DesiredOutcomesRecorded.AskedAndExpressed, concern.DesiredOutcomes.Recorded);
        Assert.Equal("To stay in his room", concern.DesiredOutcomes.WhatPersonWants);
        Assert.Equal("A safer lounge", concern.DesiredOutcomes.WhatReporterWants);
        Assert.Equal("His daughter", concern.DesiredOutcomes.WhoPersonWantsInvolved);
    }

    [Fact]
    public async Task A_box_too_long_is_said_and_the_card_shown_again()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await ToWhenAsync(chat);

        var again = await chat.PressAsync(I.ButtonContinue, new { where = new string('x', 600), ongoing = "No" });

        Assert.True(again.Says(I.WhereQuestion));
        Assert.True(again.Says(I.WhenWhereQuestion));
        Assert.Equal(ConcernBot.Intake.StepNames.When, (await _data.Conversations.GetAsync(chat.User.ConversationId))!.Value.Step);
    }

    [Theory]
    [InlineData("where", "The lounge", nameof(I.OngoingQuestion))]
    [InlineData("when", null, nameof(I.WhenWhereQuestion))]
    public async Task A_draft_saved_at_a_step_now_on_a_card_with_others_carries_on(string step, string? typed, string expected)
    {
        var user = TeamsUser.Make("Dev Malhotra");
        using (var first = TestHost.Intake(_data))
        {
            var chat = first.Chat(user);
            await ToWhenAsync(chat);
            if (step == "where")
            {
                await chat.SayAsync("yesterday");
            }

            Assert.Equal(step, (await _data.Conversations.GetAsync(chat.User.ConversationId))!.Value.Step);
            await chat.SayAsync("pause");
        }

        using var second = TestHost.Intake(_data);
        var again = second.Chat(user);
        await again.SayAsync("hi");
        var resumed = await again.PressAsync(I.ResumeCarryOn);
        var question = I.ResourceManager.GetString(expected, I.Culture)!;
        if (typed is null)
        {
            Assert.True(resumed.Says(question));
            return;
        }

        Assert.True(resumed.Says(I.WhereQuestion));
        Assert.True((await again.SayAsync(typed)).Says(question));
    }

    private static async Task<BotReplies> ToWhenAsync(TeamsChat chat)
    {
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaff);
        await chat.PressAsync(I.AtRiskAdult);
        await chat.PressAsync(I.ButtonContinue, new { answer = "Mr Jones, room 12" });
        return await chat.PressAsync(I.ButtonContinue, new { happened = Walkthrough.Account, about = "StaffMember" });
    }

    public void Dispose() => _data.Dispose();
}
