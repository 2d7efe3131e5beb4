using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using ConcernBot.Concerns;

namespace ConcernBot.Storage.AzureTables;

/// <summary>
/// Concerns in Azure Tables. A change is written in this order, so that a crash at any point leaves only rows that
/// are ignored and later removed, never a change without its index, audit or messages:
/// 1. the rows that point at the concern (index rows, the reference row, the unconfirmed outbox due rows);
/// 2. one transaction in the concern's partition: the document (ETag-guarded), the audit head (ETag-guarded) and
///    entry, and the outbox home rows.
/// Listings read index rows, then each concern, and keep a row only if the concern still derives it.
/// </summary>
internal sealed class AzureConcernStore(AzureTablesDatabase database) : IConcernStore
{
    private const int MaxHeadAttempts = 10;
    private const int ReadAhead = 16;

    public async Task<bool> CreateAsync(Concern concern, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(concern);
        ArgumentNullException.ThrowIfNull(outbox);
        await database.EnsureCreatedAsync(cancellationToken);
        var messages = OwnedBy(concern, outbox);
        await Task.WhenAll(
            ClaimReferenceAsync(concern, cancellationToken),
            WriteIndexAsync(concern, cancellationToken),
            AzureOutbox.WriteAheadAsync(database, concern.Id, messages, cancellationToken));

        var (actions, _) = AzureAuditLog.AppendActions(concern.Id, entry, (0, null, null));
        actions.Insert(0, new TableTransactionAction(TableTransactionActionType.Add, ConcernRow(concern)));
        actions.AddRange(messages.Select(m => new TableTransactionAction(TableTransactionActionType.Add, ConcernPartition.OutboxHome(concern.Id, m))));
        try
        {
            await database.Concerns.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409 && exception.FailedTransactionActionIndex is 0 or 1)
        {
            // The concern (or, once purged, its audit head) is already there: a replayed submit.
            return false;
        }
    }

    public async Task<Versioned<Concern>?> GetAsync(string concernId, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var row = await database.Concerns.GetEntityIfExistsAsync<TableEntity>(ConcernPartition.Key(concernId), ConcernPartition.ConcernRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity
            ? new(StorageJson.Deserialize<Concern>(TableDocument.Read(entity)), entity.ETag.ToString())
            : null;
    }

    public async Task<Versioned<Concern>?> FindByReferenceAsync(string reference, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var row = await database.Index.GetEntityIfExistsAsync<TableEntity>(ConcernIndexKeys.ReferencePartition(reference), ConcernIndexKeys.ReferenceRowKey, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value?.GetString("Target") is not { } concernId)
        {
            return null;
        }

        var concern = await GetAsync(concernId, cancellationToken);
        return concern?.Value.Reference == reference ? concern : null;
    }

    public async Task<string> UpdateAsync(Concern concern, string etag, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(concern);
        ArgumentNullException.ThrowIfNull(outbox);
        await database.EnsureCreatedAsync(cancellationToken);
        var messages = OwnedBy(concern, outbox);
        var head = AzureAuditLog.ReadHeadAsync(database, concern.Id, cancellationToken);
        await Task.WhenAll(
            ClaimReferenceAsync(concern, cancellationToken),
            WriteIndexAsync(concern, cancellationToken),
            AzureOutbox.WriteAheadAsync(database, concern.Id, messages, cancellationToken),
            head);

        for (var attempt = 1; ; attempt++)
        {
            var (actions, _) = AzureAuditLog.AppendActions(concern.Id, entry, await head);
            actions.Insert(0, new TableTransactionAction(TableTransactionActionType.UpdateReplace, ConcernRow(concern), new ETag(etag)));
            actions.AddRange(messages.Select(m => new TableTransactionAction(TableTransactionActionType.Add, ConcernPartition.OutboxHome(concern.Id, m))));
            try
            {
                var responses = await database.Concerns.SubmitTransactionAsync(actions, cancellationToken);
                return TableKeys.ETagOf(responses.Value[0]);
            }
            catch (TableTransactionFailedException exception) when (exception.FailedTransactionActionIndex == 0 && exception.Status is 412 or 404)
            {
                throw new ConcurrencyConflictException("The concern was changed by someone else since it was read.", exception);
            }
            catch (TableTransactionFailedException exception) when (exception.FailedTransactionActionIndex == 1 && exception.Status is 412 or 409 && attempt < MaxHeadAttempts)
            {
                // Only the audit chain moved on (e.g. someone viewed the detail): chain to its new head.
                head = AzureAuditLog.ReadHeadAsync(database, concern.Id, cancellationToken);
            }
        }
    }

    public IAsyncEnumerable<Concern> ListByStatusAsync(string organisationId, ConcernStatus status, CancellationToken cancellationToken = default) =>
        ListIndexedAsync(ConcernIndexKeys.StatusPartition(organisationId, status), null, cancellationToken);

    public IAsyncEnumerable<Concern> ListByDeadlineAsync(string organisationId, DateTimeOffset before, CancellationToken cancellationToken = default) =>
        ListIndexedAsync(ConcernIndexKeys.DeadlinePartition(organisationId), TableKeys.Ticks(before.UtcTicks), cancellationToken);

    public IAsyncEnumerable<Concern> ListByReporterAsync(string organisationId, string reporterReference, CancellationToken cancellationToken = default) =>
        ListIndexedAsync(ConcernIndexKeys.ReporterPartition(organisationId, reporterReference), null, cancellationToken);

    /// <summary>
    /// The concerns an index partition points at, in row key order, each read by a point read (several at once) and kept
    /// only if it still derives that row. Rows that no longer match and are past the grace period are deleted, guarded
    /// by the ETag they were read with, so a row a writer has just rewritten is never lost.
    /// </summary>
    internal async IAsyncEnumerable<Concern> ListIndexedAsync(string partitionKey, string? rowKeyBefore, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var filter = rowKeyBefore is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey lt {rowKeyBefore}");
        var batch = new List<TableEntity>(ReadAhead);
        await foreach (var row in database.Index.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            batch.Add(row);
            if (batch.Count == ReadAhead)
            {
                foreach (var concern in await ResolveAsync(batch, cancellationToken))
                {
                    yield return concern;
                }

                batch.Clear();
            }
        }

        foreach (var concern in await ResolveAsync(batch, cancellationToken))
        {
            yield return concern;
        }
    }

    private async Task<List<Concern>> ResolveAsync(List<TableEntity> rows, CancellationToken cancellationToken)
    {
        var concerns = await Task.WhenAll(rows.Select(r => GetAsync(r.GetString("Target") ?? string.Empty, cancellationToken)));
        var found = new List<Concern>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (concerns[i]?.Value is { } concern && ConcernIndexKeys.Derives(concern, rows[i].PartitionKey, rows[i].RowKey))
            {
                found.Add(concern);
            }
            else if (database.IsLeftover(rows[i].GetInt64("WrittenTicks")))
            {
                await DeleteIndexRowAsync(rows[i], cancellationToken);
            }
        }

        return found;
    }

