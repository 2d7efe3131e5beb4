using System.Globalization;

namespace ConcernBot.LoadDriver;

/// <summary>Reads what the startup hook (ConcernBot.Bench.Probe) in a bot host reports: storage round trips and the GC heap.</summary>
internal sealed record HostCounters(long Allocated, long Gen0, long WorkItems, long Contentions)
{
    public static HostCounters operator -(HostCounters a, HostCounters b) => new(a.Allocated - b.Allocated, a.Gen0 - b.Gen0, a.WorkItems - b.WorkItems, a.Contentions - b.Contentions);
}

internal sealed class Probe(string file)
{
    public string File { get; } = file;

    public async Task<(long RoundTrips, long GcHeap)> ReadAsync(bool collectFirst = false)
    {
        var report = await ReportAsync(collectFirst);
        return (report["roundTrips"], report["gcHeap"]);
    }

    /// <summary>The host's counters so far: bytes allocated, gen-0 collections, thread-pool work items run, lock contentions.</summary>
    public async Task<HostCounters> CountersAsync()
    {
        var report = await ReportAsync(collectFirst: false);
        return new HostCounters(report.GetValueOrDefault("allocated"), report.GetValueOrDefault("gen0"), report.GetValueOrDefault("workItems"), report.GetValueOrDefault("contentions"));
    }

    /// <summary>Storage round trips so far by operation ("conversations.read" -> count).</summary>
    public async Task<Dictionary<string, long>> RoundTripsByOperationAsync() =>
        (await ReportAsync(collectFirst: false))
            .Where(p => p.Key.StartsWith("roundTrips.", StringComparison.Ordinal))
            .ToDictionary(p => p.Key["roundTrips.".Length..], p => p.Value, StringComparer.Ordinal);

    private async Task<Dictionary<string, long>> ReportAsync(bool collectFirst)
    {
        var before = Stamp();
        if (collectFirst)
        {
            await System.IO.File.WriteAllTextAsync(File + ".gc", "");
        }

        for (var i = 0; i < 50; i++)
        {
            await Task.Delay(100);
            var values = Values();
            if (values.TryGetValue("stamp", out var stamp) && stamp > before && (!collectFirst || !System.IO.File.Exists(File + ".gc")))
            {
                // One more report after the collection, so the heap is read after it.
                if (collectFirst)
                {
                    await Task.Delay(250);
                    values = Values();
                }

                return values;
            }
        }

        throw new TimeoutException($"The probe did not report in {File}: is DOTNET_STARTUP_HOOKS set on the host?");
    }

    private long Stamp() => Values().GetValueOrDefault("stamp");

    private Dictionary<string, long> Values()
    {
        try
        {
            return System.IO.File.ReadAllLines(File)
                .Select(l => l.Split('=', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        }
        catch (IOException)
        {
            return [];
        }
    }
}
