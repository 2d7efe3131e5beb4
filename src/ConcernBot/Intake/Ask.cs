using System.Globalization;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake;

/// <summary>The kinds of question the intake asks, so each step of the script is one short statement.</summary>
internal static class Ask
{
    public const int LongAnswer = 4000;
    public const int ShortAnswer = 500;

    /// <summary>Pick one of the buttons (or type its words or number).</summary>
    public static FlowStep<IntakeDraft> OneOf(
        string name, string section, Func<IntakeDraft, string> question, string why,
        Func<IntakeDraft, IReadOnlyList<Choice>> choices, Action<IntakeDraft, Choice> set,
        Func<IntakeDraft, IReadOnlyList<string>>? guidance = null, string? track = null) => new()
    {
        Name = name,
        Section = section,
        Track = track,
        Why = why,
        Prompt = d => new Prompt
        {
            Step = name, Question = question(d), Guidance = guidance?.Invoke(d) ?? [], Choices = choices(d), Simple = track == Tracks.Simple,
        },
        Accept = (input, d) =>
        {
            var offered = choices(d);
            var choice = input.Choice is { } value
                ? offered.FirstOrDefault(c => c.Value == value)
                : input.Skip ? offered.FirstOrDefault(IsDontKnow) : ChoiceMatcher.Match(input.Text, offered);
            if (choice is null)
            {
                return StepResult.Retry(NotAChoice(offered, input));
            }

            set(d, choice);
            return StepResult.Ok;
        },
    };

    /// <summary>Tick several (or type their words or numbers, separated by commas).</summary>
    public static FlowStep<IntakeDraft> SomeOf(
        string name, string section, string question, string why, string label,
        Func<IntakeDraft, IReadOnlyList<Choice>> choices, Action<IntakeDraft, IReadOnlyList<Choice>> set, string? track = null) => new()
    {
        Name = name,
        Section = section,
        Track = track,
        Why = why,
        Prompt = d => new Prompt
        {
            Step = name, Question = question, Choices = choices(d), MultiSelect = true, Text = new TextAnswer(label, ShortAnswer, false),
        },
        Accept = (input, d) =>
        {
            var offered = choices(d);
            IReadOnlyList<Choice>? picked = input.Choices is { Count: > 0 } values
                ? values.Select(v => offered.FirstOrDefault(c => c.Value == v)).OfType<Choice>().ToList()
                : input.Skip ? offered.Where(IsDontKnow).ToList() : ChoiceMatcher.MatchMany(input.Text, offered);
            if (picked is not { Count: > 0 })
            {
                return StepResult.Retry(NotAChoice(offered, input));
            }

            set(d, picked);
            return StepResult.Ok;
        },
    };

    /// <summary>A free-text answer, with a limit; "I don't know" leaves it empty when <paramref name="skipTitle"/> is given.</summary>
    public static FlowStep<IntakeDraft> Text(
        string name, string section, Func<IntakeDraft, string> question, string why, string label, int maxLength,
        Func<IntakeDraft, string?> current, Action<IntakeDraft, string?> set, string? skipTitle,
        Func<IntakeDraft, IReadOnlyList<string>>? guidance = null, string? track = null, bool multiline = true) => new()
    {
        Name = name,
        Section = section,
        Track = track,
        Why = why,
        Prompt = d => new Prompt
        {
            Step = name,
            Question = question(d),
            Guidance = guidance?.Invoke(d) ?? [],
            Text = new TextAnswer(label, maxLength, multiline, null, current(d)),
            SkipTitle = skipTitle,
            Simple = track == Tracks.Simple,
        },
        Accept = (input, d) => AcceptText(input, maxLength, skipTitle is not null, text => set(d, text)),
    };

    public static StepResult AcceptText(StepInput input, int maxLength, bool canSkip, Action<string?> set)
    {
        if (canSkip && (input.Skip || IsDontKnowWords(input.Text)))
        {
            set(null);
            return StepResult.Ok;
        }

        if (input.Text is not { } text)
        {
            return StepResult.Retry(IntakeText.RetryEmptyText);
        }

        if (text.Length > maxLength)
        {
            return StepResult.Retry(ConcernBot.Conversation.Words.Format(IntakeText.RetryTooLong, maxLength, text.Length));
        }

        set(text);
        return StepResult.Ok;
    }

    public static bool IsDontKnowWords(string? text) => text is not null && ChoiceMatcher.Match(text, DontKnow.Current) is not null;

    public static IReadOnlyList<string> Words(string pipeSeparated) => pipeSeparated.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static readonly PerCulture<IReadOnlyList<Choice>> DontKnow =
        new(() => [new Choice("skip", IntakeText.ChoiceDontKnow, null, Words(IntakeText.WordsDontKnow))]);

    private static bool IsDontKnow(Choice c) => c.Value is "DontKnow" or "NotSure" or "NotKnown";

    private static string NotAChoice(IReadOnlyList<Choice> offered, StepInput input)
    {
        var numbered = string.Join("\n", offered.Select((c, i) => $"{i + 1}. {c.Title}"));
        var opening = input.IsEmpty ? IntakeText.RetryNothingChosen : IntakeText.RetryNotAChoice;
        return $"{opening}\n\n{numbered}";
    }
}
