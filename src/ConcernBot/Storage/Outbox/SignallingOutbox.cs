namespace ConcernBot.Storage.Outbox;

/// <summary>The outbox, waking the dispatcher after messages are added on their own.</summary>
internal sealed class SignallingOutbox(IOutbox inner, OutboxSignal signal) : IOutbox
{
    /// <summary>The outbox configuration chose.</summary>
    internal IOutbox Inner => inner;

    public async Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        await inner.EnqueueAsync(messages, cancellationToken);
        if (messages.Count > 0)
        {
            signal.Wake();
        }
    }

    public Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken = default) =>
        inner.ClaimDueAsync(now, max, lease, cancellationToken);

    public Task<ClaimedOutboxMessage?> ClaimAsync(string id, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        inner.ClaimAsync(id, now, lease, cancellationToken);

    public Task<DateTimeOffset?> OldestDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default) => inner.OldestDueAsync(now, cancellationToken);

    public Task<bool> CompleteAsync(ClaimedOutboxMessage message, CancellationToken cancellationToken = default) => inner.CompleteAsync(message, cancellationToken);

    public Task ReleaseAsync(ClaimedOutboxMessage message, DateTimeOffset retryAt, CancellationToken cancellationToken = default) =>
        inner.ReleaseAsync(message, retryAt, cancellationToken);
}
