using ConcernBot.Concerns;
using ConcernBot.Intake;
using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

public sealed class StaffPathTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task The_ordinary_staff_path_is_fourteen_messages_and_keeps_every_answer_Making_Safeguarding_Personal_asks_for()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();

        await Walkthrough.ToReviewAsync(chat, I.IdentityNamed);
        await chat.PressAsync(I.ReviewSubmit);

        Assert.Equal(15, chat.MessagesSent); // 20 when each question was its own message
        var concern = Assert.Single(await _data.ConcernsAsync());
        Assert.Equal("Mr Jones, room 12", concern.PersonAtRisk.Description);
        Assert.Equal("The lounge on the first floor", concern.Account.Where);
        Assert.Equal(Answer.No, concern.Account.StillHappening);
        Assert.Equal([HarmKind.Physical], concern.HarmKinds);
        Assert.Equal(SubjectKind.StaffMember, concern.Subject.Kind);
        Assert.Equal(Answer.Yes, concern.DesiredOutcomes.PersonKnowsConcernRaised);
        Assert.Equal(DesiredOutcomesRecorded.AskedNoneExpressed, concern.DesiredOutcomes.Recorded);
        Assert.Equal("I'd like Mr Jones to feel safe.", concern.DesiredOutcomes.WhatReporterWants);
        Assert.Equal(ConsentToShare.Yes, concern.InformationSharing.Consent);
    }

    [Fact]
    public async Task A_member_of_staff_raises_a_concern_about_a_child_and_every_answer_is_stored()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();

        var opening = await chat.SayAsync("raise a concern");
        Assert.True(opening.Says(I.OpeningThanks));
        Assert.True(opening.Says(I.DangerQuestion));

        Assert.True((await chat.PressAsync(I.DangerNo)).Says(I.RoleQuestion));
        Assert.True((await chat.PressAsync(I.RoleStaff)).Says(I.AtRiskQuestion));
        Assert.True((await chat.PressAsync(I.AtRiskChild)).Says(I.AtRiskWhoQuestion));
        Assert.True((await chat.PressAsync(I.ButtonContinue, new { answer = "Sam, aged 9, year 4" })).Says(I.ChildStatusQuestion));
        var happened = await chat.PressAsync(I.ChildStatusInNeed);
        Assert.True(happened.Says(I.HappenedAboutQuestion));
        Assert.True(happened.Says(I.HappenedQuestion) && happened.Says(I.AboutQuestion));
        Assert.True(happened.Says(I.HappenedGuidance));
        var whichLead = await chat.PressAsync(I.ButtonContinue, new { happened = Walkthrough.Account, about = "SafeguardingLead" });
        Assert.Contains("Priya Shah", whichLead.LastCard!.Buttons);
        var when = await chat.PressAsync("Priya Shah");
        Assert.True(when.Says(I.WhenWhereQuestion));
        Assert.True(when.Says(I.WhenQuestion) && when.Says(I.WhereQuestion) && when.Says(I.OngoingQuestion));
        var harm = await chat.PressAsync(I.ButtonContinue, new { when_date = "2026-11-20", when = "just after school", where = "The after-school club, room 2", ongoing = "Yes" });
        Assert.True(harm.Says(I.HarmQuestion));
        Assert.True(harm.Says(I.HarmNeglectOrActsOfOmissionDescription));
        var knows = await chat.PressAsync(I.ButtonContinue, new { choices = "Physical,NeglectOrActsOfOmission" });
        Assert.True(knows.Says(I.PersonKnowsQuestion) && knows.Says(I.OutcomesAskedQuestion));
        var wishes = await chat.PressAsync(I.ButtonContinue, new { wishes_knows = "No", wishes_asked = "AskedAndExpressed" });
        Assert.True(wishes.Says(I.WishesQuestion));
        Assert.True(wishes.Says(I.PersonWantsQuestion) && wishes.Says(I.ReporterWantsQuestion) && wishes.Says(I.InvolvedQuestion));
        Assert.True((await chat.PressAsync(I.ButtonContinue, new { wishes_person = "He wants to keep coming to the club", wishes_reporter = "A check that he is safe at home" })).Says(I.ConsentQuestion));
        Assert.True((await chat.PressAsync(I.ConsentNo)).Says(I.ReasonQuestion));
        var evidence = await chat.PressAsync(I.ButtonContinue, new { answer = "He has a bruise and is a child" });
        Assert.True(evidence.Says(I.EvidenceAdvice));
        var files = await chat.PressAsync(I.ButtonContinue, new { answer = "I told the club manager; nobody has spoken to the parents" });
        Assert.True(files.Says(I.FilesQuestion) && files.Says(I.FilesRemoved));
        var known = await chat.PressAsync(I.FilesCarryOn);
        Assert.True(known.Says(ConcernBot.Resources.Anonymity.ChoiceTeamsLimit));
        Assert.True(known.Says(ConcernBot.Resources.Anonymity.ChoiceConfidentialOne)); // about Priya: only Tom will see it
        var review = await chat.PressAsync(I.IdentityNamed);
        Assert.True(review.Says(I.ReviewTitle));
        Assert.True(review.Says(Walkthrough.Account));
        Assert.True(review.Says("Priya Shah"));

        var receipt = await chat.PressAsync(I.ReviewSubmit);

        Assert.Equal(18, chat.MessagesSent); // 24 when each question was its own message
        var concern = Assert.Single((await _data.ConcernsAsync()));
        Assert.True(receipt.Says(concern.Reference));
        Assert.True(receipt.Says(I.ReceiptNext));
        Assert.True(receipt.Says("Employee assistance: 0800 000 0000 (test)"));
        Assert.Matches("^SG-[234679ACDEFGHJKMNPQRTUVWXYZ]{3}-[234679ACDEFGHJKMNPQRTUVWXYZ]{3}$", concern.Reference);
        Assert.Equal("tenant-contoso-care", concern.OrganisationId);
        Assert.False(concern.Urgent);
        Assert.Equal(ReporterRole.StaffOrVolunteer, concern.ReporterRole);
        Assert.Equal(new PersonAtRisk { Kind = PersonAtRiskKind.Child, Description = "Sam, aged 9, year 4", ChildServicesStatus = ChildServicesStatus.ChildInNeed }, concern.PersonAtRisk);
        Assert.Equal(Walkthrough.Account, concern.Account.WhatHappened);
        Assert.Equal(new DateOnly(2026, 11, 20), concern.Account.WhenDate);
        Assert.Equal("just after school", concern.Account.WhenDescription);
        Assert.Equal("The after-school club, room 2", concern.Account.Where);
        Assert.Equal(Answer.Yes, concern.Account.StillHappening);
        Assert.Equal([HarmKind.Physical, HarmKind.NeglectOrActsOfOmission], concern.HarmKinds);
        Assert.Equal(SubjectKind.SafeguardingLead, concern.Subject.Kind);
        Assert.Equal("Priya Shah", concern.Subject.LeadName);
        Assert.Equal("lead-priya-oid", concern.Subject.LeadAadObjectId);
        Assert.Equal(Answer.No, concern.DesiredOutcomes.PersonKnowsConcernRaised);
        Assert.Equal(DesiredOutcomesRecorded.AskedAndExpressed, concern.DesiredOutcomes.Recorded);
        Assert.Equal("He wants to keep coming to the club", concern.DesiredOutcomes.WhatPersonWants);
        Assert.Equal("A check that he is safe at home", concern.DesiredOutcomes.WhatReporterWants);
        Assert.Null(concern.DesiredOutcomes.WhoPersonWantsInvolved);
        Assert.Equal(ConsentToShare.No, concern.InformationSharing.Consent);
        Assert.Equal("He has a bruise and is a child", concern.InformationSharing.ReasonWithoutConsent);
        Assert.Equal("I told the club manager; nobody has spoken to the parents", concern.ActionsAlreadyTaken);
        Assert.Equal(concern.ReceivedAt + TimeSpan.FromHours(4), concern.NextDeadline);
        Assert.Equal(TimeSpan.Zero, concern.ReceivedAt.Offset);

        var audit = Assert.Single((await _data.AuditAsync(concern.Id)));
        Assert.Equal("Concern received", audit.Action);
        var messages = await _data.OutboxAsync();
        var receiptMessage = Assert.Single(messages, m => m.Kind == "reporter.receipt");
        Assert.Equal(concern.Id, receiptMessage.ConcernId);
        Assert.Equal("{}", receiptMessage.Payload); // delivered in the turn, and erased
        var outbox = Assert.Single(messages, m => m.Kind == "concern.submitted");
        Assert.Equal(concern.Id, outbox.ConcernId);
        Assert.Contains(concern.Id, outbox.Payload, StringComparison.Ordinal);

        var state = (await _data.Conversations.GetAsync(chat.User.ConversationId))!.Value;
        Assert.Null(state.Flow);
        Assert.Null(state.Data);
        Assert.Null(state.ExpiresAt);
    }

    [Fact]
    public async Task Every_turn_saves_the_state_once()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaff);

        Assert.Equal(3, host.Conversations.Saves);
        var state = (await _data.Conversations.GetAsync(chat.User.ConversationId))!.Value;
        Assert.Equal(StepNames.AtRisk, state.Step);
        Assert.NotNull(state.ExpiresAt);
        Assert.Equal(3, state.RecentActivityIds.Count);
    }

    public void Dispose() => _data.Dispose();
}
