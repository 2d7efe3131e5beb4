using ConcernBot.Concerns;

namespace ConcernBot.Storage;

/// <summary>
/// Concerns, with their audit entries and outbox messages written in the same step as the change that causes them.
/// Outbox messages passed here belong to the concern (their <see cref="OutboxMessage.ConcernId"/> is set to it) and
/// need ids unique across the store, e.g. "{concern id}:leads-card".
/// </summary>
public interface IConcernStore
{
    /// <summary>
    /// Stores a new concern with its first audit entry and its outbox messages, all or nothing. Idempotent on
    /// <see cref="Concern.Id"/>: a second call with the same id stores nothing and returns false.
    /// </summary>
    Task<bool> CreateAsync(Concern concern, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken = default);

    Task<Versioned<Concern>?> GetAsync(string concernId, CancellationToken cancellationToken = default);

    Task<Versioned<Concern>?> FindByReferenceAsync(string reference, CancellationToken cancellationToken = default);

    /// <summary>Replaces a concern read with <paramref name="etag"/>, appending the audit entry and outbox messages with it.</summary>
    /// <exception cref="ConcurrencyConflictException">Someone else changed it first.</exception>
    Task<string> UpdateAsync(Concern concern, string etag, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Concern> ListByStatusAsync(string organisationId, ConcernStatus status, CancellationToken cancellationToken = default);

    /// <summary>Open concerns whose next deadline is before <paramref name="before"/>, oldest deadline first.</summary>
    IAsyncEnumerable<Concern> ListByDeadlineAsync(string organisationId, DateTimeOffset before, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Concern> ListByReporterAsync(string organisationId, string reporterReference, CancellationToken cancellationToken = default);
}

/// <summary>Another concern already has this reference: make a new reference and create again.</summary>
public sealed class DuplicateReferenceException : Exception
{
    public DuplicateReferenceException()
        : base("Another concern already has this reference.")
    {
    }

    public DuplicateReferenceException(string message)
        : base(message)
    {
    }

    public DuplicateReferenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
