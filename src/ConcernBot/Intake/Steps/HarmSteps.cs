using ConcernBot.Concerns;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake.Steps;

/// <summary>
/// Items 6 and 7: whether it is about someone who works here (asked with what happened: see IncidentSteps), and the
/// kinds of harm (several may be chosen), on a card of their own so that the sixteen kinds fit a phone's screen.
/// </summary>
internal static class HarmSteps
{
    public static FlowStep<IntakeDraft> Kinds() => Ask.SomeOf(
        StepNames.Harm, Sections.Harm, IntakeText.HarmQuestion, IntakeText.HarmWhy, IntakeText.HarmLabel, _ => IntakeChoices.HarmKinds(),
        (d, picked) => d.HarmKinds = picked.Select(c => IntakeChoices.Parse<HarmKind>(c) ?? HarmKind.NotSure).Distinct().ToList(),
        track: Tracks.Guided, chosen: d => d.HarmKinds.Cast<Enum>())
        .Then(WishesSteps.FirstFor);

    public static FlowStep<IntakeDraft> About() => Ask.OneOf(
        StepNames.About, Sections.About, _ => IntakeText.AboutQuestion, IntakeText.AboutWhy, _ => IntakeChoices.Subject(),
        (d, c) =>
        {
            d.Subject = IntakeChoices.Parse<SubjectKind>(c);
            if (d.Subject != SubjectKind.SafeguardingLead)
            {
                d.SubjectLeadName = null;
            }
        },
        guidance: _ => [IntakeText.AboutGuidance],
        track: Tracks.Guided, chosen: d => d.Subject)
        .Then(d => d.Subject == SubjectKind.SafeguardingLead ? StepNames.WhichLead : StepNames.When);

    /// <summary>Which lead: one of the service's leads from the settings, or typed (a concern about a lead never reaches them).</summary>
    public static FlowStep<IntakeDraft> WhichLead(Func<IntakeDraft, IReadOnlyList<string>> leadNames) => new FlowStep<IntakeDraft>
    {
        Name = StepNames.WhichLead,
        Section = Sections.About,
        Track = Tracks.Guided,
        Why = IntakeText.WhichLeadWhy,
        Prompt = d =>
        {
            var names = leadNames(d);
            return new Prompt
            {
                Step = StepNames.WhichLead,
                Question = IntakeText.WhichLeadQuestion,
                Choices = names.Count > 0 ? IntakeChoices.Leads(names) : [],
                Text = new TextAnswer(IntakeText.WhichLeadLabel, Ask.ShortAnswer, false, null, d.SubjectLeadName),
                SkipTitle = names.Count > 0 ? null : IntakeText.ChoiceDontKnow,
            };
        },
        Accept = (input, d) =>
        {
            var choices = IntakeChoices.Leads(leadNames(d));
            var choice = input.Choice is { } value ? choices.FirstOrDefault(c => c.Value == value) : ChoiceMatcher.Match(input.Text, choices);
            if (choice is not null)
            {
                d.SubjectLeadName = choice.Value.StartsWith("lead:", StringComparison.Ordinal) ? choice.Title : null;
                return StepResult.Ok;
            }

            // A typed name is kept as typed; the submission matches it to a lead (first name alone when only one has it).
            return Ask.AcceptText(input, Ask.ShortAnswer, canSkip: true, text => d.SubjectLeadName = text);
        },
    }.Then(StepNames.When);
}
