using System.Text.RegularExpressions;
using ConcernBot.Conversation;

namespace ConcernBot.Welcome;

internal static partial class Greetings
{
    /// <summary>"hi", "hello", "menu" and the like, with any mention of the bot taken out first.</summary>
    public static bool IsGreeting(string? text) => GreetingPattern().IsMatch(MessageText.Normalise(text)) || Greeting.Match(text);

    /// <summary>The same in each offered language ("helo", "cześć", "salut", "مرحبا").</summary>
    private static readonly CommandWords Greeting = new(Resources.Strings.ResourceManager, nameof(Resources.Strings.WordsGreeting));

    [GeneratedRegex(@"^(hi|hiya|hello|hey|good (morning|afternoon|evening)|start|menu|home|get started)[.!]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex GreetingPattern();
}
