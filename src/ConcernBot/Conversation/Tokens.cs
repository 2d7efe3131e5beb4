using System.Globalization;

namespace ConcernBot.Conversation;

/// <summary>
/// A message cut into folded words: lower case, apostrophes dropped ("don't" is "dont", so it matches "dont"), split on
/// spaces, hyphens and punctuation. A comma, full stop, question mark or similar starts a new clause.
/// </summary>
internal readonly struct Tokens
{
    /// <summary>More words than this are not read: an answer to a question with buttons is short.</summary>
    public const int MaxWords = 60;

    private Tokens(string[] words, bool[] clauseStarts)
    {
        Words = words;
        ClauseStarts = clauseStarts;
    }

    public string[] Words { get; }

    /// <summary>True where a word follows a comma, full stop or other clause mark.</summary>
    public bool[] ClauseStarts { get; }

    public int Count => Words.Length;

    public static Tokens Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Tokens([], []);
        }

        var words = new List<string>();
        var starts = new List<bool>();
        var current = new System.Text.StringBuilder();
        var clause = false;
        foreach (var raw in text)
        {
            if (words.Count >= MaxWords)
            {
                break;
            }

            var c = raw;
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (c is '\'' or '\u2019' or '\u2018' or '`')
            {
                continue;
            }

            Flush();
            var category = char.GetUnicodeCategory(c);
            if (!char.IsWhiteSpace(c) && c != '-' && category is not (UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation) && c != '"')
            {
                clause = true;
            }
        }

        Flush();
        return new Tokens([.. words], [.. starts]);

        void Flush()
        {
            if (current.Length == 0)
            {
                return;
            }

            words.Add(current.ToString());
            starts.Add(clause);
            current.Clear();
            clause = false;
        }
    }
}
