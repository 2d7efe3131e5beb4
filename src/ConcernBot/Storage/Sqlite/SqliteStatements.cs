using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Storage.Sqlite;

/// <summary>
/// The writer connection's prepared statements, kept from one write to the next: Microsoft.Data.Sqlite prepares a new
/// command's SQL again each time (sqlite3_prepare_v2), and an ordinary turn's write is the same UPDATE every time. Only
/// the writer's connection has one (it is used by one batch at a time), and only the commands that read no rows
/// (<see cref="SqliteCommands.ExecuteAsync"/>, <see cref="SqliteCommands.ScalarAsync"/>) use it. A statement in use
/// (a write that runs the same SQL within itself) is not shared: the second gets a command of its own.
/// </summary>
internal sealed class SqliteStatements : IDisposable
{
    /// <summary>Enough for every constant statement of the stores; SQL built at run time past this is not kept.</summary>
    private const int MaxKept = 64;

    private static readonly ConditionalWeakTable<SqliteConnection, SqliteStatements> ByConnection = new();
    private readonly Dictionary<string, SqliteCommand> _kept = new(StringComparer.Ordinal);
    private readonly HashSet<SqliteCommand> _inUse = [];
    private readonly SqliteConnection _connection;

    private SqliteStatements(SqliteConnection connection) => _connection = connection;

    public static SqliteStatements? Of(SqliteConnection connection) => ByConnection.TryGetValue(connection, out var statements) ? statements : null;

    /// <summary>Keeps the statements of this connection (the writer's) from now until <see cref="Dispose"/>.</summary>
    public static SqliteStatements KeepFor(SqliteConnection connection)
    {
        var statements = new SqliteStatements(connection);
        ByConnection.AddOrUpdate(connection, statements);
        return statements;
    }

    /// <summary>The kept command for this SQL, its parameters set; null when it is in use or too many are kept (the caller makes its own).</summary>
    public SqliteCommand? Rent(SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        if (!_kept.TryGetValue(sql, out var command))
        {
            if (_kept.Count >= MaxKept)
            {
                return null;
            }

            command = _connection.CreateCommand();
            command.CommandText = sql;
            _kept[sql] = command;
        }

        if (!_inUse.Add(command))
        {
            return null;
        }

        command.Transaction = transaction;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static void Return(SqliteCommand command)
    {
        if (command.Connection is { } connection && Of(connection) is { } statements)
        {
            command.Transaction = null;
            command.Parameters.Clear();
            statements._inUse.Remove(command);
        }
    }

    public void Dispose()
    {
        ByConnection.Remove(_connection);
        foreach (var command in _kept.Values)
        {
            command.Dispose();
        }

        _kept.Clear();
        _inUse.Clear();
    }
}
