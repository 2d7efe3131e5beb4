using Azure;
using Azure.Data.Tables;
using ConcernBot.Concerns;

namespace ConcernBot.Storage.AzureTables;

/// <summary>
/// Finds closed concerns through the "closed" index partition (row key = closing time), and purges each in its own
/// partition: the document is deleted and the "purged" entry chained to the head in one transaction, then the remaining
/// audit and outbox rows and the index rows go.
/// </summary>
internal sealed class AzureRetentionStore(AzureTablesDatabase database, AzureConcernStore concerns) : IRetentionStore
{
    private const int MaxTransactionActions = 100;

    public async Task<IReadOnlyList<PurgeProof>> PurgeClosedBeforeAsync(DateTimeOffset closedBefore, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var rows = new List<TableEntity>();
        var query = database.Index.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {ConcernIndexKeys.ClosedPartition} and RowKey lt {TableKeys.Ticks(closedBefore.UtcTicks)}"),
            cancellationToken: cancellationToken);
        await foreach (var row in query)
        {
            rows.Add(row);
        }

        var proofs = new List<PurgeProof>();
        foreach (var row in rows)
        {
            var concern = await concerns.GetAsync(row.GetString("Target") ?? string.Empty, cancellationToken);
            if (concern is null || !ConcernIndexKeys.Derives(concern.Value, row.PartitionKey, row.RowKey))
            {
                if (database.IsLeftover(row.GetInt64("WrittenTicks")))
                {
                    await concerns.DeleteIndexRowAsync(row, cancellationToken);
                }

                continue;
            }

            if (await PurgeAsync(concern, now, cancellationToken) is { } proof)
            {
                proofs.Add(proof);
            }
        }

        return proofs;
    }

    private async Task<PurgeProof?> PurgeAsync(Versioned<Concern> versioned, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var concern = versioned.Value;
        var partition = ConcernPartition.Key(concern.Id);
        var head = await AzureAuditLog.ReadHeadAsync(database, concern.Id, cancellationToken);
        var others = new List<TableEntity>();
        var query = database.Concerns.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {partition}"),
            select: ["PartitionKey", "RowKey"],
            cancellationToken: cancellationToken);
        await foreach (var row in query)
        {
            if (row.RowKey is not ConcernPartition.ConcernRow and not ConcernPartition.HeadRow)
            {
                others.Add(row);
            }
        }

        var (actions, purged) = AzureAuditLog.AppendActions(concern.Id, RetentionEntries.Purged(concern, head.Count, now), head);
        actions.Insert(0, new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, ConcernPartition.ConcernRow), new ETag(versioned.ETag)));
        var firstDeletes = Math.Min(others.Count, MaxTransactionActions - actions.Count);
        actions.AddRange(others.Take(firstDeletes).Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)));
        try
        {
            await database.Concerns.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status is 412 or 404 or 409)
        {
            // Changed (e.g. reopened) or purged by another instance meanwhile: leave it to the next run.
            return null;
        }

        foreach (var chunk in others.Skip(firstDeletes).Chunk(MaxTransactionActions))
        {
            await database.Concerns.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
        }

        var indexRows = ConcernIndexKeys.For(concern).Append((ConcernIndexKeys.ReferencePartition(concern.Reference), ConcernIndexKeys.ReferenceRowKey));
        await Task.WhenAll(indexRows.Select(k => DeleteQuietlyAsync(k.Item1, k.Item2, cancellationToken)));
        return RetentionEntries.Proof(concern.Id, concern, head.Count, purged);
    }

    private async Task DeleteQuietlyAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await database.Index.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Already gone.
        }
    }
}
