using System.Runtime.CompilerServices;

namespace ConcernBot.Conversation;

/// <summary>
/// A list of choices made ready for matching, once per list (lists are shared per language, see <see cref="PerCulture{T}"/>):
/// every phrase cut into words, each word's weight (a word few choices use tells more), and where each word occurs.
/// Holds only the resources' words, never an answer.
/// </summary>
internal sealed class ChoiceLexicon
{
    private static readonly ConditionalWeakTable<IReadOnlyList<Choice>, ChoiceLexicon> Cache = [];

    private ChoiceLexicon(IReadOnlyList<Choice> choices, MatchWords words)
    {
        Words = words;
        Choices = choices;
        var byChoice = new List<(string[] Words, bool HasNegation)>[choices.Count];
        var openers = new string[choices.Count][][];
        var usedBy = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var c = 0; c < choices.Count; c++)
        {
            var choice = choices[c];
            AddExact(Tokens.Of(choice.Value).Words, c);
            openers[c] = [.. (choice.Openers ?? []).Select(o => Tokens.Of(o).Words).Where(w => w.Length > 0)];
            foreach (var opener in openers[c])
            {
                AddExact(opener, c);
                Vocabulary.UnionWith(opener);
            }

            byChoice[c] = [];
        }

        // A button's words after its leading "Yes," or "No," count whole too ("someone is in danger now").
        var allOpeners = openers.SelectMany(o => o).ToList();
        for (var c = 0; c < choices.Count; c++)
        {
            var choice = choices[c];
            var title = Tokens.Of(choice.Title).Words;
            var rest = allOpeners.Where(o => o.Length < title.Length && title.AsSpan(0, o.Length).SequenceEqual(o)).Select(o => title[o.Length..]);
            foreach (var phrase in rest.Prepend(title).Concat((choice.Aliases ?? []).Select(a => Tokens.Of(a).Words)))
            {
                if (phrase.Length == 0)
                {
                    continue;
                }

                AddExact(phrase, c);
                Vocabulary.UnionWith(phrase);

                // A phrase of small words alone ("I am") is too weak to find inside a message: it counts only typed alone.
                if (phrase.All(words.Fillers.Contains))
                {
                    continue;
                }

                byChoice[c].Add((phrase, phrase.Any(words.Negations.Contains)));
                foreach (var word in phrase)
                {
                    if (!usedBy.TryGetValue(word, out var set))
                    {
                        usedBy[word] = set = [];
                    }

                    set.Add(c);
                }
            }
        }

        Openers = openers;
        foreach (var (word, users) in usedBy)
        {
            Weight[word] = words.Fillers.Contains(word) || words.Negations.Contains(word) ? 0 : 1.0 / users.Count;
        }

        var occurrences = new Dictionary<string, List<Occurrence>>(StringComparer.Ordinal);
        for (var c = 0; c < byChoice.Length; c++)
        {
            foreach (var (phrase, negation) in byChoice[c])
            {
                for (var j = 0; j < phrase.Length; j++)
                {
                    if (!occurrences.TryGetValue(phrase[j], out var list))
                    {
                        occurrences[phrase[j]] = list = [];
                    }

                    list.Add(new Occurrence(c, phrase, j, negation));
                }
            }
        }

        Occurrences = occurrences.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    public MatchWords Words { get; }
    public IReadOnlyList<Choice> Choices { get; }

    /// <summary>A whole message that is exactly a choice's title, value, alias or opener (words joined by one space).</summary>
    public Dictionary<string, int> Exact { get; } = new(StringComparer.Ordinal);

    /// <summary>Per choice, the openers' words.</summary>
    public string[][][] Openers { get; }

    public Dictionary<string, double> Weight { get; } = new(StringComparer.Ordinal);

    /// <summary>Every word of every phrase: where each appears (which choice, which phrase, at which place in it).</summary>
    public Dictionary<string, Occurrence[]> Occurrences { get; }

    public HashSet<string> Vocabulary { get; } = new(StringComparer.Ordinal);

    public static ChoiceLexicon For(IReadOnlyList<Choice> choices) =>
        Cache.GetValue(choices, list => new ChoiceLexicon(list, MatchWords.Current));

    private void AddExact(string[] words, int choice)
    {
        if (words.Length > 0)
        {
            Exact.TryAdd(string.Join(' ', words), choice);
        }
    }

    /// <param name="Offset">Where in <paramref name="Phrase"/> the word is.</param>
    /// <param name="HasNegation">The phrase says "not" itself ("not in danger"): a "not" inside it does not negate it.</param>
    internal readonly record struct Occurrence(int Choice, string[] Phrase, int Offset, bool HasNegation);
}
