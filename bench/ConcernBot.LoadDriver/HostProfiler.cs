using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Symbols;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;
using Microsoft.Diagnostics.Tracing.Stacks;
using Microsoft.Diagnostics.Tracing.Stacks.Formats;

namespace ConcernBot.LoadDriver;

/// <summary>
/// Samples a .NET host's CPU while it serves a run, over EventPipe (what dotnet-trace does, which is not installed here),
/// and summarises where the time goes: inclusive share of on-CPU samples per method.
/// </summary>
internal static class HostProfiler
{
    public static async Task<string> TraceAsync(int pid, Task running, string outputBase, CancellationToken cancellationToken)
    {
        var client = new DiagnosticsClient(pid);
        EventPipeProvider[] providers =
        [
            new("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
            // Verbose for the GC's allocation ticks (one event every ~100 KB allocated, with its stack and type).
            new("Microsoft-Windows-DotNETRuntime", EventLevel.Verbose, (long)((ClrTraceEventParser.Keywords.Default | ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.Stack) & ~ClrTraceEventParser.Keywords.GCSampledObjectAllocationHigh & ~ClrTraceEventParser.Keywords.GCSampledObjectAllocationLow)),
        ];
        var nettrace = outputBase + ".nettrace";
        using (var session = client.StartEventPipeSession(providers, requestRundown: true, circularBufferMB: 256))
        {
            await using var file = File.Create(nettrace);
            var copy = session.EventStream.CopyToAsync(file, cancellationToken);
            await running;
            await session.StopAsync(cancellationToken);
            await copy;
        }

        var etlx = TraceLog.CreateFromEventPipeDataFile(nettrace);
        using var log = new TraceLog(etlx);
        var stacks = new MutableTraceEventStackSource(log);
        var computer = new SampleProfilerThreadTimeComputer(log, new SymbolReader(TextWriter.Null));
        computer.GenerateThreadTimeStacks(stacks);
        SpeedScopeStackSourceWriter.WriteStackViewAsJson(stacks, outputBase + ".speedscope.json");
        var summary = Summarise(stacks) + Allocations(log);
        await File.WriteAllTextAsync(outputBase + ".top.md", summary, cancellationToken);
        File.Delete(etlx);
        return summary;
    }

    /// <summary>The methods with the largest inclusive share of on-CPU samples, as a Markdown list.</summary>
    private static string Summarise(StackSource stacks)
    {
        var inclusive = new Dictionary<string, double>(StringComparer.Ordinal);
        double total = 0;
        stacks.ForEach(sample =>
        {
            var index = sample.StackIndex;
            if (index == StackSourceCallStackIndex.Invalid || stacks.GetFrameName(stacks.GetFrameIndex(index), false) != "CPU_TIME")
            {
                return;
            }

            total += sample.Metric;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (; index != StackSourceCallStackIndex.Invalid; index = stacks.GetCallerIndex(index))
            {
                var name = stacks.GetFrameName(stacks.GetFrameIndex(index), false);
                if (seen.Add(name))
                {
                    inclusive[name] = inclusive.GetValueOrDefault(name) + sample.Metric;
                }
            }
        });

        var md = new StringBuilder();
        foreach (var (name, metric) in inclusive.Where(p => IsInteresting(p.Key)).OrderByDescending(p => p.Value).Take(60))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {100 * metric / Math.Max(1, total):F1}% `{Shorten(name)}`");
        }

        return md.ToString();
    }

    /// <summary>Where the bytes are allocated: the GC's allocation ticks by type and by the deepest ConcernBot frame on the stack.</summary>
    private static string Allocations(TraceLog log)
    {
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        var byFrame = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var tick in ((IEnumerable<TraceEvent>)log.Events).Select(e => e as GCAllocationTickTraceData).Where(e => e is not null).Select(e => e!))
        {
            var bytes = tick.AllocationAmount64;
            total += bytes;
            var type = tick.TypeName ?? "?";
            byType[type] = byType.GetValueOrDefault(type) + bytes;
            string? deepest = null;
            string? leaf = null;
            for (var frame = tick.CallStack(); frame is not null; frame = frame.Caller)
            {
                var name = frame.CodeAddress.FullMethodName;
                leaf ??= string.IsNullOrEmpty(name) ? null : name;
                if (name.StartsWith("ConcernBot", StringComparison.Ordinal) && !name.StartsWith("ConcernBot.Bench", StringComparison.Ordinal))
                {
                    deepest = frame.CodeAddress.ModuleName + "!" + name;
                    break;
                }
            }

            var key = deepest ?? "(outside ConcernBot) " + (leaf ?? "?");
            byFrame[key] = byFrame.GetValueOrDefault(key) + bytes;
        }

        if (total == 0)
        {
            return "";
        }

        var md = new StringBuilder();
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Allocations (GC allocation ticks, {total / 1e6:F0} MB sampled) by type:");
        md.AppendLine();
        foreach (var (name, bytes) in byType.OrderByDescending(p => p.Value).Take(15))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {100.0 * bytes / total:F1}% `{Shorten(name)}`");
        }

        md.AppendLine();
        md.AppendLine("By the deepest ConcernBot frame on the allocating stack:");
        md.AppendLine();
        foreach (var (name, bytes) in byFrame.OrderByDescending(p => p.Value).Take(30))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {100.0 * bytes / total:F1}% `{Shorten(name)}`");
        }

        return md.ToString();
    }

    private static bool IsInteresting(string name) =>
        !name.StartsWith("Thread", StringComparison.Ordinal) && !name.StartsWith("Process", StringComparison.Ordinal)
        && name is not ("CPU_TIME" or "UNMANAGED_CODE_TIME" or "BLOCKED_TIME" or "BROKEN" or "(Non-Activities)")
        && !name.Contains("AsyncMethodBuilderCore.Start", StringComparison.Ordinal)
        && !name.Contains("ThreadPoolWorkQueue", StringComparison.Ordinal) && !name.Contains("ExecutionContext.Run", StringComparison.Ordinal)
        && !name.Contains("AsyncStateMachineBox", StringComparison.Ordinal) && !name.Contains("PortableThreadPool", StringComparison.Ordinal)
        && !name.Contains("Thread.StartCallback", StringComparison.Ordinal) && !name.Contains("ThreadPoolWorkQueueThreadLocals", StringComparison.Ordinal);

    private static string Shorten(string name)
    {
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        var trimmed = paren > 0 ? name[..paren] : name;
        return trimmed.Length > 140 ? trimmed[..140] : trimmed;
    }
}
