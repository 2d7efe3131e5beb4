using System.Globalization;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake;

/// <summary>The kinds of question the intake asks, so each step of the script is one short statement.</summary>
internal static partial class Ask
{
    public const int LongAnswer = 4000;
    public const int ShortAnswer = 500;

    /// <summary>
    /// Pick one of the buttons (or type its words or number); <paramref name="pauseAfter"/> stops for now after that choice,
    /// and a choice <paramref name="explain"/> answers for is not an answer: its words are said and the question asked again.
    /// </summary>
    public static FlowStep<IntakeDraft> OneOf(
        string name, string section, Func<IntakeDraft, string> question, string why,
        Func<IntakeDraft, IReadOnlyList<Choice>> choices, Action<IntakeDraft, Choice> set,
        Func<IntakeDraft, IReadOnlyList<string>>? guidance = null, string? track = null, Func<Choice, bool>? pauseAfter = null,
        Func<IntakeDraft, Choice, string?>? explain = null, Func<IntakeDraft, (string Title, IReadOnlyList<string> Paragraphs)>? details = null,
        Func<IntakeDraft, Enum?>? chosen = null) => new()
    {
        Name = name,
        Section = section,
        Track = track,
        Why = why,
        Prompt = d => new Prompt
        {
            Step = name, Question = question(d), Guidance = guidance?.Invoke(d) ?? [], Choices = choices(d), Simple = track == Tracks.Simple,
            DetailsTitle = details?.Invoke(d).Title, Details = details?.Invoke(d).Paragraphs ?? [],
            Chosen = chosen?.Invoke(d) is { } given ? [given.ToString()] : [],
        },
        Accept = (input, d) =>
        {
            var offered = choices(d);
            var understood = Understand(name, input, offered, many: false);
            if (understood.Picked is not [var choice, ..])
            {
                return understood.Unsure is { Count: > 0 } unsure ? StepResult.DidYouMean(unsure) : StepResult.Retry(NotAChoice(offered, input));
            }

            if (explain?.Invoke(d, choice) is { } explained)
            {
                return StepResult.Retry(explained);
            }

            set(d, choice);
            return pauseAfter?.Invoke(choice) == true ? StepResult.OkThenPause : StepResult.Ok;
        },
    };

    /// <summary>Tick several (or type their words or numbers: "physical and financial", "1, 3").</summary>
    public static FlowStep<IntakeDraft> SomeOf(
        string name, string section, string question, string why, string label,
        Func<IntakeDraft, IReadOnlyList<Choice>> choices, Action<IntakeDraft, IReadOnlyList<Choice>> set, string? track = null,
        Func<IntakeDraft, IEnumerable<Enum>>? chosen = null) => new()
    {
        Name = name,
        Section = section,
        Track = track,
        Why = why,
        Prompt = d => new Prompt
        {
            Step = name, Question = question, Choices = choices(d), MultiSelect = true, Text = new TextAnswer(label, ShortAnswer, false), Simple = track == Tracks.Simple,
            Chosen = [.. chosen?.Invoke(d).Select(c => c.ToString()) ?? []],
        },
        Accept = (input, d) =>
        {
            var offered = choices(d);
            var understood = Understand(name, input, offered, many: true);
            if (understood.Picked is not { Count: > 0 } picked)
            {
                return understood.Unsure is { Count: > 0 } unsure ? StepResult.DidYouMean(unsure) : StepResult.Retry(NotAChoice(offered, input));
            }

            set(d, picked);
            return StepResult.Ok;
        },
    };

    /// <summary>
    /// What an answer to a question with buttons means: the button pressed, the boxes ticked, or what was typed, read by
    /// <see cref="ChoiceMatcher.Read"/>. Two alike come back as unsure, to ask which; so does any doubt on a safety question.
    /// </summary>
    public static Understanding Understand(string step, StepInput input, IReadOnlyList<Choice> offered, bool many)
    {
        if (input.Choice is { } value)
        {
            return Understanding.Of(offered.FirstOrDefault(c => c.Value == value));
        }

        if (input.Choices is { Count: > 0 } values)
        {
            return new Understanding([.. values.Select(v => offered.FirstOrDefault(c => c.Value == v)).OfType<Choice>()], []);
        }

        if (input.Skip)
        {
            return new Understanding([.. offered.Where(IsDontKnow).Take(many ? int.MaxValue : 1)], []);
        }

        var reading = ChoiceMatcher.Read(input.Text, offered, many);
        return reading.Kind switch
        {
            ReadingKind.Clear => new Understanding(reading.Choices, []),
            ReadingKind.Guess when !StepNames.IsSafety(step) => new Understanding(reading.Choices, []),
            ReadingKind.Guess => new Understanding([], [reading.Choices[0]]),
            ReadingKind.Either => new Understanding([], reading.Choices),
            _ => new Understanding([], []),
        };
    }

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

/// <summary>An answer read against the buttons: what was picked, or (when nothing is) the one or two it might have been.</summary>
internal sealed record Understanding(IReadOnlyList<Choice> Picked, IReadOnlyList<Choice> Unsure)
{
    public static Understanding Of(Choice? choice) => new(choice is null ? [] : [choice], []);
}
