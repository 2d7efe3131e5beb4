using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

/// <summary>
/// Loaded into the bot host by the load driver only (DOTNET_STARTUP_HOOKS), never shipped: counts the host's storage
/// round trips (the <c>ConcernBot.Storage</c> meter), in all and by operation ("conversations.read"), and reports them,
/// with the GC heap, the bytes allocated, the thread pool's work items run (each a hop to a pool thread) and the
/// lock contentions so far, in a small file the driver reads.
/// Creating the file <c>{CONCERNBOT_PROBE_FILE}.gc</c> asks for a full, compacting collection first.
/// </summary>
internal static class StartupHook
{
    private static readonly ConcurrentDictionary<string, long> ByOperation = new(StringComparer.Ordinal);
    private static long _roundTrips;

    public static void Initialize()
    {
        var file = Environment.GetEnvironmentVariable("CONCERNBOT_PROBE_FILE");
        if (string.IsNullOrEmpty(file))
        {
            return;
        }

        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "ConcernBot.Storage" && instrument.Name == "concernbot.storage.round_trips")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            Interlocked.Add(ref _roundTrips, value);
            foreach (var tag in tags)
            {
                if (tag.Key == "concernbot.storage.operation" && tag.Value is string operation)
                {
                    ByOperation.AddOrUpdate(operation, value, (_, total) => total + value);
                }
            }
        });
        listener.Start();

        var thread = new Thread(() => Report(file, listener)) { IsBackground = true, Name = "bench-probe" };
        thread.Start();
    }

    private static void Report(string file, MeterListener listener)
    {
        GC.KeepAlive(listener);
        while (true)
        {
            try
            {
                if (File.Exists(file + ".gc"))
                {
                    File.Delete(file + ".gc");
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                }

                var text = new StringBuilder();
                text.Append(CultureInfo.InvariantCulture, $"roundTrips={Interlocked.Read(ref _roundTrips)}\ngcHeap={GC.GetTotalMemory(false)}\nworkingSet={Environment.WorkingSet}\n");
                text.Append(CultureInfo.InvariantCulture, $"allocated={GC.GetTotalAllocatedBytes(false)}\ngen0={GC.CollectionCount(0)}\nworkItems={ThreadPool.CompletedWorkItemCount}\ncontentions={Monitor.LockContentionCount}\n");
                foreach (var (operation, count) in ByOperation)
                {
                    text.Append(CultureInfo.InvariantCulture, $"roundTrips.{operation}={count}\n");
                }

                // The stamp last: the driver takes a report as complete once it sees a newer stamp.
                text.Append(CultureInfo.InvariantCulture, $"stamp={DateTime.UtcNow.Ticks}\n");
                File.WriteAllText(file + ".tmp", text.ToString());
                File.Move(file + ".tmp", file, overwrite: true);
            }
            catch (IOException)
            {
            }

            Thread.Sleep(100);
        }
    }
}
