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
    private const double MinScore = 0.5;

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
        var misspelt = Respelling.Respell(words, lexicon);
        var lead = Opener(words, tokens.ClauseStarts, misspelt, lexicon);
        var start = lead?.Length ?? 0;
        var score = new Score(words, tokens.ClauseStarts, misspelt, lexicon, start);

        if (lead is { } opened)
        {
            var leader = opened.Choice;
            // What follows only overturns the lead when it names another choice in words of its own, and is not just the
            // matter being unsure about ("not sure if it's still happening").
            var rival = score.BestOtherThan(leader);
            var topic = opened.Length < words.Length && lexicon.Words.Topics.Contains(words[opened.Length]);
            if (!topic && rival >= 0 && score.Whole[rival] && score.Points[rival] >= 1 && score.Points[rival] > score.Points[leader])
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
        // Alike, or each named by words of its own ("hitting and taking money" where only one may be chosen).
        if (second >= 0 && s2 >= MinScore / 2 && (s2 >= TieRatio * s1 || (score.Whole[second] && s2 >= 1)))
        {
            return new ChoiceReading(ReadingKind.Either, [choices[best], choices[second]]);
        }

        // Plain: a phrase of its own, typed right, nothing negated, and any other choice only brushed by a stray word.
        var clear = score.Whole[best] && !score.Misspelt[best] && !score.Negated && (second < 0 || (!score.Whole[second] && s2 <= s1 / 4));
        return new ChoiceReading(clear ? ReadingKind.Clear : ReadingKind.Guess, [choices[best]]);
    }

    private static ChoiceReading Several(Score score, IReadOnlyList<Choice> choices)
    {
        var picked = new List<Choice>();
        var clear = !score.Negated;
        for (var c = 0; c < choices.Count; c++)
        {
            if (score.Points[c] >= 1 || (score.Whole[c] && score.Points[c] > 0))
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
    private static (int Choice, int Length, bool Misspelt)? Opener(string[] words, bool[] clauseStarts, bool[] misspelt, ChoiceLexicon lexicon)
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

        // "It is not...", "I do not...": an opener turned round by the next word does not lead (but "no, not now" does).
        if (found is { } lead && lead.Length < words.Length && !clauseStarts[lead.Length] && lexicon.Words.Negations.Contains(words[lead.Length])
            && !lexicon.Openers[lead.Choice].Any(o => o[0] == words[lead.Length]))
        {
            return null;
        }

        return found;
    }

    /// <summary>
    /// Every choice's score for a message. Whole phrases are found first, longest first ("not in danger" before "in
    /// danger"); then, in the words left, runs of a button's words, worth what their telling words are worth. Each
    /// gives its weight to the choices it belongs to, or takes it away when a "not" comes just before.
    /// </summary>
    private sealed class Score
    {
        // A misspelt word's phrase counts for less than one typed right.
        private const double SlipFactor = 0.75;

        public Score(string[] words, bool[] clauseStarts, bool[] misspelt, ChoiceLexicon lexicon, int start)
        {
            var count = lexicon.Choices.Count;
            Points = new double[count];
            Whole = new bool[count];
            Misspelt = new bool[count];
            var claimed = new bool[words.Length];
            claimed.AsSpan(0, start).Fill(true);

            WholePhrases(words, clauseStarts, misspelt, lexicon, start, claimed);
            Parts(words, clauseStarts, misspelt, lexicon, start, claimed);

            for (var i = start; i < words.Length; i++)
            {
                Negated |= !claimed[i] && lexicon.Words.Negations.Contains(words[i]);
            }
        }

        private void WholePhrases(string[] words, bool[] clauseStarts, bool[] misspelt, ChoiceLexicon lexicon, int start, bool[] claimed)
        {
            var found = new List<(int At, int Length, int Choice, bool HasNegation)>();
            for (var i = start; i < words.Length; i++)
            {
                if (!lexicon.Occurrences.TryGetValue(words[i], out var occurrences))
                {
                    continue;
                }

                foreach (var o in occurrences)
                {
                    if (o.Offset == 0 && i + o.Phrase.Length <= words.Length && words.AsSpan(i, o.Phrase.Length).SequenceEqual(o.Phrase))
                    {
                        found.Add((i, o.Phrase.Length, o.Choice, o.HasNegation));
                    }
                }
            }

            found.Sort((a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : a.At.CompareTo(b.At));
            var taken = new List<(int At, int Length)>();
            foreach (var (at, length, choice, negation) in found)
            {
                // The same words may be a phrase of two choices: both get them. Otherwise the first (longest) keeps them.
                if (claimed.AsSpan(at, length).Contains(true) && !taken.Contains((at, length)))
                {
                    continue;
                }

                claimed.AsSpan(at, length).Fill(true);
                taken.Add((at, length));
                if (Credit(choice, 1 + (0.5 * (length - 1)), at, length, negation, words, clauseStarts, misspelt, claimed, lexicon.Words))
                {
                    Whole[choice] = true;
                }
            }
        }

        private void Parts(string[] words, bool[] clauseStarts, bool[] misspelt, ChoiceLexicon lexicon, int start, bool[] claimed)
        {
            var best = new int[lexicon.Choices.Count];
            var i = start;
            while (i < words.Length)
            {
                if (claimed[i] || !lexicon.Occurrences.TryGetValue(words[i], out var occurrences))
                {
                    i++;
                    continue;
                }

                Array.Clear(best);
                var top = 0;
                foreach (var o in occurrences)
                {
                    var length = 0;
                    while (i + length < words.Length && !claimed[i + length] && o.Offset + length < o.Phrase.Length && o.Phrase[o.Offset + length] == words[i + length])
                    {
                        length++;
                    }

                    if (Partial(words, i, length, lexicon) > 0)
                    {
                        best[o.Choice] = Math.Max(best[o.Choice], length);
                        top = Math.Max(top, length);
                    }
                }

                if (top == 0)
                {
                    i++;
                    continue;
                }

                var weight = Partial(words, i, top, lexicon);
                claimed.AsSpan(i, top).Fill(true);
                for (var c = 0; c < best.Length; c++)
                {
                    if (best[c] == top)
                    {
                        Credit(c, weight, i, top, false, words, clauseStarts, misspelt, claimed, lexicon.Words);
                    }
                }

                i += top;
            }
        }

        /// <summary>Gives a phrase's weight to a choice, or takes it away when negated; true when given.</summary>
        private bool Credit(int choice, double weight, int at, int length, bool hasNegation, string[] words, bool[] clauseStarts, bool[] misspelt, bool[] claimed, MatchWords small)
        {
            var slip = misspelt.AsSpan(at, length).Contains(true);
            weight *= slip ? SlipFactor : 1;
            if (!hasNegation && NegatedAt(words, clauseStarts, claimed, at, small))
            {
                Points[choice] -= weight;
                Negated = true;
                return false;
            }

            Points[choice] += weight;
            Misspelt[choice] |= slip;
            return true;
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
            var telling = 0;
            for (var k = at; k < at + length; k++)
            {
                var w = lexicon.Weight.GetValueOrDefault(words[k]);
                weight += w;
                telling += w > 0 ? 1 : 0;
            }

            return weight <= 0 ? 0 : weight + (0.25 * (telling - 1));
        }

        /// <summary>A "not" in the few words just before, in the same clause, not part of another phrase.</summary>
        private static bool NegatedAt(string[] words, bool[] clauseStarts, bool[] claimed, int at, MatchWords small)
        {
            for (var k = at - 1; k >= Math.Max(0, at - NegationReach); k--)
            {
                if (clauseStarts[k + 1] || small.ClauseBreaks.Contains(words[k]) || claimed[k])
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
