using System.Globalization;
using ConcernBot.Conversation;

namespace ConcernBot.Intake;

internal static partial class Ask
{
    /// <summary>
    /// Several questions on one card, each with its own labelled input. It keeps the first question's name, so a draft
    /// saved there resumes here; the card's answers go through each question's own reading, and it goes on where the last
    /// would. A typed answer answers the first question only, then the rest are asked one at a time as before.
    /// </summary>
    public static FlowStep<IntakeDraft> Together(
        FlowStep<IntakeDraft> first, Func<IntakeDraft, string> question, Func<IntakeDraft, IReadOnlyList<FlowStep<IntakeDraft>>> rest, IReadOnlyList<string> whys) => new FlowStep<IntakeDraft>
    {
        Name = first.Name,
        Section = first.Section,
        Track = first.Track,
        Why = string.Join("\n\n", whys.Prepend(first.Why)),
        Prompt = d => first.Prompt(d) with
        {
            Step = first.Name,
            Question = question(d),
            Guidance = [],
            Parts = [first.Prompt(d), .. rest(d).Select(p => p.Prompt(d))],
        },
        Accept = (input, d) =>
        {
            if (input.Fields is not { } fields)
            {
                var typed = first.Accept(input, d);
                return typed.Accepted ? typed with { Next = first.Next(d) } : typed;
            }

            FlowStep<IntakeDraft>[] parts = [first, .. rest(d)];
            foreach (var part in parts)
            {
                var result = part.Accept(PartInput(part.Prompt(d), fields), d);
                if (!result.Accepted)
                {
                    var label = part.Prompt(d) is { Text: { } text, Choices.Count: 0 } ? text.Label : part.Prompt(d).Question;
                    return StepResult.Retry($"**{label}**\n\n{result.Message ?? Resources.Intake.RetryNotAChoice}");
                }
            }

            return StepResult.Ok with { Next = parts[^1].Next(d) };
        },
    }.Then(first.Next);

    /// <summary>A card input's id for a question asked together: its step name, without dots.</summary>
    public static string FieldId(string step, string? suffix = null) => step.Replace('.', '_') + suffix;

    /// <summary>One question's answer from the card's inputs; an empty one counts as "I don't know".</summary>
    internal static StepInput PartInput(Prompt part, IReadOnlyDictionary<string, string> fields)
    {
        var value = fields.GetValueOrDefault(FieldId(part.Step));
        var date = fields.GetValueOrDefault(FieldId(part.Step, "_date")) is { } d
            && DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var picked) ? picked : (DateOnly?)null;
        var input = part switch
        {
            { Choices.Count: > 0, MultiSelect: true } => new StepInput { Choices = value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
            { Choices.Count: > 0 } => new StepInput { Choice = value },
            _ => new StepInput { Text = value?.Trim(), Date = date },
        };
        return input.IsEmpty ? new StepInput { Skip = true } : input;
    }
}
