using System.Text;
using ConcernBot.Concerns;

namespace ConcernBot.Learning;

public enum PatternRule
{
    /// <summary>Earlier concerns of the look-back period recorded with the same person or place.</summary>
    SameSubject,

    /// <summary>Several concerns with the same kind of harm at the same recorded location within a short window.</summary>
    HarmAndPlace,
}

public sealed record PatternOptions
{
    public int LookbackDays { get; init; } = 365;

    /// <summary>How many concerns (the new one included) make a cluster of one kind of harm at one place.</summary>
    public int ClusterCount { get; init; } = 3;

    public int ClusterDays { get; init; } = 30;
}

public sealed record EarlierConcern(string Id, string Reference, DateTimeOffset ReceivedAt);

/// <param name="Key">The person or place as the lead recorded it on the new concern.</param>
public sealed record PatternMatch(PatternRule Rule, string Key, HarmKind? Harm, int WindowDays, IReadOnlyList<EarlierConcern> Earlier);

/// <summary>
/// Finds earlier concerns that may be connected to a new one. It matches only what a lead recorded (the subject and the
/// location), normalised for case, spacing and punctuation; never words from the reporter's account. It never looks beyond the
/// new concern's organisation and service, nor at concerns received after it.
/// </summary>
public static class PatternFinder
{
    public static IReadOnlyList<PatternMatch> Find(Concern concern, IEnumerable<Concern> others, PatternOptions options)
    {
        var earlier = others
            .Where(o => o.Id != concern.Id
                && string.Equals(o.OrganisationId, concern.OrganisationId, StringComparison.Ordinal)
                && string.Equals(o.ServiceId, concern.ServiceId, StringComparison.Ordinal)
                && o.ReceivedAt <= concern.ReceivedAt
                && o.ReceivedAt > concern.ReceivedAt.AddDays(-options.LookbackDays))
            .OrderByDescending(o => o.ReceivedAt)
            .ToList();
        var matches = new List<PatternMatch>();

        foreach (var recorded in new[] { concern.Subject.RecordedSubject, concern.Subject.RecordedLocation }.Where(r => Normalise(r) is not null).DistinctBy(Normalise))
        {
            var key = Normalise(recorded)!;
            var same = earlier.Where(o => Keys(o).Contains(key)).Select(Earlier).ToList();
            if (same.Count > 0)
            {
                matches.Add(new PatternMatch(PatternRule.SameSubject, recorded!.Trim(), null, options.LookbackDays, same));
            }
        }

        if (Normalise(concern.Subject.RecordedLocation) is { } place)
        {
            var since = concern.ReceivedAt.AddDays(-options.ClusterDays);
            foreach (var harm in concern.HarmKinds.Where(h => h != HarmKind.NotSure).Distinct())
            {
                var cluster = earlier
                    .Where(o => o.ReceivedAt > since && o.HarmKinds.Contains(harm) && Normalise(o.Subject.RecordedLocation) == place)
                    .Select(Earlier)
                    .ToList();
                if (cluster.Count + 1 >= options.ClusterCount)
                {
                    matches.Add(new PatternMatch(PatternRule.HarmAndPlace, concern.Subject.RecordedLocation!.Trim(), harm, options.ClusterDays, cluster));
                }
            }
        }

        return matches;
    }

    /// <summary>Lower case, letters and digits only, single spaces: "Rose  Unit," and "rose unit" are the same place.</summary>
    public static string? Normalise(string? recorded)
    {
        if (string.IsNullOrWhiteSpace(recorded))
        {
            return null;
        }

        var text = new StringBuilder(recorded.Length);
        var space = false;
        foreach (var c in recorded.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (c is '\'' or '\u2019' or '\u2018' or '.')
            {
                // "O'Brien" and "OBrien", "St. Mary's" and "St Marys" are the same.
                continue;
            }
            else if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                space = true;
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }

    private static HashSet<string> Keys(Concern concern) =>
        [.. new[] { concern.Subject.RecordedSubject, concern.Subject.RecordedLocation }.Select(Normalise).OfType<string>()];

    private static EarlierConcern Earlier(Concern concern) => new(concern.Id, concern.Reference, concern.ReceivedAt);
}
