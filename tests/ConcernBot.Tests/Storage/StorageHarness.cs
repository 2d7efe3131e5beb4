using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using ConcernBot.Storage;
using ConcernBot.Storage.AzureTables;
using ConcernBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Tests.Storage;

/// <summary>Every store, as one process sees them.</summary>
public sealed record Stores(
    IConversationStore Conversations,
    IConcernStore Concerns,
    IAuditLog Audit,
    IOutbox Outbox,
    ITeamStore Teams,
    ISettingsStore Settings,
    IReplyRouteStore ReplyRoutes,
    IRetentionStore Retention);

public enum AuditTamper
{
    /// <summary>Entry 2's reason is changed.</summary>
    Edit,

    /// <summary>Entry 2 is deleted.</summary>
    Delete,

    /// <summary>Entries 2 and 3 change places.</summary>
    Reorder,

    /// <summary>The last entry is deleted.</summary>
    Truncate,
}

/// <summary>One store's data for one test, opened as often as a test wants (each opening is a process restart).</summary>
public abstract class StorageHarness : IAsyncDisposable
{
    public abstract Stores Open();

    /// <summary>Changes a concern's audit behind the store's back, as someone with raw access to the data could.</summary>
    public abstract Task TamperAsync(string concernId, AuditTamper tamper);

    public abstract ValueTask DisposeAsync();
}

internal sealed class SqliteHarness(TimeProvider time) : StorageHarness
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"concernbot-test-{Guid.NewGuid():N}.db");
    private readonly List<SqliteDatabase> opened = [];

    public override Stores Open()
    {
        var database = new SqliteDatabase(path);
        opened.Add(database);
        return new Stores(
            new SqliteConversationStore(database),
            new SqliteConcernStore(database),
            new SqliteAuditLog(database),
            new SqliteOutbox(database, time),
            new SqliteTeamStore(database),
            new SqliteSettingsStore(database),
            new SqliteReplyRouteStore(database),
            new SqliteRetentionStore(database));
    }

    public override async Task TamperAsync(string concernId, AuditTamper tamper)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var sql = tamper switch
        {
            AuditTamper.Edit => "UPDATE audit SET reason = 'Nothing to see here' WHERE concern_id = $id AND sequence = 2",
            AuditTamper.Delete => "DELETE FROM audit WHERE concern_id = $id AND sequence = 2",
            AuditTamper.Truncate => "DELETE FROM audit WHERE concern_id = $id AND sequence = (SELECT MAX(sequence) FROM audit WHERE concern_id = $id)",
            AuditTamper.Reorder => """
                UPDATE audit SET sequence = -1 WHERE concern_id = $id AND sequence = 2;
                UPDATE audit SET sequence = 2 WHERE concern_id = $id AND sequence = 3;
                UPDATE audit SET sequence = 3 WHERE concern_id = $id AND sequence = -1;
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(tamper)),
        };
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", concernId);
        Assert.True(await command.ExecuteNonQueryAsync() > 0, "the tamper changed nothing");
    }

    public override ValueTask DisposeAsync()
    {
        foreach (var database in opened)
        {
            database.Dispose();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        return ValueTask.CompletedTask;
    }
}

internal sealed class AzureTablesHarness : StorageHarness
{
    private readonly string prefix = "t" + Guid.NewGuid().ToString("N");
    private readonly TableServiceClient service;
    private readonly TimeProvider time;
    private readonly List<AzureTablesDatabase> opened = [];

    public AzureTablesHarness(string connectionString, TimeProvider time)
    {
        this.time = time;
        var options = new TableClientOptions();
        options.AddPolicy(Requests, HttpPipelinePosition.PerRetry);
        service = new TableServiceClient(connectionString, options);
    }

    /// <summary>Raw access to one of the tables, e.g. "Index", behind the stores' back.</summary>
    public TableClient Table(string name) => service.GetTableClient(prefix + name);

    /// <summary>Every request the stores send to the table service.</summary>
    public RequestCounter Requests { get; } = new();

    public override Stores Open()
    {
        var database = new AzureTablesDatabase(service, prefix, time);
        opened.Add(database);
        var concerns = new AzureConcernStore(database);
        return new Stores(
            new AzureConversationStore(database),
            concerns,
            new AzureAuditLog(database),
            new AzureOutbox(database),
            new AzureTeamStore(database),
            new AzureSettingsStore(database),
            new AzureReplyRouteStore(database),
            new AzureRetentionStore(database, concerns));
    }

    public override async Task TamperAsync(string concernId, AuditTamper tamper)
    {
        var table = service.GetTableClient(prefix + "Concerns");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {concernId} and RowKey ge 'audit-' and RowKey lt 'audit.'")))
        {
            rows.Add(row);
        }

        switch (tamper)
        {
            case AuditTamper.Edit:
                rows[1]["Reason"] = "Nothing to see here";
                await table.UpdateEntityAsync(rows[1], ETag.All, TableUpdateMode.Replace);
                break;
            case AuditTamper.Delete:
                await table.DeleteEntityAsync(rows[1].PartitionKey, rows[1].RowKey);
                break;
            case AuditTamper.Truncate:
                await table.DeleteEntityAsync(rows[^1].PartitionKey, rows[^1].RowKey);
                break;
            case AuditTamper.Reorder:
                var second = Swapped(rows[1], rows[2]);
                var third = Swapped(rows[2], rows[1]);
                await table.UpdateEntityAsync(second, ETag.All, TableUpdateMode.Replace);
                await table.UpdateEntityAsync(third, ETag.All, TableUpdateMode.Replace);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(tamper));
        }
    }

    public override ValueTask DisposeAsync()
    {
        foreach (var database in opened)
        {
            database.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The row at <paramref name="position"/>'s keys holding <paramref name="content"/>'s entry, sequence and all.</summary>
    private static TableEntity Swapped(TableEntity position, TableEntity content)
    {
        var moved = new TableEntity(position.PartitionKey, position.RowKey);
        foreach (var (key, value) in content)
        {
            if (key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp"))
            {
                moved[key] = value;
            }
        }

        return moved;
    }
}

internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Reset() => Interlocked.Exchange(ref count, 0);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref count);
}
