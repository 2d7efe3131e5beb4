using Microsoft.Extensions.Options;

namespace ConcernBot.Storage;

/// <summary>Once a day, purges concerns closed more than `Storage:RetentionYears` (default 6) years ago.</summary>
public sealed partial class RetentionService(
    IRetentionStore store,
    IEvidenceStore evidence,
    TimeProvider time,
    IOptions<StorageOptions> options,
    ILogger<RetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromDays(1);
    private static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(1);

    /// <summary>One purge run; returns the proofs of what it deleted.</summary>
    public async Task<IReadOnlyList<PurgeProof>> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var proofs = await store.PurgeClosedBeforeAsync(now.AddYears(-Math.Max(1, options.Value.RetentionYears)), now, cancellationToken);
        foreach (var proof in proofs)
        {
            // The files go with their concern; the purge entry already records how many there were.
            var removed = await evidence.PurgeAsync(proof.ConcernId, cancellationToken);
            if (removed != proof.FilesPurged)
            {
                LogFilesMismatch(logger, removed, proof.FilesPurged);
            }
        }

        if (proofs.Count > 0)
        {
            LogPurged(logger, proofs.Count);
        }

        return proofs;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRunDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, time, stoppingToken);
                await PurgeOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Tomorrow's run tries again; the failure is logged.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogPurgeFailed(logger, exception.GetType().Name);
            }

            delay = Interval;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge removed {Count} closed concerns, leaving proofs in their audit")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention purge removed {Removed} evidence files of a concern whose record counted {Counted}")]
    private static partial void LogFilesMismatch(ILogger logger, int removed, int counted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention purge failed ({ExceptionType}); trying again tomorrow")]
    private static partial void LogPurgeFailed(ILogger logger, string exceptionType);
}
