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
        Who(), WhoName(), Happened(), WhenAndWhere(), Where(), Ongoing(), HarmAndAbout(leadNames), About(leadNames), AboutLead(leadNames), WantsAndInvolved(), Involved(), Sharing(), Known(leadNames),
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

    /// <summary>When, where and whether it is still happening, on one card; typed, one at a time.</summary>
    private static FlowStep<IntakeDraft> WhenAndWhere() => Ask.Together(
        When(), _ => IntakeText.SimpleWhenWhereQuestion, _ => [Where(), Ongoing()], [IntakeText.SimpleWhereWhy, IntakeText.SimpleOngoingWhy]);

    /// <summary>What they want and who could help, on one card; typed, one at a time.</summary>
    private static FlowStep<IntakeDraft> WantsAndInvolved() => Ask.Together(
        Wants(), _ => IntakeText.SimpleWantsInvolvedQuestion, _ => [Involved()], [IntakeText.SimpleInvolvedWhy]);

    /// <summary>What it was closest to and whether it is about someone who works here, on one card; typed, one at a time.</summary>
    private static FlowStep<IntakeDraft> HarmAndAbout(Func<IntakeDraft, IReadOnlyList<string>> leadNames) => Ask.Together(
        Harm(), _ => IntakeText.SimpleHarmAboutQuestion, _ => [About(leadNames)], [IntakeText.SimpleAboutWhy]);

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
        StepNames.SimpleOngoing, Sections.Happened, _ => IntakeText.SimpleOngoingQuestion, IntakeText.SimpleOngoingWhy, _ => IntakeChoices.Ongoing(),
        (d, c) => d.StillHappening = IntakeChoices.Parse<Answer>(c),
        track: Tracks.Simple, chosen: d => d.StillHappening)
        .Then(StepNames.SimpleHarm);

    private static FlowStep<IntakeDraft> Harm() => Ask.SomeOf(
        StepNames.SimpleHarm, Sections.Harm, IntakeText.SimpleHarmQuestion, IntakeText.SimpleHarmWhy, IntakeText.SimpleAnswerLabel, _ => SimpleChoices.Harm(),
        (d, picked) => d.HarmKinds = picked.Select(c => IntakeChoices.Parse<HarmKind>(c) ?? HarmKind.NotSure).Distinct().ToList(),
        track: Tracks.Simple, chosen: d => d.HarmKinds.Cast<Enum>())
        .Then(StepNames.SimpleAbout);

    private static FlowStep<IntakeDraft> About(Func<IntakeDraft, IReadOnlyList<string>> leadNames) => Ask.OneOf(
        StepNames.SimpleAbout, Sections.About, _ => IntakeText.SimpleAboutQuestion, IntakeText.SimpleAboutWhy, _ => SimpleChoices.About(),
        (d, c) =>
        {
            d.Subject = IntakeChoices.Parse<SubjectKind>(c);
            d.SubjectLeadName = null;
        },
        track: Tracks.Simple, chosen: d => d.Subject is SubjectKind.Volunteer or SubjectKind.SafeguardingLead ? SubjectKind.StaffMember : d.Subject)
        .Then(d => d.Subject == SubjectKind.StaffMember && leadNames(d).Count > 0 ? StepNames.SimpleAboutLead : StepNames.SimpleWants);

    /// <summary>Someone who works here: is it one of the leads? Then it goes to someone else and never to them.</summary>
    private static FlowStep<IntakeDraft> AboutLead(Func<IntakeDraft, IReadOnlyList<string>> leadNames) => Ask.OneOf(
        StepNames.SimpleAboutLead, Sections.About, _ => IntakeText.SimpleAboutLeadQuestion, IntakeText.SimpleAboutLeadWhy,
        d => [.. leadNames(d).Select(n => new Choice("lead:" + n, n)), IntakeChoices.No(nameof(SubjectKind.StaffMember), IntakeText.SimpleAboutLeadNo, IntakeText.WordsNo), IntakeChoices.DontKnow(nameof(Answer.DontKnow), IntakeText.SimpleDontKnow)],
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
        .Then(StepNames.SimpleFiles);

    /// <summary>"Can we tell the safeguarding lead your name?": "leads" when several of <paramref name="leadNames"/> would see it.</summary>
    private static FlowStep<IntakeDraft> Known(Func<IntakeDraft, IReadOnlyList<string>> leadNames)
    {
        bool Several(IntakeDraft d) => LeadsWording.Several(leadNames(d), d);
        return Ask.OneOf(
            StepNames.SimpleKnown, Sections.Known, d => Several(d) ? IntakeText.SimpleKnownQuestionMany : IntakeText.SimpleKnownQuestion, IntakeText.SimpleKnownWhy,
            d => SimpleChoices.Known(d, Several(d)),
            (d, c) => d.Identity = IntakeChoices.Parse<IdentityChoice>(c),
            guidance: d => [d.SignedIn ? IntakeText.SimpleKnownTeamsLimit : IntakeText.SimpleKnownNotSignedIn],
            track: Tracks.Simple, explain: (d, c) => IntakeChoices.ExplainIdentity(d, c, oneLead: !Several(d)))
            .Then(KnownByName.After);
    }
}

