using ConcernBot.Concerns;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake.Steps;

/// <summary>
/// The simple-language path for a person who uses the service: one short question a message, buttons first, no jargon,
/// the same facts captured where that is possible. Every question works with a typed answer alone.
/// </summary>
internal static class SimpleSteps
{
    public static IEnumerable<FlowStep<IntakeDraft>> All(Func<IntakeDraft, IReadOnlyList<string>> leadNames) =>
    [
        Who(), WhoName(), Happened(), When(), Where(), Ongoing(), Harm(), About(leadNames), AboutLead(leadNames), Wants(), Involved(), Sharing(), Known(),
    ];

    private static FlowStep<IntakeDraft> Who() => Ask.OneOf(
        StepNames.SimpleWho, Sections.Person, _ => IntakeText.SimpleWhoQuestion, IntakeText.SimpleWhoWhy, _ => SimpleChoices.Who(),
        (d, c) => d.AtRisk = IntakeChoices.Parse<PersonAtRiskKind>(c),
        track: Tracks.Simple)
        .Then(d => d.AtRisk is PersonAtRiskKind.Reporter or PersonAtRiskKind.NotKnown ? StepNames.SimpleHappened : StepNames.SimpleWhoName);

    private static FlowStep<IntakeDraft> WhoName() => Ask.Text(
        StepNames.SimpleWhoName, Sections.Person, _ => IntakeText.SimpleWhoNameQuestion, IntakeText.SimpleWhoNameWhy, IntakeText.SimpleAnswerLabel, Ask.ShortAnswer,
        d => d.AtRiskDescription, (d, text) => d.AtRiskDescription = text, IntakeText.SimpleSkip,
        track: Tracks.Simple, multiline: false)
        .Then(StepNames.SimpleHappened);

    private static FlowStep<IntakeDraft> Happened() => Ask.Text(
        StepNames.SimpleHappened, Sections.Happened, _ => IntakeText.SimpleHappenedQuestion, IntakeText.SimpleHappenedWhy, IntakeText.SimpleAnswerLabel, Ask.LongAnswer,
        d => d.WhatHappened, (d, text) => d.WhatHappened = text, IntakeText.SimpleDontKnow,
        guidance: _ => [IntakeText.SimpleHappenedGuidance],
        track: Tracks.Simple)
        .Then(StepNames.SimpleWhen);

    private static FlowStep<IntakeDraft> When() => Ask.OneOf(
        StepNames.SimpleWhen, Sections.Happened, _ => IntakeText.SimpleWhenQuestion, IntakeText.SimpleWhenWhy, _ => SimpleChoices.When(),
        (d, c) =>
        {
            d.WhenDate = c.Value == "Today" ? DateOnly.FromDateTime(DateTime.UtcNow) : null;
            d.WhenDescription = c.Value is "Today" or nameof(Answer.DontKnow) ? null : c.Title;
        },
        track: Tracks.Simple)
        .Then(StepNames.SimpleWhere);

    private static FlowStep<IntakeDraft> Where() => Ask.Text(
        StepNames.SimpleWhere, Sections.Happened, _ => IntakeText.SimpleWhereQuestion, IntakeText.SimpleWhereWhy, IntakeText.SimpleAnswerLabel, Ask.ShortAnswer,
        d => d.Where, (d, text) => d.Where = text, IntakeText.SimpleDontKnow,
        track: Tracks.Simple, multiline: false)
        .Then(StepNames.SimpleOngoing);

    private static FlowStep<IntakeDraft> Ongoing() => Ask.OneOf(
        StepNames.SimpleOngoing, Sections.Happened, _ => IntakeText.SimpleOngoingQuestion, IntakeText.SimpleOngoingWhy, _ => IntakeChoices.YesNoDontKnow(),
        (d, c) => d.StillHappening = IntakeChoices.Parse<Answer>(c),
        track: Tracks.Simple)
        .Then(StepNames.SimpleHarm);

    private static FlowStep<IntakeDraft> Harm() => Ask.OneOf(
        StepNames.SimpleHarm, Sections.Harm, _ => IntakeText.SimpleHarmQuestion, IntakeText.SimpleHarmWhy, _ => SimpleChoices.Harm(),
        (d, c) => d.HarmKinds = [IntakeChoices.Parse<HarmKind>(c) ?? HarmKind.NotSure],
        track: Tracks.Simple)
        .Then(StepNames.SimpleAbout);

