namespace ConcernBot.Storage.Outbox;

/// <summary>
/// Delivers outbox messages of one <see cref="Kind"/> (e.g. the leads' card, a note to the reporter). Register with
/// <c>services.AddSingleton&lt;IOutboxHandler, MyHandler&gt;()</c>. A message can arrive twice (a crash after delivery but
/// before completion): use <see cref="OutboxMessage.IdempotencyKey"/> to avoid posting it twice, e.g. as the activity id
/// or by recording the posted activity's id. Throw to have the message tried again later.
/// </summary>
public interface IOutboxHandler
{
    string Kind { get; }

    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
