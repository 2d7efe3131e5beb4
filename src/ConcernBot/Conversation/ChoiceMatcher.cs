using System.Globalization;

namespace ConcernBot.Conversation;

/// <summary>
/// Matches a typed answer to the buttons that were offered. <see cref="Match"/> takes only an exact answer: a number ("2",
/// "option 2"), or a button's words, value or alias, ignoring case, apostrophes and punctuation. <see cref="Read"/> also
/// understands everyday words: it scores every choice by the words and phrases that point to it, lets a leading yes/no
/// decide, drops what is negated ("not in danger"), forgives a misspelt word, and says how sure it is.
/// All the words come from the resources; nothing here knows a language.
/// </summary>
public static class ChoiceMatcher
{
    // How close two scores must be to ask which was meant, and the least a choice must score to be a guess at all.
    private const double TieRatio = 0.8;
    private const double MinScore = 0.75;

    // How many words before a phrase a "not" reaches.
    private const int NegationReach = 3;

    /// <summary>The choice a typed answer exactly is (words, value, alias or number); null for anything else.</summary>
    public static Choice? Match(string? typed, IReadOnlyList<Choice> choices)
    {
        var tokens = Tokens.Of(typed);
        if (tokens.Count == 0 || choices.Count == 0)
        {
            return null;
        }

        var lexicon = ChoiceLexicon.For(choices);
        if (lexicon.Exact.TryGetValue(string.Join(' ', tokens.Words), out var exact))
        {
            return choices[exact];
        }

        return Numbers(tokens.Words, lexicon, many: false) is [var one] ? one : null;
    }

    /// <summary>What a typed answer points to, and how sure that is. With <paramref name="many"/>, every choice it names.</summary>
    public static ChoiceReading Read(string? typed, IReadOnlyList<Choice> choices, bool many = false)
    {
        var tokens = Tokens.Of(typed);
        if (tokens.Count == 0 || choices.Count == 0)
        {
            return ChoiceReading.None;
        }

        var lexicon = ChoiceLexicon.For(choices);
        if (lexicon.Exact.TryGetValue(string.Join(' ', tokens.Words), out var exact))
        {
            return new ChoiceReading(ReadingKind.Clear, [choices[exact]]);
        }

        if (Numbers(tokens.Words, lexicon, many) is { } numbered)
        {
            return numbered.Count > 0 ? new ChoiceReading(ReadingKind.Clear, numbered) : ChoiceReading.None;
        }

        var words = (string[])tokens.Words.Clone();
        var misspelt = Respell(words, lexicon);
        var lead = Opener(words, misspelt, lexicon);
        var start = lead?.Length ?? 0;
        var score = new Score(words, tokens.ClauseStarts, misspelt, lexicon, start);

        if (lead is { } opened)
        {
            var leader = opened.Choice;
            var rival = score.BestOtherThan(leader);
            if (rival >= 0 && score.Points[rival] >= 1 && score.Points[rival] > score.Points[leader])
            {
                return new ChoiceReading(ReadingKind.Either, [choices[leader], choices[rival]]);
            }

            return new ChoiceReading(opened.Misspelt ? ReadingKind.Guess : ReadingKind.Clear, [choices[leader]]);
        }

        return many ? Several(score, choices) : One(score, choices);
    }

    private static ChoiceReading One(Score score, IReadOnlyList<Choice> choices)
    {
        var best = score.BestOtherThan(-1);
        if (best < 0 || score.Points[best] < MinScore)
        {
            return ChoiceReading.None;
        }

        var second = score.BestOtherThan(best);
        var s1 = score.Points[best];
        var s2 = second < 0 ? 0 : score.Points[second];
        if (second >= 0 && s2 >= MinScore / 2 && s2 >= TieRatio * s1)
        {
            return new ChoiceReading(ReadingKind.Either, [choices[best], choices[second]]);
        }

        var clear = score.Whole[best] && !score.Misspelt[best] && !score.Negated && s2 <= 0;
        return new ChoiceReading(clear ? ReadingKind.Clear : ReadingKind.Guess, [choices[best]]);
    }

