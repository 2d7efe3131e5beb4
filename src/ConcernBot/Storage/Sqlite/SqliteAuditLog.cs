using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Storage.Sqlite;

internal sealed class SqliteAuditLog(SqliteDatabase database) : IAuditLog
{
    public Task<AuditEntry> AppendAsync(string concernId, AuditEntry entry, CancellationToken cancellationToken = default) =>
        database.WriteAsync("audit.write", (connection, transaction, token) => AppendAsync(connection, transaction, concernId, entry, token), cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string concernId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("audit.read", cancellationToken);
        return await ReadAsync(connection, concernId, cancellationToken).ToListAsync(cancellationToken);
    }

    public async Task<AuditVerification> VerifyAsync(string concernId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("audit.read", cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var entries = await ReadAsync(connection, concernId, cancellationToken, transaction).ToListAsync(cancellationToken);
        var (count, head) = await ReadHeadAsync(connection, transaction, concernId, cancellationToken);
        return AuditChain.Verify(concernId, entries, count, head);
    }

    /// <summary>Appends inside the caller's transaction: reads the head, chains the entry to it, moves the head on.</summary>
    internal static async Task<AuditEntry> AppendAsync(SqliteConnection connection, SqliteTransaction transaction, string concernId, AuditEntry entry, CancellationToken cancellationToken)
    {
        var (count, head) = await ReadHeadAsync(connection, transaction, concernId, cancellationToken);
        var stored = AuditChain.Seal(concernId, entry, count + 1, head);
        await connection.ExecuteAsync(
            transaction,
            """
            INSERT INTO audit (concern_id, sequence, actor, at, action, reason, detail, previous_hash, hash)
            VALUES ($concern, $sequence, $actor, $at, $action, $reason, $detail, $previous, $hash)
            """,
            cancellationToken,
            ("$concern", concernId),
            ("$sequence", stored.Sequence),
            ("$actor", stored.Actor),
            ("$at", AuditChain.FormatTime(stored.At)),
            ("$action", stored.Action),
            ("$reason", stored.Reason),
            ("$detail", stored.Detail),
            ("$previous", stored.PreviousHash),
            ("$hash", stored.Hash));
        await connection.ExecuteAsync(
            transaction,
            """
            INSERT INTO audit_heads (concern_id, count, head_hash) VALUES ($concern, $count, $hash)
            ON CONFLICT (concern_id) DO UPDATE SET count = excluded.count, head_hash = excluded.head_hash
            """,
            cancellationToken,
            ("$concern", concernId),
            ("$count", stored.Sequence),
            ("$hash", stored.Hash));
        return stored;
    }

    internal static async Task<(long Count, string? Head)> ReadHeadAsync(SqliteConnection connection, SqliteTransaction? transaction, string concernId, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, "SELECT count, head_hash FROM audit_heads WHERE concern_id = $concern", ("$concern", concernId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, null);
    }

    private static async IAsyncEnumerable<AuditEntry> ReadAsync(SqliteConnection connection, string concernId, [EnumeratorCancellation] CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        await using var command = connection.Command(
            transaction,
            "SELECT sequence, actor, at, action, reason, detail, previous_hash, hash FROM audit WHERE concern_id = $concern ORDER BY sequence",
            ("$concern", concernId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new AuditEntry
            {
                Sequence = reader.GetInt64(0),
                Actor = reader.GetString(1),
                At = AuditChain.ParseTime(reader.GetString(2)),
                Action = reader.GetString(3),
                Reason = reader.NullableString(4),
                Detail = reader.NullableString(5),
                PreviousHash = reader.NullableString(6),
                Hash = reader.GetString(7),
            };
        }
    }
}
