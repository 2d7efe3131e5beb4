using ConcernBot.Conversation;
using ConcernBot.Teams.Activities;
using ConcernBot.Teams.Turns;
using ConcernBot.Welcome;
using L = ConcernBot.Resources.Learn;

namespace ConcernBot.Learn;

/// <summary>Answers "learn", "what is abuse", "who is my safeguarding lead"... and the Learn buttons. Keeps no state.</summary>
internal sealed class LearnHandler(LearnCards cards) : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        if (!turn.Activity.IsType(ActivityTypes.Message) || action?.IsInvoke == true)
        {
            return TurnOutcome.NotHandled;
        }

        var topic = action?.Verb switch
        {
            WelcomeVerbs.Learn => LearnTopics.Menu,
            LearnTopics.Verb => action.GetString("topic") ?? LearnTopics.Menu,
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
            (L.WordsMenu, LearnTopics.Menu), (L.WordsAbuse, LearnTopics.Abuse), (L.WordsSigns, LearnTopics.Signs),
            (L.WordsLead, LearnTopics.Lead), (L.WordsAfter, LearnTopics.After), (L.WordsPolicies, LearnTopics.Policies),
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
