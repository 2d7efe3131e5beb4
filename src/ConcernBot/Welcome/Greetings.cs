using ConcernBot.Conversation;

namespace ConcernBot.Welcome;

internal static class Greetings
{
    /// <summary>
    /// "hi", "hello", "menu" and the like, with any mention of the bot taken out first, in any offered language
    /// ("helo", "cześć", "salut", "مرحبا").
    /// </summary>
    public static bool IsGreeting(string? text) => Greeting.Match(text);

    private static readonly CommandWords Greeting = new(Resources.Strings.ResourceManager, nameof(Resources.Strings.WordsGreeting));
}
