namespace ConcernBot.Storage;

/// <summary>
/// One line of a concern's chronology: who did what, when (UTC) and why. Append-only; each entry is hash-chained to the
/// previous entry of the same concern. <see cref="Actor"/> is never an anonymous reporter's identity ("Anonymous reporter").
/// </summary>
public sealed record AuditEntry
{
    public required string Actor { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Action { get; init; }
    public string? Reason { get; init; }

    /// <summary>Structured detail for the chronology (no free text from the reporter).</summary>
    public string? Detail { get; init; }

    /// <summary>Set by the store: the position in the concern's chain, and the chain hashes.</summary>
    public long Sequence { get; init; }

    public string? PreviousHash { get; init; }
    public string? Hash { get; init; }
}

public interface IAuditLog
{
    /// <summary>Appends an entry on its own (e.g. "viewed the detail"), chained to the last one.</summary>
    Task<AuditEntry> AppendAsync(string concernId, AuditEntry entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditEntry>> ReadAsync(string concernId, CancellationToken cancellationToken = default);

    /// <summary>Checks the chain: an edited, reordered or deleted entry is reported.</summary>
    Task<AuditVerification> VerifyAsync(string concernId, CancellationToken cancellationToken = default);
}

public sealed record AuditVerification(bool IsIntact, long? FirstBrokenSequence, string? Problem);
