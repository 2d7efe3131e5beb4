using Microsoft.Data.Sqlite;

namespace ConcernBot.Storage.Sqlite;

/// <summary>
/// The SQLite file: opened per operation (connections are pooled), created with its schema on first use, in WAL mode so
/// readers never wait for the writer. Every write that must be all-or-nothing runs in one IMMEDIATE transaction.
/// </summary>
internal sealed class SqliteDatabase(string path) : IDisposable
{
    private readonly SemaphoreSlim createLock = new(1, 1);
    private readonly string connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    private volatile bool created;

    public string Path => path;

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

            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
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

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken);
        StorageMetrics.RoundTrips.Add(1);
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        // Wait on a locked file inside SQLite rather than in Microsoft.Data.Sqlite's 150 ms retry sleeps.
        await connection.ExecuteAsync(null, "PRAGMA busy_timeout = 5000;", cancellationToken);
        return connection;
    }

    public void Dispose() => createLock.Dispose();
}
