using System.Collections.Frozen;
using MatchingText = ConcernBot.Resources.Matching;

namespace ConcernBot.Conversation;

/// <summary>
/// A language's small words the matcher needs, from the resources: words that carry little meaning ("the", "I'm"), words
/// that negate what follows, words that start a new clause ("but"), and words that may sit around a typed number.
/// </summary>
internal sealed class MatchWords
{
    private MatchWords()
    {
    }

    public required FrozenSet<string> Fillers { get; init; }
    public required FrozenSet<string> Negations { get; init; }
    public required FrozenSet<string> ClauseBreaks { get; init; }
    public required FrozenSet<string> NumberWords { get; init; }

    /// <summary>Words that name what someone is unsure of ("if", "whether"): what follows them is the matter, not the answer.</summary>
    public required FrozenSet<string> Topics { get; init; }

    public static MatchWords Current => PerLanguage.Current;

    private static readonly PerCulture<MatchWords> PerLanguage = new(() => new MatchWords
    {
        Fillers = Set(MatchingText.MatchFillers),
        Negations = Set(MatchingText.MatchNegations),
        ClauseBreaks = Set(MatchingText.MatchClauseBreaks),
        NumberWords = Set(MatchingText.MatchNumberWords + "|" + MatchingText.MatchJoiners),
        Topics = Set(MatchingText.MatchTopics),
    });

    private static FrozenSet<string> Set(string pipeSeparated) =>
        pipeSeparated.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(w => Tokens.Of(w).Words)
            .ToFrozenSet(StringComparer.Ordinal);
}