    private static ChoiceReading Several(Score score, IReadOnlyList<Choice> choices)
    {
        var picked = new List<Choice>();
        var clear = !score.Negated;
        for (var c = 0; c < choices.Count; c++)
        {
            if (score.Points[c] >= MinScore)
            {
                picked.Add(choices[c]);
                clear &= score.Whole[c] && !score.Misspelt[c];
            }
        }

        return picked.Count == 0 ? ChoiceReading.None : new ChoiceReading(clear ? ReadingKind.Clear : ReadingKind.Guess, picked);
    }

    /// <summary>
    /// A message of numbers alone ("2", "option 2", "1 and 3"): the choices they are; empty when one is not offered; null
    /// when the message is not only numbers.
    /// </summary>
    private static List<Choice>? Numbers(string[] words, ChoiceLexicon lexicon, bool many)
    {
        List<Choice>? picked = null;
        foreach (var word in words)
        {
            if (!char.IsAsciiDigit(word[0]))
            {
                if (!lexicon.Words.NumberWords.Contains(word))
                {
                    return null;
                }

                continue;
            }

            picked ??= [];
            if (word.Length > 2 || !int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > lexicon.Choices.Count)
            {
                return [];
            }

            if (!picked.Contains(lexicon.Choices[n - 1]))
            {
                picked.Add(lexicon.Choices[n - 1]);
            }
        }

        return picked is { Count: > 1 } && !many ? [] : picked;
    }

    /// <summary>The longest opener any choice has that the message starts with.</summary>
    private static (int Choice, int Length, bool Misspelt)? Opener(string[] words, bool[] misspelt, ChoiceLexicon lexicon)
    {
        (int Choice, int Length, bool Misspelt)? found = null;
        for (var c = 0; c < lexicon.Openers.Length; c++)
        {
            foreach (var opener in lexicon.Openers[c])
            {
                if (opener.Length <= words.Length && opener.Length > (found?.Length ?? 0) && words.AsSpan(0, opener.Length).SequenceEqual(opener))
                {
                    found = (c, opener.Length, misspelt.AsSpan(0, opener.Length).Contains(true));
                }
            }
        }

        return found;
    }

    /// <summary>Words not in any phrase are put right when one word is a slip away ("pysical", "anonymus"); returns where.</summary>
    private static bool[] Respell(string[] words, ChoiceLexicon lexicon)
    {
        var misspelt = new bool[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (word.Length < 3 || lexicon.Vocabulary.Contains(word) || lexicon.Words.Fillers.Contains(word) || lexicon.Words.Negations.Contains(word) || char.IsAsciiDigit(word[0]))
            {
                continue;
            }

            var allowed = word.Length >= 8 ? 2 : 1;
            string? best = null;
            var bestDistance = int.MaxValue;
            var tied = false;
            foreach (var known in lexicon.Vocabulary)
            {
                if (known.Length < 3 || Math.Abs(known.Length - word.Length) > allowed || (known[0] != word[0] && known[0] != word[1]))
                {
                    continue;
                }

                var distance = Distance(word, known, allowed);
                if (distance > allowed || (word.Length == 3 && distance > 0 && !IsSwap(word, known)))
                {
                    continue;
                }

                if (distance < bestDistance)
                {
                    (best, bestDistance, tied) = (known, distance, false);
                }
                else if (distance == bestDistance)
                {
                    tied = true;
                }
            }

            if (best is not null && !tied)
            {
                words[i] = best;
                misspelt[i] = true;
            }
        }

        return misspelt;
    }

