using ConcernBot.Concerns;
using ConcernBot.Storage;

namespace ConcernBot.Tests.Support;

/// <summary>
/// Wraps a concern store so that the next N updates wait until all N have read and arrived: two people acting "at once",
/// deterministically.
/// </summary>
public sealed class GatedConcernStore(IConcernStore inner) : IConcernStore
{
    private TaskCompletionSource? _open;
    private int _waiting;
    private int _expected;

    public void HoldUpdates(int count)
    {
        _expected = count;
        _waiting = 0;
        _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<string> UpdateAsync(Concern concern, string etag, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken = default)
    {
        if (_open is { } gate)
        {
            if (Interlocked.Increment(ref _waiting) >= _expected)
            {
                _open = null;
                gate.TrySetResult();
            }

            await gate.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }

        return await inner.UpdateAsync(concern, etag, entry, outbox, cancellationToken);
    }

    public Task<bool> CreateAsync(Concern concern, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken = default) => inner.CreateAsync(concern, entry, outbox, cancellationToken);

    public Task<Versioned<Concern>?> GetAsync(string concernId, CancellationToken cancellationToken = default) => inner.GetAsync(concernId, cancellationToken);

    public Task<Versioned<Concern>?> FindByReferenceAsync(string reference, CancellationToken cancellationToken = default) => inner.FindByReferenceAsync(reference, cancellationToken);

    public IAsyncEnumerable<Concern> ListByStatusAsync(string organisationId, ConcernStatus status, CancellationToken cancellationToken = default) => inner.ListByStatusAsync(organisationId, status, cancellationToken);

    public IAsyncEnumerable<Concern> ListByDeadlineAsync(string organisationId, DateTimeOffset before, CancellationToken cancellationToken = default) => inner.ListByDeadlineAsync(organisationId, before, cancellationToken);

    public IAsyncEnumerable<Concern> ListByReporterAsync(string organisationId, string reporterReference, CancellationToken cancellationToken = default) => inner.ListByReporterAsync(organisationId, reporterReference, cancellationToken);
}
