using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Storage.Sqlite;

internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(this SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        if (SqliteStatements.Of(connection)?.Rent(transaction, sql, parameters) is { } kept)
        {
            try
            {
                return await kept.ExecuteNonQueryAsync(cancellationToken);
            }
            finally
            {
                SqliteStatements.Return(kept);
            }
        }

        await using var command = connection.Command(transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<object?> ScalarAsync(this SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        if (SqliteStatements.Of(connection)?.Rent(transaction, sql, parameters) is { } kept)
        {
            try
            {
                var found = await kept.ExecuteScalarAsync(cancellationToken);
                return found is DBNull ? null : found;
            }
            finally
            {
                SqliteStatements.Return(kept);
            }
        }

        await using var command = connection.Command(transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>A TEXT column's UTF-8 bytes as SQLite holds them (half the size of its string, and nothing to transcode for JSON).</summary>
    public static byte[] Utf8(this SqliteDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);

    public static string? NullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static string ToETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version an ETag stands for; a malformed ETag matches nothing, so it is reported as a conflict.</summary>
    public static long FromETag(string etag) =>
        long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : -1;

    public static bool IsUniqueViolation(SqliteException exception) =>
        exception.SqliteErrorCode == 19; // SQLITE_CONSTRAINT
}
