using ConcernBot.Concerns;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake.Steps;

/// <summary>
/// Item 8, Making Safeguarding Personal: does the person know, what do they want (in their words), what would the reporter
/// like, who would the person like involved. Recorded in the Safeguarding Adults Collection's terms.
/// </summary>
internal static class WishesSteps
{
    /// <summary>When the concern is about the reporter, they are the person: ask them directly.</summary>
    public static string FirstFor(IntakeDraft d) => d.AboutReporter ? StepNames.PersonWants : StepNames.PersonKnows;

    /// <summary>Whether the person knows, and whether they were asked what they want, on one card.</summary>
    public static FlowStep<IntakeDraft> KnowsAndAsked() => Ask.Together(
        PersonKnows(), _ => IntakeText.KnowsAskedQuestion, _ => [OutcomesAsked()], [IntakeText.OutcomesAskedWhy]);

    /// <summary>What the person wants, what the reporter would like (unless they are the person), who should be involved: one card.</summary>
    public static FlowStep<IntakeDraft> Wishes() => Ask.Together(
        PersonWants(), d => d.AboutReporter ? IntakeText.YouWishesQuestion : IntakeText.WishesQuestion,
        d => d.AboutReporter ? [Involved()] : [ReporterWants(), Involved()], [IntakeText.ReporterWantsWhy, IntakeText.InvolvedWhy]);

    /// <summary>What the reporter would like and who should be involved, when the person has not said what they want: one card.</summary>
    public static FlowStep<IntakeDraft> ReporterWishes() => Ask.Together(
        ReporterWants(), _ => IntakeText.WishesQuestion, _ => [Involved()], [IntakeText.InvolvedWhy]);

    private static FlowStep<IntakeDraft> PersonKnows() => Ask.OneOf(
        StepNames.PersonKnows, Sections.Wishes, _ => IntakeText.PersonKnowsQuestion, IntakeText.PersonKnowsWhy, _ => IntakeChoices.PersonKnows(),
        (d, c) => d.PersonKnows = IntakeChoices.Parse<Answer>(c),
        track: Tracks.Guided, chosen: d => d.PersonKnows)
        .Then(StepNames.OutcomesAsked);

    public static FlowStep<IntakeDraft> OutcomesAsked() => Ask.OneOf(
        StepNames.OutcomesAsked, Sections.Wishes, _ => IntakeText.OutcomesAskedQuestion, IntakeText.OutcomesAskedWhy, _ => IntakeChoices.OutcomesAsked(),
        (d, c) =>
        {
            d.OutcomesAsked = IntakeChoices.Parse<DesiredOutcomesRecorded>(c);
            if (d.OutcomesAsked != DesiredOutcomesRecorded.AskedAndExpressed)
            {
                d.WhatPersonWants = null;
            }
        },
        track: Tracks.Guided, chosen: d => d.OutcomesAsked)
        .Then(d => d.OutcomesAsked == DesiredOutcomesRecorded.AskedAndExpressed ? StepNames.PersonWants : StepNames.ReporterWants);

    private static FlowStep<IntakeDraft> PersonWants() => Ask.Text(
        StepNames.PersonWants, Sections.Wishes, d => d.AboutReporter ? IntakeText.YouWantQuestion : IntakeText.PersonWantsQuestion,
        IntakeText.PersonWantsWhy, IntakeText.PersonWantsLabel, Ask.LongAnswer,
        d => d.WhatPersonWants,
        (d, text) =>
        {
            d.WhatPersonWants = text;
            if (d.AboutReporter)
            {
                d.OutcomesAsked = text is null ? DesiredOutcomesRecorded.AskedNoneExpressed : DesiredOutcomesRecorded.AskedAndExpressed;
            }
        },
        IntakeText.ChoiceDontKnow,
        track: Tracks.Guided)
        .Then(d => d.AboutReporter ? StepNames.Involved : StepNames.ReporterWants);

    private static FlowStep<IntakeDraft> ReporterWants() => Ask.Text(
        StepNames.ReporterWants, Sections.Wishes, _ => IntakeText.ReporterWantsQuestion, IntakeText.ReporterWantsWhy, IntakeText.ReporterWantsLabel, Ask.LongAnswer,
        d => d.WhatReporterWants, (d, text) => d.WhatReporterWants = text, IntakeText.ChoiceDontKnow,
        track: Tracks.Guided)
        .Then(StepNames.Involved);

    public static FlowStep<IntakeDraft> Involved() => Ask.Text(
        StepNames.Involved, Sections.Wishes, d => d.AboutReporter ? IntakeText.YouInvolvedQuestion : IntakeText.InvolvedQuestion,
        IntakeText.InvolvedWhy, IntakeText.InvolvedLabel, Ask.ShortAnswer,
        d => d.WhoInvolved, (d, text) => d.WhoInvolved = text, IntakeText.ChoiceDontKnow,
        track: Tracks.Guided, multiline: false)
        .Then(StepNames.Sharing);
}