/// <summary>The simple path's buttons: everyday words, still mapped to the same facts. Made once per language and shared.</summary>
internal static class SimpleChoices
{
    public static IReadOnlyList<Choice> Who() => WhoChoices.Current;

    public static IReadOnlyList<Choice> When() => WhenChoices.Current;

    public static IReadOnlyList<Choice> Harm() => HarmChoices.Current;

    public static IReadOnlyList<Choice> About() => AboutChoices.Current;

    public static IReadOnlyList<Choice> Sharing() => SharingChoices.Current;

    public static IReadOnlyList<Choice> Known() => KnownChoices.Current;

    /// <summary>Signed in: as <see cref="Known()"/>. On a public page: "don't use my name" first, or "I'll tell you my name".</summary>
    public static IReadOnlyList<Choice> Known(IntakeDraft d) => Known(d, severalLeads: false);

    public static IReadOnlyList<Choice> Known(IntakeDraft d, bool severalLeads) =>
        !d.SignedIn ? NotSignedInKnownChoices.Current : severalLeads ? KnownChoicesMany.Current : KnownChoices.Current;

    private static readonly PerCulture<IReadOnlyList<Choice>> NotSignedInKnownChoices = new(() =>
    [
        IntakeChoices.No(nameof(IdentityChoice.Anonymous), IntakeText.SimpleKnownAnonymous, IntakeText.WordsNo, IntakeText.WordsIdentityAnonymous) with { Description = IntakeText.SimpleKnownAnonymousDescription },
        IntakeChoices.Yes(nameof(IdentityChoice.Named), IntakeText.SimpleKnownGiveName, IntakeText.WordsYes, IntakeText.WordsIdentityNamed) with { Description = IntakeText.SimpleKnownNamedDescription },
        IntakeChoices.IdentityNotSureChoice(),
    ]);

    private static readonly PerCulture<IReadOnlyList<Choice>> WhoChoices = new(() =>
    [
        new(nameof(PersonAtRiskKind.Reporter), IntakeText.SimpleWhoMe, null, Ask.Words(IntakeText.WordsMe)),
        new(nameof(PersonAtRiskKind.SomeoneElse), IntakeText.SimpleWhoSomeoneElse, null, Ask.Words(IntakeText.WordsSomeoneElse)),
        new(nameof(PersonAtRiskKind.Child), IntakeText.SimpleWhoChild, null, Ask.Words(IntakeText.WordsChild)),
        IntakeChoices.DontKnow(nameof(PersonAtRiskKind.NotKnown), IntakeText.SimpleDontKnow),
    ]);

