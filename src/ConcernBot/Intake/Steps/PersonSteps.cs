using ConcernBot.Concerns;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake.Steps;

/// <summary>Item 4: who is at risk, and for a child, whether children's services already know them (be clear about the child's status).</summary>
internal static class PersonSteps
{
    public static FlowStep<IntakeDraft> AtRisk() => Ask.OneOf(
        StepNames.AtRisk, Sections.Person, _ => IntakeText.AtRiskQuestion, IntakeText.AtRiskWhy, _ => IntakeChoices.AtRisk(),
        (d, c) =>
        {
            d.AtRisk = IntakeChoices.Parse<PersonAtRiskKind>(c);
            if (d.AtRisk != PersonAtRiskKind.Child)
            {
                d.ChildStatus = null;
            }
        },
        track: Tracks.Guided)
        .Then(d => d.AboutReporter ? StepNames.Happened : StepNames.AtRiskWho);

    public static FlowStep<IntakeDraft> Description() => Ask.Text(
        StepNames.AtRiskWho, Sections.Person, _ => IntakeText.AtRiskWhoQuestion, IntakeText.AtRiskWhoWhy, IntakeText.AtRiskWhoLabel, Ask.ShortAnswer,
        d => d.AtRiskDescription, (d, text) => d.AtRiskDescription = text, IntakeText.SkipRatherNotSay,
        track: Tracks.Guided, multiline: false)
        .Then(d => d.AtRisk == PersonAtRiskKind.Child ? StepNames.ChildStatus : StepNames.Happened);

    public static FlowStep<IntakeDraft> ChildStatus() => Ask.OneOf(
        StepNames.ChildStatus, Sections.Person, _ => IntakeText.ChildStatusQuestion, IntakeText.ChildStatusWhy, _ => IntakeChoices.ChildStatus(),
        (d, c) => d.ChildStatus = IntakeChoices.Parse<ChildServicesStatus>(c),
        guidance: _ => [IntakeText.ChildStatusGuidance],
        track: Tracks.Guided)
        .Then(StepNames.Happened);
}
