using System.Globalization;
using System.Text.RegularExpressions;

namespace ConcernBot.Conversation;

/// <summary>
/// Matches a typed answer to the buttons that were offered: by number ("2", "2.", "option 2"), by the button's words, by its
/// value or by one of its aliases ("y", "not sure"), ignoring case, curly apostrophes and closing punctuation.
/// </summary>
public static partial class ChoiceMatcher
{
    public static Choice? Match(string? typed, IReadOnlyList<Choice> choices)
    {
        var answer = Fold(typed);
        if (answer.Length == 0)
        {
            return null;
        }

        var number = NumberPattern().Match(answer);
        if (number.Success && int.TryParse(number.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n >= 1 && n <= choices.Count ? choices[n - 1] : null;
        }

        return choices.FirstOrDefault(c => Fold(c.Title) == answer)
            ?? choices.FirstOrDefault(c => Fold(c.Value) == answer)
            ?? choices.FirstOrDefault(c => c.Aliases?.Any(a => Fold(a) == answer) == true);
    }

    /// <summary>Several answers separated by commas, semicolons or "and"; null unless every part matches a choice.</summary>
    public static IReadOnlyList<Choice>? MatchMany(string? typed, IReadOnlyList<Choice> choices)
    {
        var whole = Match(typed, choices);
        if (whole is not null)
        {
            return [whole];
        }

        var parts = Separators().Split(Fold(typed)).Where(p => p.Length > 0).ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        var matched = new List<Choice>();
        foreach (var part in parts)
        {
            var choice = Match(part, choices);
            if (choice is null)
            {
                return null;
            }

            if (!matched.Contains(choice))
            {
                matched.Add(choice);
            }
        }

        return matched;
    }

    private static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var folded = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Trim().ToLowerInvariant();
        folded = Spaces().Replace(folded, " ");
        return folded.TrimEnd('.', '!', '?', ' ');
    }

    [GeneratedRegex(@"^(?:option |number |no\. ?)?\(?(?<n>\d{1,2})\)?\.?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\s*(?:,|;|\band\b|&|\+)\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Separators();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Spaces();
}
