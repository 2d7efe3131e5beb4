using Microsoft.Data.Sqlite;

namespace ConcernBot.Storage.Sqlite;

/// <summary>
/// The SQLite file, created with its schema on first use, in WAL mode so readers never wait for the writer. Reads open a
/// pooled connection each; every write goes through the one <see cref="SqliteWriter"/>, so writers queue in memory
/// rather than on the file lock, and writes waiting together share one sync to disk.
/// </summary>
internal sealed class SqliteDatabase : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim createLock = new(1, 1);
    private readonly string connectionString;
    private readonly string writerConnectionString;
    private readonly SqliteWriter writer;
    private volatile bool created;

    public SqliteDatabase(string path)
    {
        Path = path;
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        };
        connectionString = builder.ToString();
        builder.Pooling = false;
        writerConnectionString = builder.ToString();
        writer = new SqliteWriter(OpenWriterAsync);
    }

    public string Path { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        await createLock.WaitAsync(cancellationToken);
        try
        {
            if (created)
            {
                return;
            }

            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = new SqliteConnection(writerConnectionString);
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(null, "PRAGMA busy_timeout = 5000;", cancellationToken);
            await connection.ExecuteAsync(null, "PRAGMA journal_mode=WAL;", cancellationToken);
            await using var transaction = connection.BeginTransaction();
            await connection.ExecuteAsync(transaction, SqliteSchema.Create, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            created = true;
        }
        finally
        {
            createLock.Release();
        }
    }

    /// <summary>A pooled connection for reading (<paramref name="operation"/> names it in the storage meter).</summary>
    public async Task<SqliteConnection> OpenAsync(string operation, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        StorageMetrics.CountRoundTrip(operation);
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the writer's transaction and returns once it is on disk. Every command of the work
    /// must be given the transaction. An exception from the work undoes the work alone and reaches the caller.
    /// </summary>
    public async Task<T> WriteAsync<T>(string operation, Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        StorageMetrics.CountRoundTrip(operation);
        return await writer.WriteAsync(work, cancellationToken);
    }

    /// <summary>As <see cref="WriteAsync{T}"/>, for work with nothing to return.</summary>
    public Task WriteAsync(string operation, Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        WriteAsync(
            operation,
            async (connection, transaction, token) =>
            {
                await work(connection, transaction, token);
                return true;
            },
            cancellationToken);

    public void Dispose()
    {
        writer.Dispose();
        createLock.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await writer.DisposeAsync();
        createLock.Dispose();
    }

    private async Task<SqliteConnection> OpenWriterAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(writerConnectionString);
        await connection.OpenAsync(cancellationToken);

        // Another process on the same file (a second host, a tool): wait for its lock inside SQLite, which polls every
        // few milliseconds, rather than in Microsoft.Data.Sqlite's 150 ms retry sleeps.
        await connection.ExecuteAsync(null, "PRAGMA busy_timeout = 5000;", cancellationToken);
        return connection;
    }
}
