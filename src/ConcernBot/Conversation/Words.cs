using System.Globalization;

namespace ConcernBot.Conversation;

public static class Words
{
    /// <summary>Fills a resource string's placeholders in the reader's culture.</summary>
    public static string Format(string format, params object?[] args)
    {
#pragma warning disable CA1863 // resource strings differ by culture: a cached CompositeFormat would pin one language
        return string.Format(CultureInfo.CurrentCulture, format, args);
#pragma warning restore CA1863
    }
}
