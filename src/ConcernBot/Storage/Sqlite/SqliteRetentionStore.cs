using ConcernBot.Concerns;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Storage.Sqlite;

internal sealed class SqliteRetentionStore(SqliteDatabase database) : IRetentionStore
{
    public async Task<IReadOnlyList<PurgeProof>> PurgeClosedBeforeAsync(DateTimeOffset closedBefore, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var ids = new List<string>();
        await using (var connection = await database.OpenAsync("concerns.read", cancellationToken))
        await using (var command = connection.Command(
            null,
            "SELECT id FROM concerns WHERE status = 'Closed' AND closed_at < $before ORDER BY closed_at",
            ("$before", closedBefore.UtcTicks)))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        var proofs = new List<PurgeProof>(ids.Count);
        foreach (var id in ids)
        {
            var proof = await PurgeAsync(id, closedBefore, now, cancellationToken);
            if (proof is not null)
            {
                proofs.Add(proof);
            }
        }

        return proofs;
    }

    /// <summary>One concern, in one transaction: content gone, the "purged" entry chained to the last entry.</summary>
    private Task<PurgeProof?> PurgeAsync(string concernId, DateTimeOffset closedBefore, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync("concerns.write", (connection, transaction, token) => PurgeAsync(connection, transaction, concernId, closedBefore, now, token), cancellationToken);

    private static async Task<PurgeProof?> PurgeAsync(SqliteConnection connection, SqliteTransaction transaction, string concernId, DateTimeOffset closedBefore, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var document = await connection.ScalarAsync(transaction, "SELECT document FROM concerns WHERE id = $id", cancellationToken, ("$id", concernId)) as string;
        if (document is null)
        {
            return null;
        }

        var concern = StorageJson.Deserialize<Concern>(document);
        if (concern.Status != ConcernStatus.Closed || concern.ClosedAt is not { } closedAt || closedAt >= closedBefore)
        {
            return null;
        }

        var (count, _) = await SqliteAuditLog.ReadHeadAsync(connection, transaction, concernId, cancellationToken);
        await connection.ExecuteAsync(transaction, "DELETE FROM audit WHERE concern_id = $id", cancellationToken, ("$id", concernId));
        await connection.ExecuteAsync(transaction, "DELETE FROM outbox WHERE concern_id = $id", cancellationToken, ("$id", concernId));
        await connection.ExecuteAsync(transaction, "DELETE FROM concerns WHERE id = $id", cancellationToken, ("$id", concernId));
        var purged = await SqliteAuditLog.AppendAsync(connection, transaction, concernId, RetentionEntries.Purged(concern, count, now), cancellationToken);
        return RetentionEntries.Proof(concernId, concern, count, purged);
    }
}