    private static FlowStep<IntakeDraft> About(Func<IntakeDraft, IReadOnlyList<string>> leadNames) => Ask.OneOf(
        StepNames.SimpleAbout, Sections.About, _ => IntakeText.SimpleAboutQuestion, IntakeText.SimpleAboutWhy, _ => SimpleChoices.About(),
        (d, c) =>
        {
            d.Subject = IntakeChoices.Parse<SubjectKind>(c);
            d.SubjectLeadName = null;
        },
        track: Tracks.Simple)
        .Then(d => d.Subject == SubjectKind.StaffMember && leadNames(d).Count > 0 ? StepNames.SimpleAboutLead : StepNames.SimpleWants);

    /// <summary>Someone who works here: is it one of the leads? Then it goes to someone else and never to them.</summary>
    private static FlowStep<IntakeDraft> AboutLead(Func<IntakeDraft, IReadOnlyList<string>> leadNames) => Ask.OneOf(
        StepNames.SimpleAboutLead, Sections.About, _ => IntakeText.SimpleAboutLeadQuestion, IntakeText.SimpleAboutLeadWhy,
        d => [.. leadNames(d).Select(n => new Choice("lead:" + n, n)), new(nameof(SubjectKind.StaffMember), IntakeText.SimpleAboutLeadNo, null, Ask.Words(IntakeText.WordsNo)), new(nameof(Answer.DontKnow), IntakeText.SimpleDontKnow, null, Ask.Words(IntakeText.WordsDontKnow))],
        (d, c) =>
        {
            var lead = c.Value.StartsWith("lead:", StringComparison.Ordinal);
            d.Subject = lead ? SubjectKind.SafeguardingLead : SubjectKind.StaffMember;
            d.SubjectLeadName = lead ? c.Title : null;
        },
        track: Tracks.Simple)
        .Then(StepNames.SimpleWants);

    private static FlowStep<IntakeDraft> Wants() => Ask.Text(
        StepNames.SimpleWants, Sections.Wishes, _ => IntakeText.SimpleWantsQuestion, IntakeText.SimpleWantsWhy, IntakeText.SimpleAnswerLabel, Ask.LongAnswer,
        d => d.AboutReporter ? d.WhatPersonWants : d.WhatReporterWants,
        (d, text) =>
        {
            if (d.AboutReporter)
            {
                d.WhatPersonWants = text;
                d.OutcomesAsked = text is null ? DesiredOutcomesRecorded.AskedNoneExpressed : DesiredOutcomesRecorded.AskedAndExpressed;
            }
            else
            {
                d.WhatReporterWants = text;
                d.OutcomesAsked = DesiredOutcomesRecorded.DontKnow;
            }
        },
        IntakeText.SimpleDontKnow,
        track: Tracks.Simple)
        .Then(StepNames.SimpleInvolved);

    private static FlowStep<IntakeDraft> Involved() => Ask.Text(
        StepNames.SimpleInvolved, Sections.Wishes, _ => IntakeText.SimpleInvolvedQuestion, IntakeText.SimpleInvolvedWhy, IntakeText.SimpleAnswerLabel, Ask.ShortAnswer,
        d => d.WhoInvolved, (d, text) => d.WhoInvolved = text, IntakeText.SimpleNoOne,
        track: Tracks.Simple, multiline: false)
        .Then(StepNames.SimpleSharing);

    private static FlowStep<IntakeDraft> Sharing() => Ask.OneOf(
        StepNames.SimpleSharing, Sections.Sharing, _ => IntakeText.SimpleSharingQuestion, IntakeText.SimpleSharingWhy, _ => SimpleChoices.Sharing(),
        (d, c) => d.Consent = IntakeChoices.Parse<ConsentToShare>(c),
        track: Tracks.Simple)
        .Then(StepNames.SimpleKnown);

    private static FlowStep<IntakeDraft> Known() => Ask.OneOf(
        StepNames.SimpleKnown, Sections.Known, _ => IntakeText.SimpleKnownQuestion, IntakeText.SimpleKnownWhy, SimpleChoices.Known,
        (d, c) => d.Identity = IntakeChoices.Parse<IdentityChoice>(c),
        guidance: d => [d.SignedIn ? IntakeText.SimpleKnownTeamsLimit : IntakeText.SimpleKnownNotSignedIn],
        track: Tracks.Simple)
        .Then(KnownByName.After);
}

