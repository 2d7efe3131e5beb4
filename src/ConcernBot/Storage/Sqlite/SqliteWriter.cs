using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Storage.Sqlite;

/// <summary>
/// Every write to the file goes through one connection, one batch at a time (group commit): the writes waiting when a
/// batch starts share one IMMEDIATE transaction and so one sync of the WAL to disk, each inside its own savepoint, so a
/// write that fails (an ETag conflict, a duplicate) is undone alone. No caller hears "saved" before its batch is on disk;
/// if the commit fails, every write in the batch hears the failure, since none of them was kept.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 64;
    private const string Savepoint = "write";

    private readonly Channel<SqliteWrite> _queue = Channel.CreateUnbounded<SqliteWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly Task _loop;
    private SqliteConnection? _connection;

    public SqliteWriter(Func<CancellationToken, Task<SqliteConnection>> open)
    {
        _open = open;
        _loop = Task.Run(RunAsync);
    }

    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var write = new SqliteWrite<T>(work, cancellationToken);
        return _queue.Writer.TryWrite(write)
            ? write.Task
            : Task.FromException<T>(new ObjectDisposedException(nameof(SqliteWriter), "The store is shutting down."));
    }

    public void Dispose() => _queue.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<SqliteWrite>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
                {
                    if (!write.CancelIfRequested())
                    {
                        batch.Add(write);
                    }
                }

                if (batch.Count > 0)
                {
                    await CommitAsync(batch);
                    batch.Clear();
                }
            }
        }
        finally
        {
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
    }

    private async Task CommitAsync(List<SqliteWrite> batch)
    {
        try
        {
            _connection ??= await _open(CancellationToken.None);
            await using var transaction = _connection.BeginTransaction();
            foreach (var write in batch)
            {
                transaction.Save(Savepoint);
                try
                {
                    await write.RunAsync(_connection, transaction);
                }
                catch (Exception exception)
                {
                    write.Failed(exception);
                    transaction.Rollback(Savepoint);
                }

                transaction.Release(Savepoint);
            }

            await transaction.CommitAsync();
        }
#pragma warning disable CA1031 // Whatever stopped the commit is handed to every caller in the batch: nothing of theirs was kept.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            foreach (var write in batch)
            {
                write.NotKept(exception);
            }

            // The connection may be broken (a full disk, a file gone): the next batch opens a new one.
            await (_connection?.DisposeAsync() ?? ValueTask.CompletedTask);
            _connection = null;
            return;
        }

        foreach (var write in batch)
        {
            write.Kept();
        }
    }
}

internal abstract class SqliteWrite
{
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
