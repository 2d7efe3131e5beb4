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

        var withoutMentions = MentionPattern().Replace(text, " ");
        return Whitespace().Replace(withoutMentions, " ").Trim();
    }

    [GeneratedRegex(@"<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 100)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Whitespace();
}
