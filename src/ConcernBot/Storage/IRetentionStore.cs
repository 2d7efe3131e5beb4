namespace ConcernBot.Storage;

/// <summary>Deletes closed concerns once the retention period has passed, leaving a proof of deletion in their audit.</summary>
public interface IRetentionStore
{
    /// <summary>
    /// Purges every concern closed before <paramref name="closedBefore"/>: its document, audit entries, outbox messages and
    /// index rows go; a final "purged" audit entry stays, chained to the last one, with the reference and the times.
    /// </summary>
    Task<IReadOnlyList<PurgeProof>> PurgeClosedBeforeAsync(DateTimeOffset closedBefore, DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>What remains of a purged concern: no content, only that it existed, when, and the chain's final hash.</summary>
public sealed record PurgeProof(
    string ConcernId,
    string Reference,
    string OrganisationId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset ClosedAt,
    DateTimeOffset PurgedAt,
    long EntriesPurged,
    string FinalHash)
{
    /// <summary>The evidence files the concern had (its purge entry says so too); RetentionService deletes them.</summary>
    public int FilesPurged { get; init; }
}
