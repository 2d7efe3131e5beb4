using System.Text.RegularExpressions;

namespace ConcernBot.Conversation;

public static partial class MessageText
{
    /// <summary>The text a person typed, with &lt;at&gt;mentions&lt;/at&gt; removed, whitespace folded and trimmed.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        // Several handlers ask on every typed turn; most text has no mention and no run of whitespace to fold.
        if (IsAlreadyFolded(text))
        {
            return text.Trim();
        }

        var withoutMentions = MentionPattern().Replace(text, " ");
        return Whitespace().Replace(withoutMentions, " ").Trim();
    }

    /// <summary>No '&lt;' (so no mention) and every whitespace is a lone ' ' (which the fold would keep): only a trim is left to do.</summary>
    private static bool IsAlreadyFolded(string text)
    {
        var previousWasSpace = false;
        foreach (var c in text)
        {
            if (c == '<')
            {
                return false;
            }

            // Regex \s is char.IsWhiteSpace.
            var isSpace = char.IsWhiteSpace(c);
            if (isSpace && (c != ' ' || previousWasSpace))
            {
                return false;
            }

            previousWasSpace = isSpace;
        }

        return true;
    }

    [GeneratedRegex(@"<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 100)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Whitespace();
}
