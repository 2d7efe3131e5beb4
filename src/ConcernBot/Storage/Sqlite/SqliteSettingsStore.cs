using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Storage.Sqlite;

internal sealed class SqliteSettingsStore(SqliteDatabase database) : ISettingsStore
{
    public async Task<Versioned<string>?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("settings.read", cancellationToken);
        await using var command = connection.Command(null, "SELECT value, version FROM settings WHERE key = $key", ("$key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new(reader.GetString(0), SqliteCommands.ToETag(reader.GetInt64(1))) : null;
    }

    public Task<string> SaveAsync(string key, string value, string? etag, CancellationToken cancellationToken = default) =>
        database.WriteAsync("settings.write", (connection, transaction, token) => SaveAsync(connection, transaction, key, value, etag, token), cancellationToken);

    public Task<bool> DeleteAsync(string key, string etag, CancellationToken cancellationToken = default) =>
        database.WriteAsync("settings.write", (connection, transaction, token) => DeleteAsync(connection, transaction, key, etag, token), cancellationToken);

    public async IAsyncEnumerable<(string Key, Versioned<string> Value)> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("settings.read", cancellationToken);
        await using var command = connection.Command(
            null,
            "SELECT key, value, version FROM settings WHERE substr(key, 1, length($prefix)) = $prefix ORDER BY key",
            ("$prefix", prefix));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (reader.GetString(0), new(reader.GetString(1), SqliteCommands.ToETag(reader.GetInt64(2))));
        }
    }

    private static async Task<string> SaveAsync(SqliteConnection connection, SqliteTransaction transaction, string key, string value, string? etag, CancellationToken cancellationToken)
    {
        if (etag is null)
        {
            var inserted = await connection.ExecuteAsync(
                transaction,
                "INSERT INTO settings (key, value, version) VALUES ($key, $value, 1) ON CONFLICT DO NOTHING",
                cancellationToken,
                ("$key", key),
                ("$value", value));
            return inserted == 1 ? SqliteCommands.ToETag(1) : throw new ConcurrencyConflictException("The setting already has a value.");
        }

        var version = SqliteCommands.FromETag(etag);
        var updated = await connection.ExecuteAsync(
            transaction,
            "UPDATE settings SET value = $value, version = version + 1 WHERE key = $key AND version = $version",
            cancellationToken,
            ("$key", key),
            ("$value", value),
            ("$version", version));
        return updated == 1 ? SqliteCommands.ToETag(version + 1) : throw new ConcurrencyConflictException();
    }

    private static async Task<bool> DeleteAsync(SqliteConnection connection, SqliteTransaction transaction, string key, string etag, CancellationToken cancellationToken)
    {
        var deleted = await connection.ExecuteAsync(
            transaction,
            "DELETE FROM settings WHERE key = $key AND version = $version",
            cancellationToken,
            ("$key", key),
            ("$version", SqliteCommands.FromETag(etag)));
        if (deleted == 1)
        {
            return true;
        }

        var exists = await connection.ScalarAsync(transaction, "SELECT 1 FROM settings WHERE key = $key", cancellationToken, ("$key", key));
        return exists is null ? false : throw new ConcurrencyConflictException();
    }
}
