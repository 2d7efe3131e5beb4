using System.Globalization;

namespace ConcernBot.Tests.Language.PlainWords;

/// <summary>
/// The agreed limits for one path, and the check against them. A sentence over the length, or a word to avoid, is named
/// with its key; the path's average sentence and reading ease are checked over all its texts together.
/// </summary>
internal sealed record PlainLimits(string Path, int LongestSentence, double AverageSentence, double ReadingEase, double TextEase, IReadOnlyList<string> Avoid)
{
    /// <summary>A text of at least this many words is prose (not a label or a button) and has its own reading ease checked.</summary>
    public const int ProseWords = 12;

    /// <summary>The texts that are prose: the average sentence and the path's reading ease are measured over these.</summary>
    public static IEnumerable<string> Prose(IEnumerable<string> values) =>
        values.Where(v => Readability.Sentences(v).Sum(s => Readability.Words(s).Count) >= ProseWords);

    /// <summary>Words to avoid anywhere a reporter reads: there is always a plainer one.</summary>
    public static readonly string[] Everywhere =
    [
        "recrimination", "substantiate", "pertaining", "notwithstanding", "aforementioned", "henceforth", "utilise", "facilitate",
        "commence", "endeavour", "ascertain", "prior to", "in receipt of", "whilst", "thereof", "herein", "in good faith",
    ];

    /// <summary>On the simple path (and what it shares) the everyday word works better than these.</summary>
    public static readonly string[] NotOnTheSimplePath =
    [
        .. Everywhere, "designated", "encrypted", "compliance", "administrator", "immediate", "investigate", "evidence",
        "consent", "appropriate", "significant", "exploitation", "coercive", "confidential", "anonymous", "anonymously", "sought",
    ];

    public static IReadOnlyList<PlainLimits> ByPath { get; } =
    [
        new(ReporterTexts.Simple, LongestSentence: 15, AverageSentence: 9, ReadingEase: 90, TextEase: 75, NotOnTheSimplePath),
        new(ReporterTexts.Shared, LongestSentence: 20, AverageSentence: 11, ReadingEase: 80, TextEase: 60, [.. Everywhere, "designated", "immediate"]),
        new(ReporterTexts.Staff, LongestSentence: 25, AverageSentence: 14, ReadingEase: 75, TextEase: 20, Everywhere),
    ];

    /// <summary>Every way these texts break the limits; empty when they keep them.</summary>
    public IReadOnlyList<string> Problems(IReadOnlyList<(string Key, string Value)> texts)
    {
        var problems = new List<string>();
        foreach (var (key, value) in texts)
        {
            foreach (var sentence in Readability.Sentences(value))
            {
                var words = Readability.Words(sentence).Count;
                if (words > LongestSentence)
                {
                    problems.Add($"{key}: a sentence of {words} words (limit {LongestSentence}): \"{sentence}\"");
                }
            }

            var ease = Readability.Measure([value]).ReadingEase;
            if (Prose([value]).Any() && ease < TextEase)
            {
                problems.Add($"{key}: reading ease {ease:0.0} (at least {TextEase} for one text)");
            }

            var plain = " " + Readability.Plain(value).ToLower(CultureInfo.InvariantCulture) + " ";
            problems.AddRange(Avoid.Where(a => ContainsWord(plain, a)).Select(a => $"{key}: \"{a}\" (a word to avoid on the {Path} path)"));
        }

        var figures = Readability.Measure(Prose(texts.Select(t => t.Value)));
        if (figures.AverageWords > AverageSentence)
        {
            problems.Add($"{Path}: {figures.AverageWords:0.0} words a sentence on average (limit {AverageSentence})");
        }

        if (figures.ReadingEase < ReadingEase)
        {
            problems.Add($"{Path}: reading ease {figures.ReadingEase:0.0} over its prose (at least {ReadingEase})");
        }

        return problems;
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            if (!char.IsLetter(text[at - 1]) && !char.IsLetter(text[at + word.Length]))
            {
                return true;
            }
        }

        return false;
    }
}