    private static bool IsSwap(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var first = -1;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                if (first >= 0)
                {
                    return i == first + 1 && a[first] == b[i] && a[i] == b[first] && a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1));
                }

                first = i;
            }
        }

        return false;
    }

    /// <summary>Edit distance with swaps of neighbours (Damerau), giving up past <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        Span<int> previous2 = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            var spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }

    /// <summary>
    /// Every choice's score for a message, reading from left to right: at each word the longest phrase found there wins
    /// (a whole phrase beats part of a longer one), and the choices it belongs to get its weight, or lose it when a "not"
    /// comes just before.
    /// </summary>
    private sealed class Score
    {
        public Score(string[] words, bool[] clauseStarts, bool[] misspelt, ChoiceLexicon lexicon, int start)
        {
            var count = lexicon.Choices.Count;
            Points = new double[count];
            Whole = new bool[count];
            Misspelt = new bool[count];
            var best = new (int Length, bool Whole, bool HasNegation)[count];
            var floor = start;
            var i = start;
            while (i < words.Length)
            {
                if (!lexicon.Occurrences.TryGetValue(words[i], out var occurrences))
                {
                    i++;
                    continue;
                }

                Array.Clear(best);
                var top = 0.0;
                foreach (var o in occurrences)
                {
                    var length = 0;
                    while (i + length < words.Length && o.Offset + length < o.Phrase.Length && o.Phrase[o.Offset + length] == words[i + length])
                    {
                        length++;
                    }

                    var whole = o.Offset == 0 && length == o.Phrase.Length;
                    var rank = length + (whole ? 0.5 : 0);
                    if (rank > best[o.Choice].Length + (best[o.Choice].Whole ? 0.5 : 0))
                    {
                        best[o.Choice] = (length, whole, o.HasNegation);
                    }

                    top = Math.Max(top, rank);
                }

                var span = (int)top;
                var spanWhole = top > span;
                var weight = spanWhole ? 1 + (0.5 * (span - 1)) : Partial(words, i, span, lexicon);
                var negationInside = false;
                if (weight > 0)
                {
                    var negated = NegatedAt(words, clauseStarts, i, floor, lexicon.Words);
                    var slip = misspelt.AsSpan(i, span).Contains(true);
                    for (var c = 0; c < count; c++)
                    {
                        if (best[c].Length != span || best[c].Whole != spanWhole)
                        {
                            continue;
                        }

                        negationInside |= best[c].HasNegation;
                        if (negated && !best[c].HasNegation)
                        {
                            Points[c] -= weight;
                            Negated = true;
                            continue;
                        }

                        Points[c] += weight;
                        Whole[c] |= spanWhole;
                        Misspelt[c] |= slip;
                    }
                }

                i += Math.Max(span, 1);
                if (negationInside)
                {
                    floor = i;
                }
            }
        }

        public double[] Points { get; }

        /// <summary>The choice had a whole phrase of its own in the message, not just some of a button's words.</summary>
        public bool[] Whole { get; }

        public bool[] Misspelt { get; }

        /// <summary>Something in the message was negated: not a plain answer.</summary>
        public bool Negated { get; private set; }

        public int BestOtherThan(int other)
        {
            var best = -1;
            for (var c = 0; c < Points.Length; c++)
            {
                if (c != other && Points[c] > 0 && (best < 0 || Points[c] > Points[best]))
                {
                    best = c;
                }
            }

            return best;
        }

        /// <summary>Part of a button's words: worth what its telling words are worth (a word every button has is worth little).</summary>
        private static double Partial(string[] words, int at, int length, ChoiceLexicon lexicon)
        {
            var weight = 0.0;
            for (var k = at; k < at + length; k++)
            {
                weight += lexicon.Weight.GetValueOrDefault(words[k]);
            }

            return weight <= 0 ? 0 : weight + (0.25 * (length - 1));
        }

        private static bool NegatedAt(string[] words, bool[] clauseStarts, int at, int floor, MatchWords small)
        {
            for (var k = at - 1; k >= Math.Max(floor, at - NegationReach); k--)
            {
                if (clauseStarts[k + 1] || small.ClauseBreaks.Contains(words[k]))
                {
                    return false;
                }

                if (small.Negations.Contains(words[k]))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
