using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Storage.Sqlite;

/// <summary>
/// The outbox as one table. A claim is a random token and a lease time set on undelivered due rows inside an IMMEDIATE
/// transaction, which SQLite runs one at a time, so two dispatchers never claim the same row.
/// </summary>
internal sealed class SqliteOutbox(SqliteDatabase database, TimeProvider time) : IOutbox
{
    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default) =>
        database.WriteAsync("outbox.write", (connection, transaction, token) => InsertAsync(connection, transaction, messages, token), cancellationToken);

    public Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken = default) =>
        database.WriteAsync("outbox.write", (connection, transaction, token) => ClaimDueAsync(connection, transaction, now, max, lease, token), cancellationToken);

    public async Task<ClaimedOutboxMessage?> ClaimAsync(string id, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        (await database.WriteAsync("outbox.write", (connection, transaction, token) => ClaimAsync(connection, transaction, "id = $id AND delivered_at IS NULL AND lease_until <= $now", now, 1, lease, token, ("$id", id)), cancellationToken)) is [var one] ? one : null;

    public async Task<DateTimeOffset?> OldestDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("outbox.read", cancellationToken);
        await using var command = connection.Command(null, "SELECT MIN(due_at) FROM outbox WHERE delivered_at IS NULL AND due_at <= $now", ("$now", now.UtcTicks));
        return await command.ExecuteScalarAsync(cancellationToken) is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    public Task<bool> CompleteAsync(ClaimedOutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return database.WriteAsync(
            "outbox.write",
            async (connection, transaction, token) => await connection.ExecuteAsync(
                transaction,
                "UPDATE outbox SET delivered_at = $now, claim_token = NULL, payload = '{}' WHERE id = $id AND claim_token = $token AND delivered_at IS NULL",
                token,
                ("$now", time.GetUtcNow().UtcTicks),
                ("$id", message.Message.Id),
                ("$token", message.ClaimToken)) == 1,
            cancellationToken);
    }

    public Task ReleaseAsync(ClaimedOutboxMessage message, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return database.WriteAsync(
            "outbox.write",
            (connection, transaction, token) => connection.ExecuteAsync(
                transaction,
                """
                UPDATE outbox SET due_at = $retry, lease_until = 0, claim_token = NULL, attempts = attempts + 1
                WHERE id = $id AND claim_token = $token AND delivered_at IS NULL
                """,
                token,
                ("$retry", retryAt.UtcTicks),
                ("$id", message.Message.Id),
                ("$token", message.ClaimToken)),
            cancellationToken);
    }

    private static Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimDueAsync(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken) =>
        ClaimAsync(connection, transaction, "delivered_at IS NULL AND due_at <= $now AND lease_until <= $now", now, max, lease, cancellationToken);

    /// <summary>Claims the rows <paramref name="where"/> selects; a row still holding a claim token was cut off mid-delivery.</summary>
    private static async Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimAsync(SqliteConnection connection, SqliteTransaction transaction, string where, DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var due = new List<OutboxMessage>();
        await using (var command = connection.Command(
            transaction,
            $"""
            SELECT id, concern_id, kind, payload, created_at, not_before, attempts, claim_token IS NOT NULL FROM outbox
            WHERE {where}
            ORDER BY due_at, id LIMIT $max
            """,
            [("$now", now.UtcTicks), ("$max", max), .. parameters]))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                due.Add(new OutboxMessage
                {
                    Id = reader.GetString(0),
                    ConcernId = reader.NullableString(1),
                    Kind = reader.GetString(2),
                    Payload = reader.GetString(3),
                    CreatedAt = AuditChain.ParseTime(reader.GetString(4)),
                    NotBefore = AuditChain.ParseTime(reader.GetString(5)),
                    Attempts = reader.GetInt32(6),
                    EarlierDeliveryCutOff = reader.GetBoolean(7),
                });
            }
        }

        var claimed = new List<ClaimedOutboxMessage>(due.Count);
        foreach (var message in due)
        {
            var token = Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
            await connection.ExecuteAsync(
                transaction,
                "UPDATE outbox SET claim_token = $token, lease_until = $until WHERE id = $id",
                cancellationToken,
                ("$token", token),
                ("$until", (now + lease).UtcTicks),
                ("$id", message.Id));
            claimed.Add(new ClaimedOutboxMessage(message, token));
        }

        return claimed;
    }

    /// <summary>Adds messages inside the caller's transaction; a message id already there is kept as it is (idempotent).</summary>
    internal static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await connection.ExecuteAsync(
                transaction,
                """
                INSERT INTO outbox (id, concern_id, kind, payload, created_at, not_before, due_at, attempts)
                VALUES ($id, $concern, $kind, $payload, $created, $notBefore, $due, $attempts)
                ON CONFLICT (id) DO NOTHING
                """,
                cancellationToken,
                ("$id", message.Id),
                ("$concern", message.ConcernId),
                ("$kind", message.Kind),
                ("$payload", message.Payload),
                ("$created", AuditChain.FormatTime(message.CreatedAt)),
                ("$notBefore", AuditChain.FormatTime(message.NotBefore)),
                ("$due", message.NotBefore.UtcTicks),
                ("$attempts", message.Attempts));
        }
    }
}
