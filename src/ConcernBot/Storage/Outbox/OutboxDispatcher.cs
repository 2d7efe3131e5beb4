using Microsoft.Extensions.Options;

namespace ConcernBot.Storage.Outbox;

/// <summary>
/// Delivers what the outbox holds: claims due messages with a lease, hands each to the handler for its kind, completes
/// it when delivered, and releases it for a later retry (doubling delays) when the handler fails, e.g. while the Teams
/// connector is down. Any number of instances can run on one store; a claim is won by one of them only.
/// </summary>
public sealed partial class OutboxDispatcher(
    IOutbox outbox,
    IEnumerable<IOutboxHandler> handlers,
    TimeProvider time,
    IOptions<OutboxDispatcherOptions> options,
    ILogger<OutboxDispatcher> logger,
    IOptions<Language.LanguageOptions>? languages = null,
    OutboxSignal? signal = null) : BackgroundService
{
    private readonly Dictionary<string, IOutboxHandler> handlersByKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly OutboxDispatcherOptions settings = options.Value;

    // Completions and releases the store could not take (it was down): settled first on the next look, so a delivered
    // message is not delivered again, and a failed one is not held until its lease runs out.
    private readonly System.Collections.Concurrent.ConcurrentQueue<(ClaimedOutboxMessage Claim, DateTimeOffset? RetryAt)> unsettled = new();

    /// <summary>One look at the outbox: claims what is due and delivers it. Returns how many were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await SettleAsync(cancellationToken);
        var claimed = await outbox.ClaimDueAsync(time.GetUtcNow(), settings.BatchSize, settings.Lease, cancellationToken);
        var delivered = 0;
        var byConcern = claimed.GroupBy(c => c.Message.ConcernId ?? c.Message.Id, StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            byConcern,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism), CancellationToken = cancellationToken },
            async (messages, token) =>
            {
                foreach (var claim in messages)
                {
                    if (await DeliverAsync(claim, token))
                    {
                        Interlocked.Increment(ref delivered);
                    }
                }
            });

        return delivered;
    }

    /// <summary>
    /// Delivers the one message <paramref name="id"/> now, due or not, in the turn that wrote it (so the reporter sees
    /// their receipt at once); on failure it is released for the dispatcher to retry. False when it was not delivered
    /// by this call (delivered already, claimed elsewhere, or failed).
    /// </summary>
    public async Task<bool> DeliverNowAsync(string id, CancellationToken cancellationToken)
    {
        var claim = await outbox.ClaimAsync(id, time.GetUtcNow(), settings.Lease, cancellationToken);
        return claim is not null && await DeliverAsync(claim, cancellationToken);
    }

    /// <summary>The delay before the next try after <paramref name="attempts"/> failed ones (1 = the first failure).</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(settings.FirstRetryDelay.Ticks * factor, settings.MaxRetryDelay.Ticks));
        return delay < settings.FirstRetryDelay ? settings.FirstRetryDelay : delay;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                busy = await DispatchDueAsync(stoppingToken) > 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop must outlive a store outage; the failure is logged and retried.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogLookFailed(logger, exception.GetType().Name);
            }

            if (!busy)
            {
                try
                {
                    // Until the next poll, or sooner when this instance writes to the outbox.
                    await (signal?.WaitAsync(settings.PollInterval, time, stoppingToken) ?? Task.Delay(settings.PollInterval, time, stoppingToken));
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> DeliverAsync(ClaimedOutboxMessage claim, CancellationToken cancellationToken)
    {
        var message = claim.Message;
        if (!handlersByKind.TryGetValue(message.Kind, out var handler))
        {
            LogNoHandler(logger, message.Kind);
            await outbox.ReleaseAsync(claim, time.GetUtcNow() + settings.MaxRetryDelay, cancellationToken);
            return false;
        }

        // What the outbox sends is for the leads unless its handler says otherwise (a receipt, a message to a reporter):
        // in the organisation's language, whoever's turn wrote it.
        System.Globalization.CultureInfo.CurrentUICulture = languages?.Value.OrganisationCulture ?? Conversation.Languages.Default;
        try
        {
            await handler.DeliverAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of a handler means "not delivered yet": the message is retried later.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var delay = RetryDelay(message.Attempts + 1);
            LogDeliveryFailed(logger, message.Kind, message.Attempts + 1, delay, exception.GetType().Name);
            Telemetry.OperatorMetrics.DeliveriesFailed.Add(1, new KeyValuePair<string, object?>("concernbot.outbox.kind", message.Kind));
            await SettleOrKeepAsync(claim, time.GetUtcNow() + delay, cancellationToken);
            return false;
        }

        await SettleOrKeepAsync(claim, null, cancellationToken);
        return true;
    }

    /// <summary>Completes (no retry time) or releases a claim; if the store cannot take it now, keeps it for the next look.</summary>
    private async Task<bool> SettleOrKeepAsync(ClaimedOutboxMessage claim, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        try
        {
            if (retryAt is { } at)
            {
                await outbox.ReleaseAsync(claim, at, cancellationToken);
            }
            else if (!await outbox.CompleteAsync(claim, cancellationToken))
            {
                LogClaimLost(logger, claim.Message.Kind);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // the store is down: kept, and settled once it is back
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogSettleFailed(logger, claim.Message.Kind, exception.GetType().Name);
            unsettled.Enqueue((claim, retryAt));
            return false;
        }
    }

    private async Task SettleAsync(CancellationToken cancellationToken)
    {
        for (var left = unsettled.Count; left > 0 && unsettled.TryDequeue(out var pending); left--)
        {
            if (!await SettleOrKeepAsync(pending.Claim, pending.RetryAt, cancellationToken))
            {
                return; // still down: the rest wait too
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking at the outbox failed ({ExceptionType}); trying again shortly")]
    private static partial void LogLookFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "No outbox handler for kind {Kind}; the message waits")]
    private static partial void LogNoHandler(ILogger logger, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering a {Kind} message failed (attempt {Attempt}, {ExceptionType}); retrying in {Delay}")]
    private static partial void LogDeliveryFailed(ILogger logger, string kind, int attempt, TimeSpan delay, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording the outcome of a {Kind} delivery failed ({ExceptionType}); kept until the store answers")]
    private static partial void LogSettleFailed(ILogger logger, string kind, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Kind} message was delivered after its claim had expired; its lease may be too short")]
    private static partial void LogClaimLost(ILogger logger, string kind);
}