    private static readonly PerCulture<IReadOnlyList<Choice>> WhenChoices = new(() =>
    [
        new("Today", IntakeText.SimpleWhenToday, null, [.. Ask.Words(IntakeText.WordsToday), .. Ask.Words(IntakeText.WordsWhenToday)]),
        new("ThisWeek", IntakeText.SimpleWhenThisWeek, null, Ask.Words(IntakeText.WordsWhenThisWeek)),
        new("Before", IntakeText.SimpleWhenBefore, null, Ask.Words(IntakeText.WordsWhenBefore)),
        IntakeChoices.DontKnow(nameof(Answer.DontKnow), IntakeText.SimpleDontKnow, IntakeText.WordsWhenDontKnow),
    ]);

    private static readonly PerCulture<IReadOnlyList<Choice>> HarmChoices = new(() =>
    [
        Harm(HarmKind.Physical, IntakeText.SimpleHarmHurt),
        Harm(HarmKind.Sexual, IntakeText.SimpleHarmTouched),
        Harm(HarmKind.PsychologicalOrEmotional, IntakeText.SimpleHarmWords),
        Harm(HarmKind.FinancialOrMaterial, IntakeText.SimpleHarmMoney),
        Harm(HarmKind.NeglectOrActsOfOmission, IntakeText.SimpleHarmNotCaredFor),
        IntakeChoices.DontKnow(nameof(HarmKind.NotSure), IntakeText.SimpleHarmOther, IntakeText.WordsHarmOther),
    ]);

    private static readonly PerCulture<IReadOnlyList<Choice>> AboutChoices = new(() =>
    [
        IntakeChoices.Yes(nameof(SubjectKind.StaffMember), IntakeText.ChoiceYes, IntakeText.WordsYes, IntakeText.WordsSubjectStaff, IntakeText.WordsSubjectVolunteer, IntakeText.WordsSubjectLead),
        IntakeChoices.No(nameof(SubjectKind.NotAboutStaff), IntakeText.ChoiceNo, IntakeText.WordsNo, IntakeText.WordsSubjectNo),
        IntakeChoices.DontKnow(nameof(SubjectKind.DontKnow), IntakeText.SimpleDontKnow, IntakeText.WordsDontKnowWho),
    ]);

    private static readonly PerCulture<IReadOnlyList<Choice>> SharingChoices = new(() =>
    [
        IntakeChoices.Yes(nameof(ConsentToShare.Yes), IntakeText.ChoiceYes, IntakeText.WordsYes, IntakeText.WordsSharingOk),
        IntakeChoices.No(nameof(ConsentToShare.No), IntakeText.ChoiceNo, IntakeText.WordsNo, IntakeText.WordsSharingNotOk),
        IntakeChoices.DontKnow(nameof(ConsentToShare.NotAsked), IntakeText.SimpleDontKnow),
    ]);

    private static readonly PerCulture<IReadOnlyList<Choice>> KnownChoices = new(() =>
        KnownWith(IntakeText.SimpleKnownConfidential, IntakeText.SimpleKnownConfidentialDescription));

    private static readonly PerCulture<IReadOnlyList<Choice>> KnownChoicesMany = new(() =>
        KnownWith(IntakeText.SimpleKnownConfidentialMany, IntakeText.SimpleKnownConfidentialDescriptionMany));

    private static IReadOnlyList<Choice> KnownWith(string confidential, string confidentialDescription) =>
    [
        IntakeChoices.Yes(nameof(IdentityChoice.Named), IntakeText.SimpleKnownNamed, IntakeText.WordsYes, IntakeText.WordsIdentityNamed) with { Description = IntakeText.SimpleKnownNamedDescription },
        new(nameof(IdentityChoice.Confidential), confidential, confidentialDescription, [.. Ask.Words(IntakeText.WordsSimpleKnownConfidential), .. Ask.Words(IntakeText.WordsIdentityConfidential)]),
        IntakeChoices.No(nameof(IdentityChoice.Anonymous), IntakeText.SimpleKnownAnonymous, IntakeText.WordsNo, IntakeText.WordsIdentityAnonymous) with { Description = IntakeText.SimpleKnownAnonymousDescription },
        IntakeChoices.IdentityNotSureChoice(),
    ];

    private static Choice Harm(HarmKind kind, string title) => new(kind.ToString(), title, null, Ask.Words(IntakeChoices.HarmWords(kind)));
}
