using Azure;
using Azure.Data.Tables;

namespace ConcernBot.Storage.AzureTables;

/// <summary>
/// The audit chain in the concern's partition: rows audit-{sequence} and the head row (count and last hash), changed
/// together in one transaction guarded by the head's ETag, so two appends at once never fork the chain.
/// </summary>
internal sealed class AzureAuditLog(AzureTablesDatabase database) : IAuditLog
{
    private const int MaxAttempts = 10;

    public async Task<AuditEntry> AppendAsync(string concernId, AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var head = await ReadHeadAsync(database, concernId, cancellationToken);
            var (actions, stored) = AppendActions(concernId, entry, head);
            try
            {
                await database.Concerns.SubmitTransactionAsync(actions, cancellationToken);
                return stored;
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 409 or 412 && attempt < MaxAttempts)
            {
                // Another entry was appended first: chain to it instead.
            }
        }
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string concernId, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        return await ReadEntriesAsync(concernId, cancellationToken);
    }

    public async Task<AuditVerification> VerifyAsync(string concernId, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var entries = ReadEntriesAsync(concernId, cancellationToken);
        var head = ReadHeadAsync(database, concernId, cancellationToken);
        await Task.WhenAll(entries, head);
        var (count, hash, _) = await head;
        return AuditChain.Verify(concernId, await entries, count, hash);
    }

    /// <summary>The chain's head, or (0, null, null) before the first entry.</summary>
    internal static async Task<(long Count, string? Hash, ETag? ETag)> ReadHeadAsync(AzureTablesDatabase database, string concernId, CancellationToken cancellationToken)
    {
        var head = await database.Concerns.GetEntityIfExistsAsync<TableEntity>(ConcernPartition.Key(concernId), ConcernPartition.HeadRow, cancellationToken: cancellationToken);
        return head.HasValue && head.Value is { } row ? (row.GetInt64("Count") ?? 0, row.GetString("Hash"), row.ETag) : (0, null, null);
    }

    /// <summary>The head change (guarded by the head's ETag, or an insert for the first entry) and the new entry row.</summary>
    internal static (List<TableTransactionAction> Actions, AuditEntry Stored) AppendActions(string concernId, AuditEntry entry, (long Count, string? Hash, ETag? ETag) head)
    {
        var stored = AuditChain.Seal(concernId, entry, head.Count + 1, head.Hash);
        var headRow = ConcernPartition.Head(concernId, stored.Sequence, stored.Hash!);
        var actions = new List<TableTransactionAction>
        {
            head.ETag is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, headRow, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, headRow),
            new(TableTransactionActionType.Add, ConcernPartition.Audit(concernId, stored)),
        };
        return (actions, stored);
    }

    private async Task<IReadOnlyList<AuditEntry>> ReadEntriesAsync(string concernId, CancellationToken cancellationToken)
    {
        var partition = ConcernPartition.Key(concernId);
        var from = ConcernPartition.AuditPrefix;
        var to = TableKeys.PrefixEnd(ConcernPartition.AuditPrefix);
        var entries = new List<AuditEntry>();
        var rows = database.Concerns.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}"),
            cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            entries.Add(ConcernPartition.ReadAudit(row));
        }

        return entries;
    }
}
