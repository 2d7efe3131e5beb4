using ConcernBot.Concerns;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake.Steps;

/// <summary>Items 1 to 3: reassurance, immediate danger first, then who is telling us.</summary>
internal static class OpeningSteps
{
    public static FlowStep<IntakeDraft> Danger() => Ask.OneOf(
        StepNames.Danger, Sections.Safety, _ => IntakeText.DangerQuestion, IntakeText.DangerWhy, _ => IntakeChoices.Danger(),
        (d, c) =>
        {
            d.ImmediateDanger = c.Value switch { nameof(Answer.Yes) => true, nameof(Answer.No) => false, _ => null };
            d.Urgent = d.Urgent && d.ImmediateDanger != false;
        },
        guidance: d => d.History.Count == 0 ? [IntakeText.OpeningThanks, IntakeText.OpeningNoRecrimination, IntakeText.OpeningHowLong] : [])
        .Then(d => d.ImmediateDanger != false ? StepNames.Urgent : StepNames.Role);

    public static FlowStep<IntakeDraft> Urgent(string emergencyAdvice) => Ask.OneOf(
        StepNames.Urgent, Sections.Safety, _ => IntakeText.UrgentQuestion, IntakeText.UrgentWhy, _ => IntakeChoices.Urgent(),
        (d, c) => d.Urgent = true,
        guidance: _ => [emergencyAdvice],
        pauseAfter: c => c.Value == "Later")
        .Then(StepNames.Role);

    public static FlowStep<IntakeDraft> Role(IReadOnlyList<IntakeService> services) => Ask.OneOf(
        StepNames.Role, Sections.You, _ => IntakeText.RoleQuestion, IntakeText.RoleWhy, _ => IntakeChoices.Roles(),
        (d, c) =>
        {
            if (c.Value == IntakeChoices.FormValue)
            {
                d.Role = ReporterRole.StaffOrVolunteer;
                d.Track = IntakeTrack.Form;
                return;
            }

            d.Role = IntakeChoices.Parse<ReporterRole>(c);
            d.Track = d.Role == ReporterRole.PersonUsingService ? IntakeTrack.Simple : IntakeTrack.Guided;
        })
        .Then(d => services.Count > 1 ? StepNames.Service : AfterOpening(d));

    /// <summary>Several services or sites, each with its own leads: which one is this about? (Skipped when there is only one.)</summary>
    public static FlowStep<IntakeDraft> Service(IReadOnlyList<IntakeService> services) => Ask.OneOf(
        StepNames.Service, Sections.You, _ => IntakeText.ServiceQuestion, IntakeText.ServiceWhy,
        _ => [.. services.Select(s => new Choice(s.Id, s.Name, Words.Format(IntakeText.ServiceReceivers, s.Name)))],
        (d, c) =>
        {
            d.ServiceId = c.Value;
            d.ServiceName = c.Title;
        })
        .Then(AfterOpening);

    private static string AfterOpening(IntakeDraft d) => d.Track switch
    {
        IntakeTrack.Form => StepNames.Form,
        IntakeTrack.Simple => StepNames.SimpleWho,
        _ => StepNames.AtRisk,
    };
}
