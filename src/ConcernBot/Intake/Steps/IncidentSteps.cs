using System.Globalization;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake.Steps;

/// <summary>Item 5: what happened in their own words, when, where, and whether it is still happening.</summary>
internal static class IncidentSteps
{
    /// <summary>What happened, and whether it is about someone who works here, on one card (typed: one at a time).</summary>
    public static FlowStep<IntakeDraft> WhatHappenedAndAbout() => Ask.Together(
        WhatHappened(), _ => IntakeText.HappenedAboutQuestion, _ => [HarmSteps.About()], [IntakeText.AboutWhy]);

    private static FlowStep<IntakeDraft> WhatHappened() => Ask.Text(
        StepNames.Happened, Sections.Happened, _ => IntakeText.HappenedQuestion, IntakeText.HappenedWhy, IntakeText.HappenedLabel, Ask.LongAnswer,
        d => d.WhatHappened, (d, text) => d.WhatHappened = text, IntakeText.ChoiceDontKnow,
        guidance: _ => [IntakeText.HappenedGuidance],
        track: Tracks.Guided)
        .Then(StepNames.About);

    /// <summary>When, where, and whether it is still happening, on one card.</summary>
    public static FlowStep<IntakeDraft> WhenAndWhere() => Ask.Together(
        When(), _ => IntakeText.WhenWhereQuestion, _ => [Where(), StillHappening()], [IntakeText.WhereWhy, IntakeText.OngoingWhy]);

    private static FlowStep<IntakeDraft> When() => new FlowStep<IntakeDraft>
    {
        Name = StepNames.When,
        Section = Sections.Happened,
        Track = Tracks.Guided,
        Why = IntakeText.WhenWhy,
        Prompt = d => new Prompt
        {
            Step = StepNames.When,
            Question = IntakeText.WhenQuestion,
            Guidance = [IntakeText.WhenGuidance],
            Text = new TextAnswer(IntakeText.WhenLabel, Ask.ShortAnswer, false, null, d.WhenDescription),
            OffersDate = true,
            SkipTitle = IntakeText.ChoiceNotSure,
        },
        Accept = AcceptWhen,
    }.Then(StepNames.Where);

    public static FlowStep<IntakeDraft> Where() => Ask.Text(
        StepNames.Where, Sections.Happened, _ => IntakeText.WhereQuestion, IntakeText.WhereWhy, IntakeText.WhereLabel, Ask.ShortAnswer,
        d => d.Where, (d, text) => d.Where = text, IntakeText.ChoiceDontKnow,
        track: Tracks.Guided, multiline: false)
        .Then(StepNames.Ongoing);

    public static FlowStep<IntakeDraft> StillHappening() => Ask.OneOf(
        StepNames.Ongoing, Sections.Happened, _ => IntakeText.OngoingQuestion, IntakeText.OngoingWhy, _ => IntakeChoices.Ongoing(),
        (d, c) => d.StillHappening = IntakeChoices.Parse<Answer>(c),
        track: Tracks.Guided, chosen: d => d.StillHappening)
        .Then(StepNames.Harm);

    /// <summary>A date from the picker, a typed date ("today", "12/03/2026"), words ("last winter"), or not sure.</summary>
    public static StepResult AcceptWhen(StepInput input, IntakeDraft draft)
    {
        if (input.Date is { } picked)
        {
            draft.WhenDate = picked;
            draft.WhenDescription = input.Text;
            return input.Text is { Length: > Ask.ShortAnswer } ? StepResult.Retry(Words.Format(IntakeText.RetryTooLong, Ask.ShortAnswer, input.Text.Length)) : StepResult.Ok;
        }

        return Ask.AcceptText(input, Ask.ShortAnswer, canSkip: true, text =>
        {
            draft.WhenDate = ParseDate(text);
            draft.WhenDescription = draft.WhenDate is null ? text : null;
        });
    }

    private static DateOnly? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var trimmed = text.Trim().TrimEnd('.');
        if (Ask.Words(IntakeText.WordsToday).Contains(trimmed, StringComparer.OrdinalIgnoreCase))
        {
            return today;
        }

        if (Ask.Words(IntakeText.WordsYesterday).Contains(trimmed, StringComparer.OrdinalIgnoreCase))
        {
            return today.AddDays(-1);
        }

        string[] formats = ["yyyy-MM-dd", "d/M/yyyy", "d/M/yy", "d.M.yyyy", "d MMMM yyyy", "d MMM yyyy"];
        return DateOnly.TryParseExact(trimmed, formats, CultureInfo.CurrentCulture, DateTimeStyles.None, out var date) && date <= today.AddDays(1)
            ? date
            : null;
    }
}
