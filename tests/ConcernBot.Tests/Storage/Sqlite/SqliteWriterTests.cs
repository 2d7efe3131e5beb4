using ConcernBot.Storage;
using ConcernBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Tests.Storage.Sqlite;

/// <summary>
/// The one writer that all SQLite writes queue on: writes waiting together are committed together, yet each is kept or
/// undone on its own, and nobody hears "saved" for a write that is not on disk.
/// </summary>
public sealed class SqliteWriterTests : IAsyncLifetime, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"concernbot-writer-{Guid.NewGuid():N}.db");
    private SqliteWriter _writer = null!;

    public async Task InitializeAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await Execute(connection, null, """
            PRAGMA journal_mode=WAL;
            CREATE TABLE notes (id TEXT PRIMARY KEY);
            CREATE TABLE parents (id TEXT PRIMARY KEY);
            CREATE TABLE children (parent_id TEXT REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED);
            """);
        _writer = new SqliteWriter(OpenAsync);
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    public void Dispose() => _writer.Dispose();

    [Fact]
    public async Task A_write_that_fails_is_undone_alone_and_its_neighbours_in_the_batch_are_kept()
    {
        var hold = await HoldTheWriterAsync();
        var first = Insert("first");
        var conflicting = _writer.WriteAsync<int>(
            async (connection, transaction, _) =>
            {
                await Execute(connection, transaction, "INSERT INTO notes (id) VALUES ('conflicting')");
                throw new ConcurrencyConflictException();
            },
            CancellationToken.None);
        var third = Insert("third");
        hold.Release();

        await first;
        await third;
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => conflicting);
        Assert.Equal(["first", "third"], await NotesAsync());
    }

    [Fact]
    public async Task A_write_that_fails_alone_in_its_batch_is_undone_and_the_writer_carries_on()
    {
        var failed = _writer.WriteAsync<int>(
            async (connection, transaction, token) =>
            {
                await connection.ExecuteAsync(transaction, "INSERT INTO notes (id) VALUES ($id)", token, ("$id", "undone"));
                throw new ConcurrencyConflictException();
            },
            CancellationToken.None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => failed);
        Assert.Empty(await NotesAsync());
        await Insert("after");
        Assert.Equal(["after"], await NotesAsync());
    }

    [Fact]
    public async Task The_same_statement_kept_from_write_to_write_takes_each_writes_own_values()
    {
        foreach (var id in new[] { "one", "two", "three" })
        {
            await _writer.WriteAsync(
                (connection, transaction, token) => connection.ExecuteAsync(transaction, "INSERT INTO notes (id) VALUES ($id)", token, ("$id", id)),
                CancellationToken.None);
        }

        // The same SQL twice within one write, each with its own value.
        await _writer.WriteAsync(
            async (connection, transaction, token) =>
                await connection.ExecuteAsync(transaction, "INSERT INTO notes (id) VALUES ($id)", token, ("$id", "four"))
                + await connection.ExecuteAsync(transaction, "INSERT INTO notes (id) VALUES ($id)", token, ("$id", "five")),
            CancellationToken.None);

        Assert.Equal(["five", "four", "one", "three", "two"], await NotesAsync());
    }

    [Fact]
    public async Task When_the_commit_fails_every_write_in_the_batch_hears_it_and_none_is_kept()
    {
        var hold = await HoldTheWriterAsync();
        var note = Insert("note");

        // A deferred foreign key is only checked at COMMIT, so this batch cannot be committed.
        var orphan = _writer.WriteAsync(
            (connection, transaction, _) => Execute(connection, transaction, "INSERT INTO children (parent_id) VALUES ('nobody')"),
            CancellationToken.None);
        hold.Release();

        await Assert.ThrowsAsync<SqliteException>(() => note);
        await Assert.ThrowsAsync<SqliteException>(() => orphan);
        Assert.Empty(await NotesAsync());

        // The writer carries on with the next batch.
        await Insert("after");
        Assert.Equal(["after"], await NotesAsync());
    }

    [Fact]
    public async Task A_write_cancelled_while_it_waits_is_not_made()
    {
        var hold = await HoldTheWriterAsync();
        using var cancellation = new CancellationTokenSource();
        var cancelled = Insert("cancelled", cancellation.Token);
        var kept = Insert("kept");
        await cancellation.CancelAsync();
        hold.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await kept;
        Assert.Equal(["kept"], await NotesAsync());
    }

    [Fact]
    public async Task Many_writers_at_once_are_all_kept()
    {
        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() => Insert($"note-{i:D3}"))));

        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"note-{i:D3}"), await NotesAsync());
    }

    [Fact]
    public async Task Writes_queued_before_shutdown_are_finished_and_later_ones_are_refused()
    {
        var hold = await HoldTheWriterAsync();
        var queued = Insert("queued");
        hold.Release();
        await _writer.DisposeAsync();

        await queued;
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Insert("too late"));
        Assert.Equal(["queued"], await NotesAsync());
    }

    private Task<int> Insert(string id, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync((connection, transaction, _) => Execute(connection, transaction, $"INSERT INTO notes (id) VALUES ('{id}')"), cancellationToken);

    /// <summary>Occupies the writer with a write that waits, so the writes queued meanwhile form the next batch.</summary>
    private async Task<SemaphoreSlim> HoldTheWriterAsync()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hold = new SemaphoreSlim(0, 1);
        _ = _writer.WriteAsync(
            async (_, _, token) =>
            {
                started.SetResult();
                await hold.WaitAsync(token);
                return 0;
            },
            CancellationToken.None);
        await started.Task;
        return hold;
    }

    private async Task<List<string>> NotesAsync()
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM notes ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var notes = new List<string>();
        while (await reader.ReadAsync())
        {
            notes.Add(reader.GetString(0));
        }

        return notes;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection($"Data Source={_path};Foreign Keys=True;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<int> Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }
}
