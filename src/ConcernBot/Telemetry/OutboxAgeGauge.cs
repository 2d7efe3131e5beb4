using System.Diagnostics.Metrics;
using ConcernBot.Storage;

namespace ConcernBot.Telemetry;

/// <summary>
/// The age in seconds of the oldest outbox message that is due and not yet delivered (0 when none): what an operator
/// alerts on when Teams or the store is down. Read from the store only when a listener collects it (at most every
/// 15 seconds), so a host nobody monitors makes no extra round trips.
/// </summary>
internal sealed class OutboxAgeGauge : IHostedService
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(15);

    private readonly IOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly Meter _meter;
    private double _ageSeconds;
    private long _refreshedTicks;
    private int _refreshing;

    public OutboxAgeGauge(IOutbox outbox, TimeProvider time, IMeterFactory meters)
    {
        _outbox = outbox;
        _time = time;
        _meter = meters.Create(OperatorMetrics.MeterName);
        _meter.CreateObservableGauge("concernbot.outbox.oldest_age", Observe, "s", "Age of the oldest due, undelivered outbox message.");
    }

    // A hosted service only so that the host builds it, and with it the gauge, at start-up; it has no work of its own.
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private double Observe()
    {
        var now = _time.GetUtcNow();
        if (now.UtcTicks - Interlocked.Read(ref _refreshedTicks) >= RefreshEvery.Ticks && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = RefreshAsync(now);
        }

        return Volatile.Read(ref _ageSeconds);
    }

    /// <summary>Refreshes the cached age now (the first collection, and tests).</summary>
    public async Task RefreshAsync(DateTimeOffset now)
    {
        try
        {
            var oldest = await _outbox.OldestDueAsync(now);
            Volatile.Write(ref _ageSeconds, oldest is { } due && due < now ? (now - due).TotalSeconds : 0);
            Interlocked.Exchange(ref _refreshedTicks, now.UtcTicks);
        }
#pragma warning disable CA1031 // the store being down is what the other metrics show; the gauge keeps its last value
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            Interlocked.Exchange(ref _refreshing, 0);
        }
    }
}