/// <summary>The simple path's buttons: everyday words, still mapped to the same facts.</summary>
internal static class SimpleChoices
{
    public static IReadOnlyList<Choice> Who() =>
    [
        new(nameof(PersonAtRiskKind.Reporter), IntakeText.SimpleWhoMe, null, Ask.Words(IntakeText.WordsMe)),
        new(nameof(PersonAtRiskKind.AdultAtRisk), IntakeText.SimpleWhoSomeoneElse),
        new(nameof(PersonAtRiskKind.Child), IntakeText.SimpleWhoChild, null, Ask.Words(IntakeText.WordsChild)),
        new(nameof(PersonAtRiskKind.NotKnown), IntakeText.SimpleDontKnow, null, Ask.Words(IntakeText.WordsDontKnow)),
    ];

    public static IReadOnlyList<Choice> When() =>
    [
        new("Today", IntakeText.SimpleWhenToday, null, Ask.Words(IntakeText.WordsToday)),
        new("ThisWeek", IntakeText.SimpleWhenThisWeek),
        new("Before", IntakeText.SimpleWhenBefore),
        new(nameof(Answer.DontKnow), IntakeText.SimpleDontKnow, null, Ask.Words(IntakeText.WordsDontKnow)),
    ];

    public static IReadOnlyList<Choice> Harm() =>
    [
        new(nameof(HarmKind.Physical), IntakeText.SimpleHarmHurt),
        new(nameof(HarmKind.Sexual), IntakeText.SimpleHarmTouched),
        new(nameof(HarmKind.PsychologicalOrEmotional), IntakeText.SimpleHarmWords),
        new(nameof(HarmKind.FinancialOrMaterial), IntakeText.SimpleHarmMoney),
        new(nameof(HarmKind.NeglectOrActsOfOmission), IntakeText.SimpleHarmNotCaredFor),
        new(nameof(HarmKind.NotSure), IntakeText.SimpleHarmOther, null, Ask.Words(IntakeText.WordsDontKnow)),
    ];

    public static IReadOnlyList<Choice> About() =>
    [
        new(nameof(SubjectKind.StaffMember), IntakeText.ChoiceYes, null, Ask.Words(IntakeText.WordsYes)),
        new(nameof(SubjectKind.NotAboutStaff), IntakeText.ChoiceNo, null, Ask.Words(IntakeText.WordsNo)),
        new(nameof(SubjectKind.DontKnow), IntakeText.SimpleDontKnow, null, Ask.Words(IntakeText.WordsDontKnow)),
    ];

    public static IReadOnlyList<Choice> Sharing() =>
    [
        new(nameof(ConsentToShare.Yes), IntakeText.ChoiceYes, null, Ask.Words(IntakeText.WordsYes)),
        new(nameof(ConsentToShare.No), IntakeText.ChoiceNo, null, Ask.Words(IntakeText.WordsNo)),
        new(nameof(ConsentToShare.NotAsked), IntakeText.SimpleDontKnow, null, Ask.Words(IntakeText.WordsDontKnow)),
    ];

    public static IReadOnlyList<Choice> Known(IntakeDraft d) => d.SignedIn ? Known() :
    [
        new(nameof(IdentityChoice.Anonymous), IntakeText.SimpleKnownAnonymous, IntakeText.SimpleKnownAnonymousDescription, Ask.Words(IntakeText.WordsNo)),
        new(nameof(IdentityChoice.Named), IntakeText.SimpleKnownGiveName, IntakeText.SimpleKnownNamedDescription, Ask.Words(IntakeText.WordsYes)),
    ];

    public static IReadOnlyList<Choice> Known() =>
    [
        new(nameof(IdentityChoice.Named), IntakeText.SimpleKnownNamed, IntakeText.SimpleKnownNamedDescription, Ask.Words(IntakeText.WordsYes)),
        new(nameof(IdentityChoice.Confidential), IntakeText.SimpleKnownConfidential, IntakeText.SimpleKnownConfidentialDescription),
        new(nameof(IdentityChoice.Anonymous), IntakeText.SimpleKnownAnonymous, IntakeText.SimpleKnownAnonymousDescription, Ask.Words(IntakeText.WordsNo)),
    ];
}
