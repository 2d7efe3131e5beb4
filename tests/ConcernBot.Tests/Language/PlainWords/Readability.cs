using System.Globalization;
using System.Text.RegularExpressions;

namespace ConcernBot.Tests.Language.PlainWords;

/// <summary>
/// Plain-English figures for a set of texts: sentences, words, syllables, the longest sentence and Flesch reading ease
/// (206.835 − 1.015 × words a sentence − 84.6 × syllables a word: 100 is very easy, 60–70 plain English, below 50 hard).
/// No library in the offered packages fits, so the syllable counter is the usual vowel-group rule, good enough to compare.
/// </summary>
internal static partial class Readability
{
    /// <summary>A resource value as a person reads it: no **bold**, no markdown list marks, a hole ({0}) read as one word.</summary>
    public static string Plain(string value) =>
        Spaces().Replace(ListMark().Replace(Hole().Replace(value.Replace("**", "", StringComparison.Ordinal), " X "), ""), " ").Trim();

    /// <summary>The sentences of a text: split after . ! ? (and at line breaks); a text without an end mark is one sentence.</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        [.. text.Split('\n').SelectMany(line => SentenceEnd().Split(Plain(line))).Select(s => s.Trim()).Where(s => Words(s).Count > 0)];

    public static IReadOnlyList<string> Words(string sentence) => [.. Word().Matches(sentence).Select(m => m.Value)];

    /// <summary>Syllables in one word: groups of vowels, less a silent final e or -ed/-es; at least one.</summary>
    public static int Syllables(string word)
    {
        var w = NotLetter().Replace(word.ToLower(CultureInfo.InvariantCulture), "");
        if (w.Length == 0)
        {
            return word.Any(char.IsDigit) ? 2 : 1;
        }

        if (w.Length <= 3)
        {
            return 1;
        }

        w = SilentEnding().Replace(w, "");
        w = w.StartsWith('y') ? w[1..] : w;
        return Math.Max(1, VowelGroup().Count(w));
    }

    public static Figures Measure(IEnumerable<string> texts)
    {
        var sentences = texts.SelectMany(Sentences).ToList();
        var words = sentences.Select(Words).ToList();
        var wordCount = words.Sum(w => w.Count);
        var syllables = words.Sum(w => w.Sum(Syllables));
        var longest = sentences.Count == 0 ? "" : sentences.MaxBy(s => Words(s).Count)!;
        var perSentence = sentences.Count == 0 ? 0 : (double)wordCount / sentences.Count;
        var perWord = wordCount == 0 ? 0 : (double)syllables / wordCount;
        return new Figures(sentences.Count, wordCount, Words(longest).Count, longest, perSentence, 206.835 - (1.015 * perSentence) - (84.6 * perWord));
    }

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"^\s*[-•]\s+", RegexOptions.Multiline)]
    private static partial Regex ListMark();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<=[.!?…][""”’)]*)\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"[^a-z]")]
    private static partial Regex NotLetter();

    [GeneratedRegex(@"(?:(?<=[^laeiouy])es|(?<=[^td])ed|(?<=[^laeiouy])e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex(@"[aeiouy]{1,2}")]
    private static partial Regex VowelGroup();
}

/// <summary>One path's figures: what the note quotes and the limits are checked against.</summary>
internal sealed record Figures(int Sentences, int Words, int LongestWords, string Longest, double AverageWords, double ReadingEase);
