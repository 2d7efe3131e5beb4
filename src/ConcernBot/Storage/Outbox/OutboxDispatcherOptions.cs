namespace ConcernBot.Storage.Outbox;

/// <summary>The `Storage:Outbox` configuration section.</summary>
public sealed class OutboxDispatcherOptions
{
    /// <summary>How long to wait between looks at the outbox when it was empty.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many messages one look claims.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>
    /// How many concerns' messages are delivered at once. A concern's own messages are always delivered one after
    /// another, in the order they were written.
    /// </summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>How long a claim keeps other instances away; longer than any delivery takes.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first retry's delay; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a message the turn delivers itself (the reporter's receipt) waits before the dispatcher takes it over: the
    /// turn may have stopped (a crash) before it could. Longer than a turn takes.
    /// </summary>
    public TimeSpan TurnDeliveryGrace { get; set; } = TimeSpan.FromSeconds(30);
}
