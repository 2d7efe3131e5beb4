using System.Reflection;
using ConcernBot.Concerns;
using ConcernBot.Intake;
using ConcernBot.Intake.Cards;
using ConcernBot.Guidance;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Tests.Cards;

/// <summary>The intake's and the guidance cards for the catalogue: every question of the flow, and each card with full and empty drafts.</summary>
internal static class IntakeCardSamples
{
    public static IEnumerable<CardSample> All =>
    [
        .. typeof(StepNames).GetFields(BindingFlags.Public | BindingFlags.Static | BindingFlags.NonPublic)
            .Where(f => f.IsLiteral && (string)f.GetRawConstantValue()! is not (StepNames.Review or StepNames.Form))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Select(step => Intake(nameof(IntakeCards.Question), "question-" + step.Replace('.', '-'), (cards, sp) =>
                cards.Question(sp.GetRequiredService<IntakeFlow>().Flow.Find(step)!.Prompt(Full())))),
        Intake(nameof(IntakeCards.DidYouMean), "either", (cards, _) => cards.DidYouMean(StepNames.OutcomesAsked, [.. IntakeChoices.OutcomesAsked().Take(2)], simple: false)),
        Intake(nameof(IntakeCards.DidYouMean), "one-simple", (cards, _) => cards.DidYouMean(StepNames.SimpleKnown, [ConcernBot.Intake.Steps.SimpleChoices.Known()[0]], simple: true)),
        Intake(nameof(IntakeCards.Confirm), "cancel", (cards, _) => cards.Confirm(ConversationCommand.Cancel)),
        Intake(nameof(IntakeCards.Confirm), "restart", (cards, _) => cards.Confirm(ConversationCommand.StartAgain)),
        Intake(nameof(IntakeCards.Answered), "when-and-where", (cards, _) => cards.Answered([("When did it happen?", "20 November 2026, just after school"), ("Where did it happen?", "The after-school club, room 2"), ("Is it still happening?", "Yes")])),
        Intake(nameof(IntakeCards.StartOrAnswer), "report-typed", (cards, _) => cards.StartOrAnswer("happened", "report")),
        Intake(nameof(IntakeCards.ResumeOffer), "resume", (cards, _) => cards.ResumeOffer(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero))),
        Intake(nameof(IntakeCards.Review), "guided-full", (cards, _) => cards.Review(Full(), _ => true)),
        Intake(nameof(IntakeCards.Review), "simple-empty", (cards, _) => cards.Review(new IntakeDraft { Track = IntakeTrack.Simple }, s => s != Sections.Evidence)),
        Intake(nameof(IntakeCards.Receipt), "named-urgent", (cards, _) => cards.Receipt(new ReceiptFacts("SG-7K3-Q9P", true, IdentityChoice.Named), ["Employee assistance: 0800 000 0000"])),
        Intake(nameof(IntakeCards.Receipt), "anonymous", (cards, _) => cards.Receipt(new ReceiptFacts("SG-7K3-Q9P", false, IdentityChoice.Anonymous, "RCH9-WGHP-S5XF-6JCA", Delayed: true), [])),
        Intake(nameof(IntakeCards.Receipt), "simple-anonymous", (cards, _) => cards.Receipt(new ReceiptFacts("SG-7K3-Q9P", false, IdentityChoice.Anonymous, "RCH9-WGHP-S5XF-6JCA", Simple: true), [])),
        Intake(nameof(IntakeCards.Form), "empty", (cards, sp) => cards.Form(new IntakeDraft(), [], ["Priya Shah"], null)),
        Intake(nameof(IntakeCards.Form), "problems-long", (cards, sp) => cards.Form(Full(longAnswers: true), ["Please choose how you would like to be known."], [], "Yes")),
        Guidance(nameof(GuidanceCards.Menu), "menu", c => c.Menu()),
        Guidance(nameof(GuidanceCards.WhatIsAbuse), "abuse", c => c.WhatIsAbuse()),
        Guidance(nameof(GuidanceCards.Signs), "signs", c => c.Signs()),
        Guidance(nameof(GuidanceCards.MyLead), "lead", c => c.MyLead()),
        Guidance(nameof(GuidanceCards.AfterRaising), "after", c => c.AfterRaising()),
        Guidance(nameof(GuidanceCards.Policies), "policies", c => c.Policies()),
        Guidance(nameof(GuidanceCards.For), "for-unknown-topic", c => c.For("nonsense")),
    ];

    private static CardSample Intake(string method, string name, Func<IntakeCards, IServiceProvider, System.Text.Json.JsonElement> build) =>
        new(typeof(IntakeCards), method, name, sp => build(sp.GetRequiredService<IntakeCards>(), sp));

    private static CardSample Guidance(string method, string name, Func<GuidanceCards, System.Text.Json.JsonElement> build) =>
        new(typeof(GuidanceCards), method, name, sp => build(sp.GetRequiredService<GuidanceCards>()));

    /// <summary>A draft with every answer given (long ones at the limit when asked).</summary>
    private static IntakeDraft Full(bool longAnswers = false)
    {
        string Long(string text) => longAnswers ? new string('x', 4000) : text;
        return new IntakeDraft
        {
            Id = "0123456789abcdef0123456789abcdef",
            Reference = "SG-7K3-Q9P",
            History = [StepNames.Danger],
            ImmediateDanger = true,
            Urgent = true,
            Role = ReporterRole.StaffOrVolunteer,
            AtRisk = PersonAtRiskKind.Child,
            AtRiskDescription = "Sam, aged 9",
            ChildStatus = ChildServicesStatus.ChildInNeed,
            WhatHappened = Long("I saw Sam being pushed against a wall."),
            WhenDate = new DateOnly(2026, 11, 20),
            WhenDescription = "after school",
            Where = "The after-school club",
            StillHappening = Answer.DontKnow,
            HarmKinds = [HarmKind.Physical, HarmKind.PsychologicalOrEmotional],
            Subject = SubjectKind.SafeguardingLead,
            SubjectLeadName = "Priya Shah",
            PersonKnows = Answer.No,
            OutcomesAsked = DesiredOutcomesRecorded.AskedAndExpressed,
            WhatPersonWants = Long("To keep coming to the club"),
            WhatReporterWants = Long("A check that he is safe"),
            WhoInvolved = "His gran",
            Consent = ConsentToShare.No,
            ReasonWithoutConsent = Long("He is a child and was hurt"),
            ActionsTaken = Long("Told the club manager"),
            Identity = IdentityChoice.Confidential,
        };
    }
}
