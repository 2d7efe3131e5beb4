using System.Collections.Concurrent;
using System.Globalization;
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

    private static string? TopicFor(string? text)
    {
        var folded = MessageText.Normalise(text).Replace('\u2019', '\'').ToLowerInvariant().TrimEnd('?', '.', '!');
        if (folded.Length is 0 or > 60)
        {
            return null;
        }

        return PhrasesFor(CultureInfo.CurrentUICulture).GetValueOrDefault(folded);
    }

    /// <summary>Each phrase of the reader's language and its topic, read from the resources once per language.</summary>
    private static Dictionary<string, string> PhrasesFor(CultureInfo culture) => Phrases.GetOrAdd(culture, static _ =>
    {
        (string Words, string Topic)[] topics =
        [
            (L.WordsMenu, LearnTopics.Menu), (L.WordsAbuse, LearnTopics.Abuse), (L.WordsSigns, LearnTopics.Signs),
            (L.WordsLead, LearnTopics.Lead), (L.WordsAfter, LearnTopics.After), (L.WordsPolicies, LearnTopics.Policies),
        ];
        var phrases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (words, topic) in topics)
        {
            foreach (var phrase in words.Split('|'))
            {
                // The first topic listing a phrase keeps it.
                phrases.TryAdd(phrase.Trim(), topic);
            }
        }

        return phrases;
    });

    private static readonly ConcurrentDictionary<CultureInfo, Dictionary<string, string>> Phrases = new();
}
