using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Storage.Sqlite;

/// <summary>
/// Every write to the file goes through one connection, one batch at a time (group commit): the writes waiting when a
/// batch starts share one IMMEDIATE transaction and so one sync of the WAL to disk, each inside its own savepoint, so a
/// write that fails (an ETag conflict, a duplicate) is undone alone. No caller hears "saved" before its batch is on disk;
/// if the commit fails, every write in the batch hears the failure, since none of them was kept.
/// There is no writer thread: the caller that finds the writer free commits the queue itself (so a lone write costs no
/// thread hop), until its own write is done; what is still queued then is handed to the thread pool.
/// A batch of one write needs no savepoint (if it fails, the whole transaction is rolled back, which undoes the same), and
/// the connection keeps its prepared statements from one batch to the next (<see cref="SqliteStatements"/>).
/// </summary>
internal sealed class SqliteWriter(Func<CancellationToken, Task<SqliteConnection>> open) : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 64;
    private const string Savepoint = "SAVEPOINT write";
    private const string ReleaseSavepoint = "RELEASE write";
    private const string RollbackToSavepoint = "ROLLBACK TO write";

    private readonly ConcurrentQueue<SqliteWrite> _queue = new();
    private readonly SemaphoreSlim _leadership = new(1, 1);
    private readonly List<SqliteWrite> _batch = new(MaxBatch);
    private SqliteConnection? _connection;
    private SqliteStatements? _statements;
    private int _closed;

    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        var write = new SqliteWrite<T>(work, cancellationToken);
        _queue.Enqueue(write);
        if (IsClosed)
        {
            FailQueued();
        }

        await LeadAsync(write);
        return await write.Task;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0 && _leadership.Wait(0))
        {
            // Nobody is writing: nothing can be half done.
            _statements?.Dispose();
            _statements = null;
            _connection?.Dispose();
            _connection = null;
            FailQueued();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        await _leadership.WaitAsync();

        // The lead is kept from here on: what was queued before the close is committed, anything later is refused.
        while (TakeBatch())
        {
            await CommitAsync();
        }

        _statements?.Dispose();
        _statements = null;
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }

        FailQueued();
    }

    private bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Commits queued batches while this caller holds the lead and its own write is waiting (null: until none is queued).</summary>
    private async Task LeadAsync(SqliteWrite? own)
    {
        while ((own is null || !own.IsDone) && _leadership.Wait(0))
        {
            try
            {
                while ((own is null || !own.IsDone) && TakeBatch())
                {
                    await CommitAsync();
                }
            }
            finally
            {
                _leadership.Release();
            }

            // Looked at after letting go, so a write queued while this caller led is never left without a leader.
            if (_queue.IsEmpty)
            {
                return;
            }

            if (own is not null && own.IsDone)
            {
                _ = Task.Run(() => LeadAsync(null));
                return;
            }
        }
    }

    private bool TakeBatch()
    {
        _batch.Clear();
        while (_batch.Count < MaxBatch && _queue.TryDequeue(out var write))
        {
            if (!write.CancelIfRequested())
            {
                _batch.Add(write);
            }
        }

        return _batch.Count > 0;
    }

    private async Task CommitAsync()
    {
        try
        {
            if (_connection is null)
            {
                _connection = await open(CancellationToken.None);
                _statements = SqliteStatements.KeepFor(_connection);
            }

            await using var transaction = _connection.BeginTransaction();
            if (_batch.Count == 1)
            {
                // Alone in its batch: a failed write is undone by rolling the whole transaction back.
                try
                {
                    await _batch[0].RunAsync(_connection, transaction);
                }
                catch (Exception exception)
                {
                    _batch[0].Failed(exception);
                    await transaction.RollbackAsync();
                    _batch[0].Kept();
                    return;
                }
            }
            else
            {
                foreach (var write in _batch)
                {
                    await _connection.ExecuteAsync(transaction, Savepoint, CancellationToken.None);
                    try
                    {
                        await write.RunAsync(_connection, transaction);
                    }
                    catch (Exception exception)
                    {
                        write.Failed(exception);
                        await _connection.ExecuteAsync(transaction, RollbackToSavepoint, CancellationToken.None);
                    }

                    await _connection.ExecuteAsync(transaction, ReleaseSavepoint, CancellationToken.None);
                }
            }

            await transaction.CommitAsync();
        }
#pragma warning disable CA1031 // Whatever stopped the commit is handed to every caller in the batch: nothing of theirs was kept.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            foreach (var write in _batch)
            {
                write.NotKept(exception);
            }

            // The connection may be broken (a full disk, a file gone): the next batch opens a new one.
            _statements?.Dispose();
            _statements = null;
            await (_connection?.DisposeAsync() ?? ValueTask.CompletedTask);
            _connection = null;
            return;
        }

        foreach (var write in _batch)
        {
            write.Kept();
        }
    }

    private void FailQueued()
    {
        while (_queue.TryDequeue(out var write))
        {
            write.NotKept(new ObjectDisposedException(nameof(SqliteWriter), "The store is shutting down."));
        }
    }
}

internal abstract class SqliteWrite
{
    public abstract bool IsDone { get; }

    public abstract bool CancelIfRequested();

    public abstract Task RunAsync(SqliteConnection connection, SqliteTransaction transaction);

    /// <summary>The write itself failed and was undone; the caller hears why once the batch is committed.</summary>
    public abstract void Failed(Exception exception);

    public abstract void NotKept(Exception exception);

    public abstract void Kept();
}

internal sealed class SqliteWrite<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) : SqliteWrite
{
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _failure;

    public Task<T> Task => _completion.Task;

    public override bool IsDone => _completion.Task.IsCompleted;

    public override bool CancelIfRequested() => cancellationToken.IsCancellationRequested && _completion.TrySetCanceled(cancellationToken);

    public override async Task RunAsync(SqliteConnection connection, SqliteTransaction transaction) =>
        _result = await work(connection, transaction, cancellationToken);

    public override void Failed(Exception exception) => _failure = exception;

    public override void NotKept(Exception exception) => _completion.TrySetException(_failure ?? exception);

    public override void Kept()
    {
        if (_failure is OperationCanceledException)
        {
            _completion.TrySetCanceled(cancellationToken);
        }
        else if (_failure is not null)
        {
            _completion.TrySetException(_failure);
        }
        else
        {
            _completion.TrySetResult(_result!);
        }
    }
}