    internal async Task DeleteIndexRowAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await database.Index.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            // Rewritten or removed meanwhile.
        }
    }

    private async Task WriteIndexAsync(Concern concern, CancellationToken cancellationToken)
    {
        var written = database.Time.GetUtcNow().UtcTicks;
        await Task.WhenAll(ConcernIndexKeys.For(concern).Select(key => database.Index.UpsertEntityAsync(
            new TableEntity(key.PartitionKey, key.RowKey) { ["Target"] = concern.Id, ["WrittenTicks"] = written },
            TableUpdateMode.Replace,
            cancellationToken)));
    }

    /// <summary>
    /// Takes the reference for this concern. A reference row left by a create that never finished (its concern does not
    /// exist, past the grace period) is taken over; one that belongs to another concern is a duplicate.
    /// </summary>
    private async Task ClaimReferenceAsync(Concern concern, CancellationToken cancellationToken)
    {
        var row = new TableEntity(ConcernIndexKeys.ReferencePartition(concern.Reference), ConcernIndexKeys.ReferenceRowKey)
        {
            ["Target"] = concern.Id,
            ["WrittenTicks"] = database.Time.GetUtcNow().UtcTicks,
        };
        try
        {
            await database.Index.AddEntityAsync(row, cancellationToken);
            return;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Someone has it: look who.
        }

        var existing = await database.Index.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
        var holder = existing.Value.GetString("Target");
        if (holder == concern.Id)
        {
            return;
        }

        var holderConcern = holder is null ? null : await GetAsync(holder, cancellationToken);
        if (holderConcern?.Value.Reference == concern.Reference || !database.IsLeftover(existing.Value.GetInt64("WrittenTicks")))
        {
            throw new DuplicateReferenceException();
        }

        try
        {
            await database.Index.UpdateEntityAsync(row, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            throw new DuplicateReferenceException("Another concern took this reference at the same moment.", exception);
        }
    }

    private static List<OutboxMessage> OwnedBy(Concern concern, IReadOnlyList<OutboxMessage> outbox) =>
        [.. outbox.Select(m => m with { ConcernId = concern.Id })];

    private static TableEntity ConcernRow(Concern concern)
    {
        var row = new TableEntity(ConcernPartition.Key(concern.Id), ConcernPartition.ConcernRow)
        {
            ["Reference"] = concern.Reference,
            ["OrganisationId"] = concern.OrganisationId,
            ["Status"] = concern.Status.ToString(),
        };
        TableDocument.Write(row, StorageJson.Serialize(concern));
        return row;
    }
}
