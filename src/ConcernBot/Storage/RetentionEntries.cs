using System.Text.Json;
using ConcernBot.Concerns;

namespace ConcernBot.Storage;

/// <summary>The "purged" audit entry and the proof it gives, the same for both stores.</summary>
internal static class RetentionEntries
{
    public static AuditEntry Purged(Concern concern, long entriesPurged, DateTimeOffset now) => new()
    {
        Actor = "ConcernBot",
        At = now,
        Action = AuditChain.PurgedAction,
        Reason = "The retention period after closing ended.",
        Detail = JsonSerializer.Serialize(new
        {
            reference = concern.Reference,
            organisationId = concern.OrganisationId,
            receivedAt = concern.ReceivedAt.ToUniversalTime(),
            closedAt = concern.ClosedAt?.ToUniversalTime(),
            entriesPurged,
            filesPurged = concern.EvidenceCount,
        }),
    };

    public static PurgeProof Proof(string concernId, Concern concern, long entriesPurged, AuditEntry purged) =>
        new(concernId, concern.Reference, concern.OrganisationId, concern.ReceivedAt, concern.ClosedAt ?? purged.At, purged.At, entriesPurged, purged.Hash!)
        {
            FilesPurged = concern.EvidenceCount,
        };
}
