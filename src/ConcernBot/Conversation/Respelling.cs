namespace ConcernBot.Conversation;

/// <summary>Typed words a slip away from a word the choices know, put right before they are scored (ChoiceMatcher).</summary>
internal static class Respelling
{
    // Past this many unknown words a message has said enough: looking for slips in the rest would only cost time.
    private const int MaxRespelt = 8;

    /// <summary>Words not in any phrase are put right when one word is a slip away ("pysical", "anonymus"); returns where.</summary>
    public static bool[] Respell(string[] words, ChoiceLexicon lexicon)
    {
        var misspelt = new bool[words.Length];
        var tried = 0;
        for (var i = 0; i < words.Length && tried < MaxRespelt; i++)
        {
            var word = words[i];
            if (word.Length < 3 || lexicon.Vocabulary.Contains(word) || lexicon.Words.Fillers.Contains(word) || lexicon.Words.Negations.Contains(word) || char.IsAsciiDigit(word[0]))
            {
                continue;
            }

            tried++;

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
}
