using System.Diagnostics.Tracing;
using System.Globalization;
using System.Text;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Symbols;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;
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
            new("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)(ClrTraceEventParser.Keywords.Default & ~ClrTraceEventParser.Keywords.GCSampledObjectAllocationHigh)),
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
        var summary = Summarise(stacks);
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
