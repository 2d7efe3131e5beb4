using System.Globalization;
using ConcernBot.Concerns;
using W = ConcernBot.Resources.Learning;

namespace ConcernBot.Learning;

/// <summary>The report's words for each kind, count and duration.</summary>
internal static class LearningText
{
    public static string Format(string template, params object?[] args) => string.Format(CultureInfo.CurrentCulture, template, args);

    public static string Word(string prefix, Enum value) => W.ResourceManager.GetString(prefix + value, CultureInfo.CurrentUICulture) ?? value.ToString();

    public static string Raiser(RaisedBy who) => Word("RaisedBy", who);

    public static string Decision(DecisionKind kind) => Word("Decision", kind);

    public static string Msp(DesiredOutcomesRecorded recorded) => Word("Msp", recorded);

    public static string Achieved(OutcomesAchieved achieved) => Word("Achieved", achieved);

    public static string Risk(RiskOutcome risk) => Word("Risk", risk);

    public static string Feedback(FeedbackOutcome outcome) => Word("Feedback", outcome);

    public static string Duration(TimeSpan? span) => span switch
    {
        null => W.NotYet,
        { TotalHours: < 1 } s => Format(W.DurationMinutes, Math.Max(0, (int)Math.Round(s.TotalMinutes))),
        { TotalDays: < 1 } s => Format(W.DurationHours, (int)s.TotalHours, s.Minutes),
        var s => Format(W.DurationDays, (int)s.Value.TotalDays, s.Value.Hours),
    };
}
