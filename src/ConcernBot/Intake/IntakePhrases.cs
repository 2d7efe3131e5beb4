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

        return Ask.Words(IntakeText.WordsStart).Any(p => folded == Fold(p))
            || Ask.Words(IntakeText.WordsStartPrefixes).Any(p => folded.StartsWith(Fold(p) + " ", StringComparison.Ordinal) || folded == Fold(p));
    }

    public static bool IsSubmit(string? text) => Ask.Words(IntakeText.WordsSubmit).Any(p => Fold(text) == Fold(p));

    public static bool? IsYes(string? text) =>
        ChoiceMatcher.Match(text, [new Choice("yes", IntakeText.ChoiceYes, null, Ask.Words(IntakeText.WordsYes)), new Choice("no", IntakeText.ChoiceNo, null, Ask.Words(IntakeText.WordsNo))])?.Value switch
        {
            "yes" => true,
            "no" => false,
            _ => null,
        };

    private static string Fold(string? text) =>
        MessageText.Normalise(text).Replace('\u2019', '\'').ToLowerInvariant().TrimEnd('.', '!', '?', '…');
}
