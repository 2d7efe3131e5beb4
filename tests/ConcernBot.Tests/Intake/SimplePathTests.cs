using ConcernBot.Concerns;
using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

/// <summary>A person who uses the service, typing every answer (as with a screen reader and no buttons).</summary>
public sealed class SimplePathTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task A_person_who_uses_the_service_can_raise_a_concern_with_typed_answers_only()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat(TeamsUser.Make("Rowan Birchley"));

        Assert.True((await chat.SayAsync("I'm worried about something that happened")).Says(I.DangerQuestion));
        Assert.True((await chat.SayAsync("no")).Says(I.RoleQuestion));
        var who = await chat.SayAsync("2");
        Assert.True(who.Says(I.SimpleWhoQuestion));
        Assert.False(who.Says(I.HintSimple)); // only on the first question and after a miss
        Assert.True((await chat.SayAsync("me")).Says(I.SimpleHappenedQuestion));
        Assert.True((await chat.SayAsync("A night carer shouted at me and took my phone away.")).Says(I.SimpleWhenQuestion));
        Assert.True((await chat.SayAsync("this week")).Says(I.SimpleWhereQuestion));
        Assert.True((await chat.SayAsync("My bedroom")).Says(I.SimpleOngoingQuestion));
        Assert.True((await chat.SayAsync("yes")).Says(I.SimpleHarmQuestion));
        var harmTyped = await chat.SayAsync("Unkind or scary words");
        Assert.True(harmTyped.Says(I.SimpleAboutQuestion), harmTyped.Words);
        Assert.True((await chat.SayAsync("Yes")).Says(I.SimpleAboutLeadQuestion));
        Assert.True((await chat.SayAsync("no")).Says(I.SimpleWantsQuestion));
        Assert.True((await chat.SayAsync("I want my phone back and a different carer at night")).Says(I.SimpleInvolvedQuestion));
        Assert.True((await chat.SayAsync("My sister Jo")).Says(I.SimpleSharingQuestion));
        Assert.True((await chat.SayAsync("yes")).Says(I.SimpleFilesQuestion));
        Assert.True((await chat.SayAsync("no")).Says(I.SimpleKnownQuestionMany), "two leads: the question names them both");
        var review = await chat.SayAsync("3");
        Assert.True(review.Says(I.SimpleReviewTitle));
        Assert.True(review.Says(I.SimpleReviewShare));
        Assert.True(review.Says(I.ReviewKnownAnonymous));
        Assert.False(review.Says(I.ReviewConsent));
        Assert.False(review.Says(I.ReviewOutcomesAsked));
        Assert.True(review.Says(I.SimpleSection_person) && review.Says(I.SimpleSection_harm) && review.Says(I.SimpleSection_sharing));
        Assert.False(review.Says(I.Section_person) || review.Says(I.Section_harm) || review.Says(I.Section_sharing));
        var receipt = await chat.SayAsync("submit");

        Assert.Equal(17, chat.MessagesSent); // typed, the questions asked together on a card come one at a time
        var concern = Assert.Single((await _data.ConcernsAsync()));
        Assert.True(receipt.Says(concern.Reference));
        Assert.True(receipt.Says(I.SimpleReceiptTitle) && receipt.Says(I.SimpleReceiptMeanwhile) && receipt.Says(I.SimpleReceiptKeepReferenceAnonymous), receipt.Words);
        Assert.False(receipt.Says(I.ReceiptTitle) || receipt.Says(I.EvidenceAdvice) || receipt.Says(I.ReceiptNext), receipt.Words);
        Assert.Equal(ReporterRole.PersonUsingService, concern.ReporterRole);
        Assert.Equal(PersonAtRiskKind.Reporter, concern.PersonAtRisk.Kind);
        Assert.Equal("A night carer shouted at me and took my phone away.", concern.Account.WhatHappened);
        Assert.Equal(I.SimpleWhenThisWeek, concern.Account.WhenDescription);
        Assert.DoesNotContain(I.Section_evidence, chat.Transcript[^2].Words, StringComparison.Ordinal);
        Assert.Equal("My bedroom", concern.Account.Where);
        Assert.Equal(Answer.Yes, concern.Account.StillHappening);
        Assert.Equal([HarmKind.PsychologicalOrEmotional], concern.HarmKinds);
        Assert.Equal(SubjectKind.StaffMember, concern.Subject.Kind);
        Assert.Equal("I want my phone back and a different carer at night", concern.DesiredOutcomes.WhatPersonWants);
        Assert.Equal(DesiredOutcomesRecorded.AskedAndExpressed, concern.DesiredOutcomes.Recorded);
        Assert.Equal("My sister Jo", concern.DesiredOutcomes.WhoPersonWantsInvolved);
        Assert.Equal(ConsentToShare.Yes, concern.InformationSharing.Consent);
        Assert.Equal(IdentityChoice.Anonymous, concern.Reporter.Choice);
    }

    [Fact]
    public async Task On_the_cards_the_simple_path_asks_when_and_where_what_happened_and_who_and_what_they_want_together()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat(TeamsUser.Make("Rowan Birchley"));

        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RolePersonUsingService);
        await chat.PressAsync(I.SimpleWhoMe);
        var when = await chat.PressAsync(I.ButtonContinue, new { answer = "A night carer shouted at me and took my phone away." });
        Assert.True(when.Says(I.SimpleWhenWhereQuestion) && when.Says(I.SimpleWhereQuestion) && when.Says(I.SimpleOngoingQuestion));
        Assert.True(when.Says(I.TogetherEmptySimple) && !when.Says(I.TogetherTypingSimple));
        var harm = await chat.PressAsync(I.ButtonContinue, new { simple_when = "ThisWeek", simple_where = "My bedroom", simple_ongoing = "Yes" });
        Assert.True(harm.Says(I.SimpleHarmAboutQuestion) && harm.Says(I.SimpleAboutQuestion));
        var wants = await chat.PressAsync(I.ButtonContinue, new { simple_harm = "PsychologicalOrEmotional", simple_about = "NotAboutStaff" });
        Assert.True(wants.Says(I.SimpleWantsInvolvedQuestion) && wants.Says(I.SimpleInvolvedQuestion));
        Assert.True((await chat.PressAsync(I.ButtonContinue, new { simple_wants = "I want my phone back", simple_involved = "My sister Jo" })).Says(I.SimpleSharingQuestion));
        Assert.True((await chat.PressAsync(I.ChoiceYes)).Says(I.SimpleFilesQuestion));
        await chat.PressAsync(I.FilesCarryOn);
        await chat.PressAsync(I.SimpleKnownAnonymous);
        await chat.PressAsync(I.ReviewSubmit);

        Assert.Equal(12, chat.MessagesSent); // 15 when each question was its own message (then no photo question)
        var concern = Assert.Single((await _data.ConcernsAsync()));
        Assert.Equal(I.SimpleWhenThisWeek, concern.Account.WhenDescription);
        Assert.Equal("My bedroom", concern.Account.Where);
        Assert.Equal(Answer.Yes, concern.Account.StillHappening);
        Assert.Equal([HarmKind.PsychologicalOrEmotional], concern.HarmKinds);
        Assert.Equal(SubjectKind.NotAboutStaff, concern.Subject.Kind);
        Assert.Equal("I want my phone back", concern.DesiredOutcomes.WhatPersonWants);
        Assert.Equal(DesiredOutcomesRecorded.AskedAndExpressed, concern.DesiredOutcomes.Recorded);
        Assert.Equal("My sister Jo", concern.DesiredOutcomes.WhoPersonWantsInvolved);
        Assert.Equal(IdentityChoice.Anonymous, concern.Reporter.Choice);
    }

    [Fact]
    public async Task The_simple_path_asks_again_kindly_and_lists_the_answers_by_number()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("report");
        await chat.SayAsync("no");
        await chat.SayAsync("I use this service");

        var again = await chat.SayAsync("banana");

        Assert.True(again.Says(I.RetryNotAChoice));
        Assert.True(again.Says("1. " + I.SimpleWhoMe));
        Assert.True(again.Says("2. " + I.SimpleWhoSomeoneElse));
        Assert.True(again.Says(I.SimpleWhoQuestion));
        Assert.True((await chat.SayAsync("1")).Says(I.SimpleHappenedQuestion));
    }

    public void Dispose() => _data.Dispose();
}
