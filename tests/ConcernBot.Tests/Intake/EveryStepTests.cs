using ConcernBot.Storage;
using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

/// <summary>At every question of both paths: an empty message and a wrong or oversized answer are asked again, kindly.</summary>
public sealed class EveryStepTests : IDisposable
{
    private readonly IntakeData _data = new();

    /// <summary>Before each real answer, sends nothing, then something wrong for that kind of question, and checks both are refused.</summary>
    private async Task Stubborn(TeamsChat chat, Func<Task<BotReplies>> answer)
    {
        var card = chat.Transcript.Last(r => r.Card is not null);
        // A card asking several questions takes a typed answer to its first: text when its first input is a box or a date.
        var takesText = card.Inputs().Any(i => (string?)i["id"] == "answer") || (string?)card.Inputs().FirstOrDefault()?["type"] is "Input.Text" or "Input.Date";
        var step = (await _data.Conversations.GetAsync(chat.User.ConversationId))!.Value.Step;

        var empty = await chat.SayAsync(" ");
        Assert.True(empty.Says(takesText ? I.RetryEmptyText : I.RetryNothingChosen), $"empty answer at {step}");
        var wrong = await chat.SayAsync(takesText ? new string('w', 4001) : "purple elephant");
        Assert.True(wrong.Says(takesText ? "4,001" : I.RetryNotAChoice), $"wrong answer at {step}");
        Assert.Equal(step, (await _data.Conversations.GetAsync(chat.User.ConversationId))!.Value.Step);
        await answer();
    }

    [Fact]
    public async Task Every_guided_question_refuses_empty_and_wrong_answers_then_goes_on()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await Stubborn(chat, () => chat.PressAsync(I.ChoiceNotSure));
        await Stubborn(chat, () => chat.PressAsync(I.UrgentContinue));
        await Stubborn(chat, () => chat.PressAsync(I.RoleFamilyOrFriend));
        await Stubborn(chat, () => chat.PressAsync(I.AtRiskChild));
        await Stubborn(chat, () => chat.SayAsync("Ella"));
        await Stubborn(chat, () => chat.SayAsync("4"));
        await Stubborn(chat, () => chat.SayAsync(Walkthrough.Account));
        await Stubborn(chat, () => chat.PressAsync(I.SubjectLead));
        await Stubborn(chat, () => chat.SayAsync("Someone from the other site"));
        await Stubborn(chat, () => chat.SayAsync("yesterday"));
        await Stubborn(chat, () => chat.SayAsync("At the park"));
        await Stubborn(chat, () => chat.SayAsync("no"));
        await Stubborn(chat, () => chat.SayAsync("1, 3"));
        await Stubborn(chat, () => chat.SayAsync("no"));
        await Stubborn(chat, () => chat.SayAsync("not sure"));
        await Stubborn(chat, () => chat.SayAsync("To see her dad more"));
        await Stubborn(chat, () => chat.SayAsync("skip"));
        await Stubborn(chat, () => chat.SayAsync("2"));
        await Stubborn(chat, () => chat.SayAsync("She is 7"));
        await Stubborn(chat, () => chat.SayAsync("Nothing yet"));
        await Stubborn(chat, () => chat.SayAsync("skip"));
        await Stubborn(chat, () => chat.SayAsync("stay anonymous"));
        Assert.True(chat.Last.Says(I.ReviewTitle));
        await chat.SayAsync("submit");

        var concern = Assert.Single((await _data.ConcernsAsync()));
        Assert.Equal(Concerns.ChildServicesStatus.NotKnownToServices, concern.PersonAtRisk.ChildServicesStatus);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), concern.Account.WhenDate);
        Assert.Equal([Concerns.HarmKind.Physical, Concerns.HarmKind.PsychologicalOrEmotional], concern.HarmKinds);
        Assert.Equal("Someone from the other site", concern.Subject.LeadName);
        Assert.Null(concern.Subject.LeadAadObjectId);
        Assert.Equal(Concerns.DesiredOutcomesRecorded.DontKnow, concern.DesiredOutcomes.Recorded);
        Assert.Null(concern.DesiredOutcomes.WhoPersonWantsInvolved);
        Assert.Equal(Concerns.ConsentToShare.No, concern.InformationSharing.Consent);
        Assert.True(concern.Urgent);
        Assert.False(concern.ImmediateDanger);
    }

    [Fact]
    public async Task Every_simple_question_refuses_empty_and_wrong_answers_then_goes_on()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("I'm worried");
        await Stubborn(chat, () => chat.SayAsync("no"));
        await Stubborn(chat, () => chat.SayAsync("I use this service"));
        await Stubborn(chat, () => chat.SayAsync("someone else"));
        await Stubborn(chat, () => chat.SayAsync("Pat in the next room"));
        await Stubborn(chat, () => chat.SayAsync("Pat's money keeps going missing."));
        await Stubborn(chat, () => chat.SayAsync("before that"));
        await Stubborn(chat, () => chat.SayAsync("I don't know"));
        await Stubborn(chat, () => chat.SayAsync("yes"));
        await Stubborn(chat, () => chat.SayAsync("4"));
        await Stubborn(chat, () => chat.SayAsync("i don't know"));
        await Stubborn(chat, () => chat.SayAsync("For it to stop"));
        await Stubborn(chat, () => chat.SayAsync("No one"));
        await Stubborn(chat, () => chat.SayAsync("no"));
        await Stubborn(chat, () => chat.SayAsync("no thanks"));
        await Stubborn(chat, () => chat.SayAsync("Only the safeguarding lead"));
        Assert.True(chat.Last.Says(I.SimpleReviewTitle));
        await chat.PressAsync(I.ReviewSubmit);

        var concern = Assert.Single((await _data.ConcernsAsync()));
        Assert.Equal("Pat in the next room", concern.PersonAtRisk.Description);
        Assert.Equal([Concerns.HarmKind.FinancialOrMaterial], concern.HarmKinds);
        Assert.Equal("For it to stop", concern.DesiredOutcomes.WhatReporterWants);
        Assert.Equal(Concerns.ConsentToShare.No, concern.InformationSharing.Consent);
        Assert.Equal(Concerns.IdentityChoice.Confidential, concern.Reporter.Choice);
    }

    [Fact]
    public async Task A_turn_that_meets_a_concurrent_change_is_tried_again_once_and_answered_once()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        var stored = await _data.Conversations.GetAsync(chat.User.ConversationId);
        host.Conversations.FailNextSave = true;

        var reply = await chat.PressAsync(I.DangerNo);

        Assert.Equal(1, reply.Count);
        Assert.True(reply.Says(I.RoleQuestion));
        Assert.NotEqual(stored!.ETag, (await _data.Conversations.GetAsync(chat.User.ConversationId))!.ETag);
    }

    public void Dispose() => _data.Dispose();
}
