using Azure.Data.Tables;

namespace ConcernBot.Storage.AzureTables;

/// <summary>
/// The tables of one deployment (all names start with the configured prefix), created once on first use.
/// docs/storage.md explains every partition and row key.
/// </summary>
internal sealed class AzureTablesDatabase : IDisposable
{
    /// <summary>How long a row written ahead of its record (an index row, a pending outbox row) is left alone before
    /// it is taken as the leftover of a write that never finished.</summary>
    public static readonly TimeSpan WriteAheadGrace = TimeSpan.FromMinutes(10);

    private readonly TableServiceClient service;
    private readonly SemaphoreSlim createLock = new(1, 1);
    private volatile bool created;

    public AzureTablesDatabase(TableServiceClient service, string prefix, TimeProvider time)
    {
        this.service = service;
        Time = time;
        Conversations = service.GetTableClient(prefix + "Conversations");
        Concerns = service.GetTableClient(prefix + "Concerns");
        Index = service.GetTableClient(prefix + "Index");
        Outbox = service.GetTableClient(prefix + "Outbox");
        Teams = service.GetTableClient(prefix + "Teams");
        Settings = service.GetTableClient(prefix + "Settings");
        ReplyRoutes = service.GetTableClient(prefix + "ReplyRoutes");
    }

    public TimeProvider Time { get; }

    public TableClient Conversations { get; }

    /// <summary>One partition per concern: the document, its audit chain and head, and its outbox rows.</summary>
    public TableClient Concerns { get; }

    /// <summary>Listing partitions (by status, deadline, reporter, closing time, reference, draft expiry).</summary>
    public TableClient Index { get; }

    /// <summary>The dispatcher's view: one partition of undelivered messages.</summary>
    public TableClient Outbox { get; }

    public TableClient Teams { get; }

    public TableClient Settings { get; }

    public TableClient ReplyRoutes { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        await createLock.WaitAsync(cancellationToken);
        try
        {
            if (!created)
            {
                TableClient[] tables = [Conversations, Concerns, Index, Outbox, Teams, Settings, ReplyRoutes];
                await Task.WhenAll(tables.Select(t => service.CreateTableIfNotExistsAsync(t.Name, cancellationToken)));
                created = true;
            }
        }
        finally
        {
            createLock.Release();
        }
    }

    /// <summary>True when a write-ahead row written at <paramref name="writtenTicks"/> is old enough to be a leftover.</summary>
    public bool IsLeftover(long? writtenTicks) => Time.GetUtcNow().UtcTicks - (writtenTicks ?? 0) > WriteAheadGrace.Ticks;

    public void Dispose() => createLock.Dispose();
}
