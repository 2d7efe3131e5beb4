using System.Globalization;
using System.Text;

namespace ConcernBot.Leads;

/// <summary>
/// Matches the name a reporter typed or chose to one of the leads: case, spacing, accents and punctuation do not matter; the
/// full name anywhere in what they typed, or a first or last name alone when only one lead has it. Anything else (nothing,
/// or two leads) is no match: the concern is then treated as about a lead the bot could not identify.
/// </summary>
public static class LeadNames
{
    public static LeadPerson? Match(string? typed, IEnumerable<LeadPerson> people)
    {
        var words = Words(typed);
        if (words.Length == 0)
        {
            return null;
        }

        var candidates = people.Where(p => p.Name.Length > 0).ToList();
        var full = Unique(candidates.Where(p => Contains(words, Words(p.Name))));
        if (full.Found)
        {
            return full.Person;
        }

        if (full.Ambiguous || words.Length != 1)
        {
            return null;
        }

        var part = Unique(candidates.Where(p => Words(p.Name) is [var first, .., var last] ? first == words[0] || last == words[0] : Words(p.Name).SequenceEqual(words)));
        return part.Found ? part.Person : null;
    }

    /// <summary>A name folded for comparison: lower case, no accents or punctuation, single spaces.</summary>
    public static string Fold(string? name) => string.Join(' ', Words(name));

    private static (bool Found, bool Ambiguous, LeadPerson? Person) Unique(IEnumerable<LeadPerson> matches)
    {
        // One person may be listed twice (a lead who is also a deputy): the same object id is one match.
        var distinct = matches.DistinctBy(p => p.Identity, StringComparer.Ordinal).ToList();
        return distinct.Count switch
        {
            1 => (true, false, distinct[0]),
            0 => (false, false, null),
            _ => (false, true, null),
        };
    }

    private static bool Contains(string[] words, string[] name)
    {
        if (name.Length == 0 || name.Length > words.Length)
        {
            return false;
        }

        for (var start = 0; start + name.Length <= words.Length; start++)
        {
            if (words.AsSpan(start, name.Length).SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
