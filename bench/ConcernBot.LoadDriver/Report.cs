using System.Globalization;
using System.Text;

namespace ConcernBot.LoadDriver;

/// <summary>The matrix as Markdown tables, for docs/performance.md.</summary>
internal static class Report
{
    public static string Markdown(Matrix matrix, MatrixOptions options, TimeSpan took)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {ProcessStats.Machine()}; {options.Warmup.TotalSeconds:F0} s warm-up + {options.Duration.TotalSeconds:F0} s measured per cell; the whole matrix took {took.TotalMinutes:F1} min.");
        md.AppendLine();
        md.AppendLine("Machine shared with other work (2 cores): compare ratios and CPU per turn within this run, not absolute throughput across runs.");
        md.AppendLine();
        md.AppendLine("| Target | Walk | Concurrent conversations | Turns/s | p50 ms | p95 ms | p99 ms | Host CPU ms/turn | Store CPU ms/turn | Driver + connector CPU ms/turn | Storage round trips/turn | Connector calls/turn | Conversations (with receipt) | Errors | Submit turn p50 / p99 ms | Submit to leads' card p50 / p99 ms |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var row in matrix.Rows)
        {
            var r = row.Result;
            var leads = row.Target.StartsWith("ConcernBot", StringComparison.Ordinal)
                ? r.SubmitToLeadsCardMs.Count == 0 ? "not measurable yet (no leads' card posted)" : string.Create(c, $"{LoadRun.Percentile(r.SubmitToLeadsCardMs, 0.5):F1} / {LoadRun.Percentile(r.SubmitToLeadsCardMs, 0.99):F1} (n={r.SubmitToLeadsCardMs.Count})")
                : "n/a";
            md.AppendLine(c, $"| {row.Target} | {WalkName(row.Walk)} | {Concurrency(r)} | {r.TurnsPerSecond:F0} | {r.P50Ms:F2} | {r.P95Ms:F2} | {r.P99Ms:F2} | {row.HostCpuMsPerTurn:F3} | {Opt(row.StoreCpuMsPerTurn, "F3")} | {row.DriverCpuMsPerTurn:F3} | {Opt(row.RoundTripsPerTurn, "F2")} | {(double)r.ConnectorCalls / Math.Max(1, r.TurnsSent):F2} | {r.ConversationsCompleted} ({(row.Target.StartsWith("Ceiling", StringComparison.Ordinal) ? "n/a" : r.ConversationsWithReceipt.ToString(c))}) | {r.Errors} | {(r.SubmitTurns == 0 ? "n/a" : string.Create(c, $"{r.SubmitP50Ms:F2} / {r.SubmitP99Ms:F2} (n={r.SubmitTurns})"))} | {leads} |");
        }

        md.AppendLine();
        md.AppendLine("Ratios from the same run, same walk, same concurrency (ConcernBot ÷ reference; throughput higher is better, CPU per turn lower is better). ConcernBot on SQLite is compared with the peer on MemoryStorage, ConcernBot on Azurite (tables) with the durable peer (Azurite blobs); CPU per turn counts the store's (Azurite's) CPU on both sides:");
        md.AppendLine();
        md.AppendLine("| ConcernBot target | Walk | Concurrent | Throughput ÷ ceiling | Peer compared | Throughput ÷ peer | CPU/turn ÷ ceiling | CPU/turn (with store) ÷ peer's |");
        md.AppendLine("|---|---|---:|---:|---|---:|---:|---:|");
        foreach (var row in matrix.Rows.Where(r => r.Target.StartsWith("ConcernBot", StringComparison.Ordinal) && r.Result.ThinkTime == TimeSpan.Zero))
        {
            bool Same(Row r) => r.Concurrency == row.Concurrency && r.Walk == row.Walk && r.Result.ThinkTime == TimeSpan.Zero;
            var ceiling = matrix.Rows.FirstOrDefault(r => Same(r) && r.Target.StartsWith("Ceiling", StringComparison.Ordinal));
            var peerName = row.Target.Contains("Azurite", StringComparison.Ordinal) ? Matrix.DurablePeerName : Matrix.MemoryPeerName;
            var peer = matrix.Rows.FirstOrDefault(r => Same(r) && r.Target == peerName);
            md.AppendLine(c, $"| {row.Target} | {WalkName(row.Walk)} | {row.Concurrency} | {Ratio(row.Result.TurnsPerSecond, ceiling?.Result.TurnsPerSecond, "P0")} | {(peer is null ? "-" : peerName.Split(',')[^1].TrimEnd(')').Trim())} | {Ratio(row.Result.TurnsPerSecond, peer?.Result.TurnsPerSecond, "F1")}× | {Ratio(row.HostCpuMsPerTurn, ceiling?.HostCpuMsPerTurn, "F1")}× | {Ratio(row.HostCpuMsPerTurn + (row.StoreCpuMsPerTurn ?? 0), peer is null ? null : peer.HostCpuMsPerTurn + (peer.StoreCpuMsPerTurn ?? 0), "F2")}× |");
        }

        md.AppendLine();
        md.AppendLine("What the cell's turns cost the ConcernBot host, per turn sent (the probe; the window includes the cell's 2 s of warm-up and any background work such as the outbox):");
        md.AppendLine();
        md.AppendLine("| ConcernBot target | Walk | Concurrent | Host CPU ms/turn | KB allocated/turn | Gen-0 GCs per 1,000 turns | Thread-pool work items/turn | Lock contentions per 1,000 turns |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in matrix.Rows.Where(r => r.Counters is not null))
        {
            var sent = Math.Max(1, row.Result.TurnsSent);
            var k = row.Counters!;
            md.AppendLine(c, $"| {row.Target} | {WalkName(row.Walk)} | {Concurrency(row.Result)} | {row.HostCpuMsPerTurn:F3} | {k.Allocated / 1024.0 / sent:F1} | {k.Gen0 * 1000.0 / sent:F1} | {(double)k.WorkItems / sent:F2} | {k.Contentions * 1000.0 / sent:F1} |");
        }

        // Turn by turn: each message of the walk apart, at the lowest concurrency (where a dear turn shows most).
        var lowest = matrix.Rows.Where(r => r.Result.ThinkTime == TimeSpan.Zero).Select(r => r.Concurrency).DefaultIfEmpty().Min();
        foreach (var row in matrix.Rows.Where(r => r.Concurrency == lowest && r.Result.ThinkTime == TimeSpan.Zero && r.Result.ByTurn.Count > 0
            && (r.Target.StartsWith("ConcernBot SQLite, 0", StringComparison.Ordinal) || r.Target.StartsWith("ConcernBot Azurite, 0", StringComparison.Ordinal) || r.Target.Contains("peer", StringComparison.OrdinalIgnoreCase))))
        {
            var script = Scripts.For(row.Walk, peer: row.Target.Contains("peer", StringComparison.OrdinalIgnoreCase));
            var median = row.Result.ByTurn.Select(t => t.P50Ms).Order().ElementAt(row.Result.ByTurn.Count / 2);
            md.AppendLine();
            md.AppendLine(c, $"Turn by turn, {row.Target}, {WalkName(row.Walk)}, {row.Concurrency} conversation(s) (request to 200; **bold**: p50 more than twice the walk's median turn, {median:F2} ms):");
            md.AppendLine();
            md.AppendLine("| Turn | What the person does | p50 ms | p99 ms | n |");
            md.AppendLine("|---:|---|---:|---:|---:|");
            for (var i = 0; i < row.Result.ByTurn.Count; i++)
            {
                var (p50, p99, n) = row.Result.ByTurn[i];
                var what = i < script.Count ? script[i].ToString().Replace("|", "/", StringComparison.Ordinal) : "";
                var dear = p50 > 2 * median;
                md.AppendLine(c, $"| {i + 1} | {what} | {(dear ? "**" : "")}{p50:F2}{(dear ? "**" : "")} | {p99:F2} | {n} |");
            }
        }

        md.AppendLine();
        md.AppendLine("Memory: conversations left waiting mid-flow (after the first turns), read before and after (managed heap after a full collection).");
        md.AppendLine();
        md.AppendLine("| Target | Parked conversations | Host working set before → after (MB) | Host heap before → after (MB) | Heap bytes per parked conversation | Store working set before → after (MB) | Storage round trips per ordinary turn |");
        md.AppendLine("|---|---:|---|---|---:|---|---:|");
        foreach (var m in matrix.Memory)
        {
            var perConversation = m.HeapBefore is { } hb && m.HeapAfter is { } ha && m.Parked > 0 ? ((ha - hb) / (double)m.Parked).ToString("F0", c) : "-";
            var store = m.StoreRssBefore is { } sb && m.StoreRssAfter is { } sa ? string.Create(c, $"{sb / 1e6:F1} → {sa / 1e6:F1}") : "-";
            var heap = m.HeapBefore is { } b && m.HeapAfter is { } a ? string.Create(c, $"{b / 1e6:F1} → {a / 1e6:F1}") : "-";
            md.AppendLine(c, $"| {m.Target} | {m.Parked} | {m.RssBefore / 1e6:F1} → {m.RssAfter / 1e6:F1} | {heap} | {perConversation} | {store} | {Opt(m.OrdinaryTurnRoundTrips, "F2")} |");
        }

        foreach (var (target, walk, turns) in matrix.RoundTripTraces)
        {
            // Ordinary turns: not the first (it creates the conversation's record) and not the submit.
            var ordinary = turns.Skip(1).SkipLast(1).Select(t => t.Total).ToList();
            md.AppendLine();
            md.AppendLine(c, $"Storage round trips turn by turn, {target}, {WalkName(walk)} (one conversation, each turn's background work left to settle): ordinary turns (2nd to {turns.Count - 1}th) {ordinary.Min()}-{ordinary.Max()}, mean {ordinary.Average():F2}; the whole walk-through {turns.Sum(t => t.Total)}.");
            md.AppendLine();
            md.AppendLine("| Turn | What the person does | Round trips | By operation |");
            md.AppendLine("|---:|---|---:|---|");
            foreach (var turn in turns)
            {
                md.AppendLine(c, $"| {turn.Number} | {turn.Turn.Replace("|", "/", StringComparison.Ordinal)} | {turn.Total} | {string.Join(", ", turn.ByOperation.Select(p => $"{p.Key} {p.Value}"))} |");
            }
        }

        if (matrix.Profile is { } profile)
        {
            md.AppendLine();
            md.AppendLine("Where the first ConcernBot host's CPU goes (EventPipe CPU samples during a separate run at 10 concurrent; inclusive share of on-CPU samples):");
            md.AppendLine();
            md.Append(profile);
        }

        foreach (var note in matrix.Notes)
        {
            md.AppendLine();
            md.AppendLine(c, $"Note: {note}");
        }

        return md.ToString();
    }

    private static string WalkName(Walk walk) => walk == Walk.Typed ? "typed" : "card presses";

    private static string Concurrency(LoadResult r) =>
        r.ThinkTime > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $"{r.Concurrency}, {r.ThinkTime.TotalMilliseconds:F0} ms think") : r.Concurrency.ToString(CultureInfo.InvariantCulture);

    private static string Opt(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string Ratio(double value, double? reference, string format) =>
        reference is > 0 ? (value / reference.Value).ToString(format, CultureInfo.InvariantCulture) : "-";
}
