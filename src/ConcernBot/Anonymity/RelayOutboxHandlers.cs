using ConcernBot.Storage;
using ConcernBot.Storage.Outbox;

namespace ConcernBot.Anonymity;

/// <summary>Delivers a lead's question ("reporter.question") to the reporter's chat through the sealed route.</summary>
internal sealed class ReporterQuestionHandler(ReporterRelay relay) : IOutboxHandler
{
    public string Kind => RelayKinds.ReporterQuestion;

    public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        RelayKinds.Read(message, AnonymityJson.Default.ReporterQuestionMessage) is { ConcernId.Length: > 0, Question.Length: > 0 } question
            ? relay.DeliverQuestionAsync(question, cancellationToken)
            : Task.CompletedTask;
}

/// <summary>Delivers where the concern stands ("reporter.notify") to the reporter's chat through the sealed route.</summary>
internal sealed class ReporterNotifyHandler(ReporterRelay relay) : IOutboxHandler
{
    public string Kind => RelayKinds.ReporterNotify;

    public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        RelayKinds.Read(message, AnonymityJson.Default.ReporterNotifyMessage) is { ConcernId.Length: > 0, Kind.Length: > 0 } notify
            ? relay.DeliverNotifyAsync(notify, cancellationToken)
            : Task.CompletedTask;
}
