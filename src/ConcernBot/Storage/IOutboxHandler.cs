namespace ConcernBot.Storage;

/// <summary>Delivers outbox messages of one <see cref="Kind"/>; called by the outbox dispatcher, retried when it throws.</summary>
public interface IOutboxHandler
{
    string Kind { get; }

    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
