using System.Globalization;
using System.Resources;

namespace ConcernBot.Conversation;

/// <summary>
/// A command's words ("hi", "stop contact", "language"...) in every offered language at once: a person may type their own
/// language's word whatever language the chat is in, and the English words the receipts quote work in every language.
/// </summary>
public sealed class CommandWords(ResourceManager resources, string key)
{
    private readonly Lazy<HashSet<string>> _words = new(() =>
    [
        .. Languages.Offered.SelectMany(l => (resources.GetString(key, l.Culture) ?? "")
            .Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Fold)),
    ]);

    /// <summary>The whole message is one of the command's words (case, a mention and end punctuation aside).</summary>
    public bool Match(string? text)
    {
        var folded = Fold(text);
        return folded.Length is > 0 and <= 60 && _words.Value.Contains(folded);
    }

    private static string Fold(string? text) =>
        MessageText.Normalise(text).TrimEnd('.', '?', '!', '؟').Replace('\u2019', '\'').ToLower(CultureInfo.InvariantCulture);
}
