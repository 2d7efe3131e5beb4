using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Storage.Sqlite;

internal sealed class SqliteConversationStore(SqliteDatabase database) : IConversationStore
{
    public async Task<Versioned<ConversationState>?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("conversations.read", cancellationToken);
        await using var command = connection.Command(null, "SELECT state, version FROM conversations WHERE id = $id", ("$id", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new(StorageJson.Deserialize<ConversationState>(reader.Utf8(0)), SqliteCommands.ToETag(reader.GetInt64(1)));
    }

    public Task<string> SaveAsync(string conversationId, ConversationState state, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        // Bound as UTF-8 bytes and stored as TEXT (CAST in the SQL), as the string would have been.
        var json = StorageJson.SerializeToUtf8(state);
        var expires = state.ExpiresAt?.UtcTicks;
        return database.WriteAsync("conversations.write", (connection, transaction, token) => etag is null
            ? InsertAsync(connection, transaction, conversationId, json, expires, token)
            : UpdateAsync(connection, transaction, conversationId, json, expires, etag, token), cancellationToken);
    }

    public Task DeleteAsync(string conversationId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            "conversations.write",
            (connection, transaction, token) => connection.ExecuteAsync(transaction, "DELETE FROM conversations WHERE id = $id", token, ("$id", conversationId)),
            cancellationToken);

    private static async Task<string> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, string conversationId, byte[] json, long? expires, CancellationToken cancellationToken)
    {
        var inserted = await connection.ExecuteAsync(
            transaction,
            "INSERT INTO conversations (id, state, expires_at, version) VALUES ($id, CAST($state AS TEXT), $expires, 1) ON CONFLICT (id) DO NOTHING",
            cancellationToken,
            ("$id", conversationId),
            ("$state", json),
            ("$expires", expires));
        return inserted == 1 ? SqliteCommands.ToETag(1) : throw new ConcurrencyConflictException("The conversation already has a state.");
    }

    private static async Task<string> UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, string conversationId, byte[] json, long? expires, string etag, CancellationToken cancellationToken)
    {
        var version = SqliteCommands.FromETag(etag);
        var updated = await connection.ExecuteAsync(
            transaction,
            "UPDATE conversations SET state = CAST($state AS TEXT), expires_at = $expires, version = version + 1 WHERE id = $id AND version = $version",
            cancellationToken,
            ("$id", conversationId),
            ("$state", json),
            ("$expires", expires),
            ("$version", version));
        return updated == 1 ? SqliteCommands.ToETag(version + 1) : throw new ConcurrencyConflictException();
    }

    public async IAsyncEnumerable<(string ConversationId, Versioned<ConversationState> State)> ListExpiringAsync(DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("conversations.read", cancellationToken);
        await using var command = connection.Command(
            null,
            "SELECT id, state, version FROM conversations WHERE expires_at IS NOT NULL AND expires_at < $before ORDER BY expires_at",
            ("$before", before.UtcTicks));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (reader.GetString(0), new(StorageJson.Deserialize<ConversationState>(reader.Utf8(1)), SqliteCommands.ToETag(reader.GetInt64(2))));
        }
    }
}
