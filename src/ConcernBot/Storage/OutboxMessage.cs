namespace ConcernBot.Storage;

/// <summary>
/// Something that must reach Teams (the leads' card, a notification to the reporter, an escalation), written with the
/// state change that causes it and delivered by the dispatcher. <see cref="IdempotencyKey"/> makes delivery happen once.
/// </summary>
public sealed record OutboxMessage
{
    public required string Id { get; init; }
    public required string Kind { get; init; }

    /// <summary>The concern it belongs to, if any.</summary>
    public string? ConcernId { get; init; }

    /// <summary>What the handler for <see cref="Kind"/> needs, as JSON.</summary>
    public required string Payload { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Not to be delivered before this time (e.g. the random delay for anonymous concerns).</summary>
    public DateTimeOffset NotBefore { get; init; }

    public string IdempotencyKey => Id;
    public int Attempts { get; init; }

    /// <summary>
    /// An earlier delivery of this message was cut off (the process stopped after claiming it, before it was completed or
    /// released): it may have arrived. Handlers that cannot ask the channel whether it did say so on what they send.
    /// </summary>
    public bool EarlierDeliveryCutOff { get; init; }
}

public interface IOutbox
{
    /// <summary>Adds messages that belong to no concern change (e.g. a reminder).</summary>
    Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default);

    /// <summary>Claims up to <paramref name="max"/> due messages for <paramref name="lease"/>; a claimed message is invisible to other instances.</summary>
    Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the one message <paramref name="id"/> whether or not it is due yet (the turn that wrote it delivers it at
    /// once); null when it is delivered, claimed by someone else, or not there.
    /// </summary>
    Task<ClaimedOutboxMessage?> ClaimAsync(string id, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks a claimed message delivered and erases its payload (it may hold a sealed secret, or words meant for one
    /// person); false if the claim was lost to another instance.
    /// </summary>
    Task<bool> CompleteAsync(ClaimedOutboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>When the oldest undelivered message that is due by <paramref name="now"/> became due; null when none is.</summary>
    Task<DateTimeOffset?> OldestDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Releases a claimed message to be tried again at <paramref name="retryAt"/>.</summary>
    Task ReleaseAsync(ClaimedOutboxMessage message, DateTimeOffset retryAt, CancellationToken cancellationToken = default);
}

public sealed record ClaimedOutboxMessage(OutboxMessage Message, string ClaimToken);
