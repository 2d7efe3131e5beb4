using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake;

/// <summary>Typed ways in ("raise a concern", "report", "I'm worried about...", "whistleblow"): simple phrase matching.</summary>
internal static class IntakePhrases
{
    public static bool IsStart(string? text)
    {
        var folded = Fold(text);
        if (folded.Length == 0 || folded.Length > 200)
        {
            return false;
        }

        var phrases = Phrases.Current;
        return phrases.Start.Contains(folded)
            || phrases.StartPrefixes.Any(p => folded.StartsWith(p, StringComparison.Ordinal) || p.AsSpan(0, p.Length - 1).SequenceEqual(folded));
    }

    /// <summary>Only a start phrase, nothing more ("report", "raise a concern"): not an account that opens with one.</summary>
    public static bool IsOnlyStart(string? text)
    {
        var folded = Fold(text);
        var phrases = Phrases.Current;
        return folded.Length > 0
            && (phrases.Start.Contains(folded) || phrases.StartPrefixes.Any(p => p.AsSpan(0, p.Length - 1).SequenceEqual(folded)));
    }

    public static bool IsSubmit(string? text)
    {
        var folded = Fold(text);
        return Phrases.Current.Submit.Contains(folded);
    }

    public static bool? IsYes(string? text) =>
        ChoiceMatcher.Match(text, Phrases.Current.YesNo)?.Value switch
        {
            "yes" => true,
            "no" => false,
            _ => null,
        };

    // The phrases folded once per language: only the resources' words, never what anyone typed.
    private static readonly PerCulture<FoldedPhrases> Phrases = new(() => new FoldedPhrases(
        [.. Ask.Words(IntakeText.WordsStart).Select(Fold)],
        [.. Ask.Words(IntakeText.WordsStartPrefixes).Select(p => Fold(p) + " ")],
        [.. Ask.Words(IntakeText.WordsSubmit).Select(Fold)],
        [new Choice("yes", IntakeText.ChoiceYes, null, Ask.Words(IntakeText.WordsYes)), new Choice("no", IntakeText.ChoiceNo, null, Ask.Words(IntakeText.WordsNo))]));

    private static readonly char[] TrailingPunctuation = ['.', '!', '?', '…'];

    private static string Fold(string? text) =>
        MessageText.Normalise(text).Replace('\u2019', '\'').ToLowerInvariant().TrimEnd(TrailingPunctuation);

    /// <param name="StartPrefixes">Each followed by a space: the words a message may start with.</param>
    private sealed record FoldedPhrases(string[] Start, string[] StartPrefixes, string[] Submit, IReadOnlyList<Choice> YesNo);
}
