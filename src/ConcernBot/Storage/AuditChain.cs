using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ConcernBot.Storage;

/// <summary>
/// The hash chain of a concern's audit: each entry's hash is SHA-256 over the previous entry's hash and the entry's own
/// canonical fields, and the store keeps the chain's head (count and last hash) beside it, so an edited, reordered,
/// deleted or cut-off entry shows.
/// </summary>
internal static class AuditChain
{
    public const string PurgedAction = "Purged";

    /// <summary>The entry as stored: its time in UTC, its position and both hashes.</summary>
    public static AuditEntry Seal(string concernId, AuditEntry entry, long sequence, string? previousHash)
    {
        var sealedEntry = entry with
        {
            At = entry.At.ToUniversalTime(),
            Sequence = sequence,
            PreviousHash = previousHash,
            Hash = null,
        };
        return sealedEntry with { Hash = ComputeHash(concernId, sealedEntry) };
    }

    public static string ComputeHash(string concernId, AuditEntry entry)
    {
        // A JSON array is an unambiguous encoding: no choice of field values can make two different entries collide.
        string?[] fields =
        [
            "audit-v1",
            concernId,
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.Actor,
            FormatTime(entry.At),
            entry.Action,
            entry.Reason,
            entry.Detail,
            entry.PreviousHash,
        ];
        var bytes = JsonSerializer.SerializeToUtf8Bytes(fields);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    public static string FormatTime(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>
    /// Checks <paramref name="entries"/> (in stored sequence order) against each other and against the stored head.
    /// A purged concern keeps only its final "Purged" entry, whose predecessors are gone on purpose.
    /// </summary>
    public static AuditVerification Verify(string concernId, IReadOnlyList<AuditEntry> entries, long headCount, string? headHash)
    {
        long expected = 1;
        string? previous = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var isFinalPurge = i == entries.Count - 1 && entry.Action == PurgedAction && entry.Sequence == headCount;
            if (entry.Sequence != expected)
            {
                if (!isFinalPurge || entry.Sequence < expected)
                {
                    return Broken(expected, "An entry is missing or out of place.");
                }

                previous = entry.PreviousHash;
                expected = entry.Sequence;
            }

            if (!string.Equals(entry.PreviousHash, previous, StringComparison.Ordinal))
            {
                return Broken(entry.Sequence, "An entry does not follow the one before it (reordered, or one before it was removed or changed).");
            }

            if (!string.Equals(ComputeHash(concernId, entry), entry.Hash, StringComparison.Ordinal))
            {
                return Broken(entry.Sequence, "An entry was changed after it was written.");
            }

            previous = entry.Hash;
            expected++;
        }

        if (expected - 1 != headCount || !string.Equals(previous, headHash, StringComparison.Ordinal))
        {
            return Broken(expected, "The chain ends early: its last entries were removed.");
        }

        return new AuditVerification(true, null, null);
    }

    private static AuditVerification Broken(long sequence, string problem) => new(false, sequence, problem);
}
