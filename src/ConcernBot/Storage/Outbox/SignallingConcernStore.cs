using ConcernBot.Concerns;

namespace ConcernBot.Storage.Outbox;

/// <summary>The concern store, waking the dispatcher after every change that wrote outbox messages.</summary>
internal sealed class SignallingConcernStore(IConcernStore inner, OutboxSignal signal) : IConcernStore
{
    /// <summary>The store configuration chose.</summary>
    internal IConcernStore Inner => inner;

    public async Task<bool> CreateAsync(Concern concern, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken = default)
    {
        var created = await inner.CreateAsync(concern, entry, outbox, cancellationToken);
        WakeIf(created && outbox.Count > 0);
        return created;
    }

    public async Task<string> UpdateAsync(Concern concern, string etag, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken = default)
    {
        var newETag = await inner.UpdateAsync(concern, etag, entry, outbox, cancellationToken);
        WakeIf(outbox.Count > 0);
        return newETag;
    }

    public Task<Versioned<Concern>?> GetAsync(string concernId, CancellationToken cancellationToken = default) => inner.GetAsync(concernId, cancellationToken);

    public Task<Versioned<Concern>?> FindByReferenceAsync(string reference, CancellationToken cancellationToken = default) => inner.FindByReferenceAsync(reference, cancellationToken);

    public IAsyncEnumerable<Concern> ListByStatusAsync(string organisationId, ConcernStatus status, CancellationToken cancellationToken = default) => inner.ListByStatusAsync(organisationId, status, cancellationToken);

    public IAsyncEnumerable<Concern> ListByDeadlineAsync(string organisationId, DateTimeOffset before, CancellationToken cancellationToken = default) => inner.ListByDeadlineAsync(organisationId, before, cancellationToken);

    public IAsyncEnumerable<Concern> ListByReporterAsync(string organisationId, string reporterReference, CancellationToken cancellationToken = default) => inner.ListByReporterAsync(organisationId, reporterReference, cancellationToken);

    private void WakeIf(bool wrote)
    {
        if (wrote)
        {
            signal.Wake();
        }
    }
}
