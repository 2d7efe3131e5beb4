using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;
using ConcernBot.Welcome;
using L = ConcernBot.Resources.Guidance;

namespace ConcernBot.Guidance;

/// <summary>Answers "learn", "what is abuse", "who is my safeguarding lead"... and the Learn buttons. Keeps no state.</summary>
internal sealed class GuidanceHandler(GuidanceCards cards) : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        if (!turn.Activity.IsType(ActivityTypes.Message) || action?.IsInvoke == true)
        {
            return TurnOutcome.NotHandled;
        }

        var topic = action?.Verb switch
        {
            WelcomeVerbs.Learn => GuidanceTopics.Menu,
            GuidanceTopics.Verb => action.GetString("topic") ?? GuidanceTopics.Menu,
            null => TopicFor(turn.Activity.Text),
            _ => null,
        };
        if (topic is null)
        {
            return TurnOutcome.NotHandled;
        }

        await turn.SendCardAsync(cards.For(topic), cancellationToken);
        return TurnOutcome.Done;
    }

    private static readonly char[] TrailingPunctuation = ['?', '.', '!'];

    private static string? TopicFor(string? text)
    {
        var folded = MessageText.Normalise(text).Replace('\u2019', '\'').ToLowerInvariant().TrimEnd(TrailingPunctuation);
        if (folded.Length is 0 or > 60)
        {
            return null;
        }

        return Phrases.Current.GetValueOrDefault(folded);
    }

    /// <summary>Each phrase (from the resources) and its topic, once per language; the first topic to list a phrase has it.</summary>
    private static readonly PerCulture<Dictionary<string, string>> Phrases = new(() =>
    {
        (string Words, string Topic)[] phrases =
        [
            (L.WordsMenu, GuidanceTopics.Menu), (L.WordsAbuse, GuidanceTopics.Abuse), (L.WordsSigns, GuidanceTopics.Signs),
            (L.WordsLead, GuidanceTopics.Lead), (L.WordsAfter, GuidanceTopics.After), (L.WordsPolicies, GuidanceTopics.Policies),
        ];
        var byPhrase = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (words, topic) in phrases)
        {
            foreach (var word in words.Split('|'))
            {
                byPhrase.TryAdd(word.Trim(), topic);
            }
        }

        return byPhrase;
    });
}
