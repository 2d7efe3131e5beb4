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

        // Only a message with a digit in it can be a number (and the pattern's \d is char.IsDigit): most are words.
        if (answer.Any(char.IsDigit))
        {
            var number = NumberPattern().Match(answer);
            if (number.Success && int.TryParse(number.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n >= 1 && n <= choices.Count ? choices[n - 1] : null;
            }
        }

        // Index loops, not LINQ or foreach: this runs on every typed message, over lists that are shared.
        for (var i = 0; i < choices.Count; i++)
        {
            if (Fold(choices[i].Title) == answer)
            {
                return choices[i];
            }
        }

        for (var i = 0; i < choices.Count; i++)
        {
            if (Fold(choices[i].Value) == answer)
            {
                return choices[i];
            }
        }

        for (var i = 0; i < choices.Count; i++)
        {
            var aliases = choices[i].Aliases ?? [];
            for (var j = 0; j < aliases.Count; j++)
            {
                if (Fold(aliases[j]) == answer)
                {
                    return choices[i];
                }
            }
        }

        return null;
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

    // One array for every call: TrimEnd(params char[]) would allocate one each time.
    private static readonly char[] TrailingPunctuation = ['.', '!', '?', ' '];

    private static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var folded = text.Replace('\u2019', '\'').Replace('\u2018', '\'').Trim().ToLowerInvariant();
        if (HasWhitespaceToFold(folded))
        {
            folded = Spaces().Replace(folded, " ");
        }

        return folded.TrimEnd(TrailingPunctuation);
    }

    /// <summary>True unless every run of white space is already one plain space (then folding would change nothing).</summary>
    private static bool HasWhitespaceToFold(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?:option |number |no\. ?)?\(?(?<n>\d{1,2})\)?\.?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\s*(?:,|;|\band\b|&|\+)\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Separators();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Spaces();
}
