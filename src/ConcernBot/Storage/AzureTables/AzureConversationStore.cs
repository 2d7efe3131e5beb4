using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace ConcernBot.Storage.AzureTables;

/// <summary>
/// One entity per conversation (partition = the conversation id), so an ordinary turn is one point read and one
/// conditional write. Drafts are found for expiry through a day-bucketed index row that is written only when the expiry
/// day changes: the ETag handed out carries the day already indexed, so the store knows without reading.
/// </summary>
internal sealed class AzureConversationStore(AzureTablesDatabase database) : IConversationStore
{
    private const string RowKey = "state";
    private const string ExpiryPartition = "expiry";

    public async Task<Versioned<ConversationState>?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var entity = await database.Conversations.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(conversationId), RowKey, cancellationToken: cancellationToken);
        if (!entity.HasValue || entity.Value is null)
        {
            return null;
        }

        var state = StorageJson.Deserialize<ConversationState>(TableDocument.Read(entity.Value));
        return new(state, ComposeETag(ExpiryDay(state), entity.Value.ETag.ToString()));
    }

    public async Task<string> SaveAsync(string conversationId, ConversationState state, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        await database.EnsureCreatedAsync(cancellationToken);
        var key = TableKeys.Encode(conversationId);
        var day = ExpiryDay(state);
        var (indexedDay, tableETag) = etag is null ? (null, null) : SplitETag(etag);

        // Written before the state, so a crash in between leaves an extra index row (ignored), never a missing one.
        if (day is not null && day != indexedDay)
        {
            var indexRow = new TableEntity(ExpiryPartition, ExpiryRowKey(day.Value, key))
            {
                ["Target"] = conversationId,
                ["WrittenTicks"] = database.Time.GetUtcNow().UtcTicks,
            };
            await database.Index.UpsertEntityAsync(indexRow, TableUpdateMode.Replace, cancellationToken);
        }

        var entity = new TableEntity(key, RowKey);
        TableDocument.Write(entity, StorageJson.Serialize(state));
        try
        {
            var response = tableETag is null
                ? await database.Conversations.AddEntityAsync(entity, cancellationToken)
                : await database.Conversations.UpdateEntityAsync(entity, new ETag(tableETag), TableUpdateMode.Replace, cancellationToken);
            return ComposeETag(day, TableKeys.ETagOf(response));
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyConflictException("The conversation's state was changed by another turn.", exception);
        }
    }

    public async Task DeleteAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        await database.Conversations.DeleteEntityAsync(TableKeys.Encode(conversationId), RowKey, ETag.All, cancellationToken);
    }

    public async IAsyncEnumerable<(string ConversationId, Versioned<ConversationState> State)> ListExpiringAsync(DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var lastDay = before.UtcDateTime.Date.Ticks;
        var end = TableKeys.Ticks(lastDay + TimeSpan.TicksPerDay);
        var rows = database.Index.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {ExpiryPartition} and RowKey lt {end}"),
            cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            var conversationId = row.GetString("Target");
            var rowDay = long.Parse(row.RowKey.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture);
            var current = await GetAsync(conversationId, cancellationToken);
            if (current is not null && ExpiryDay(current.Value) == rowDay)
            {
                if (current.Value.ExpiresAt < before)
                {
                    yield return (conversationId, current);
                }

                continue;
            }

            if (database.IsLeftover(row.GetInt64("WrittenTicks")))
            {
                await DeleteLeftoverAsync(row, cancellationToken);
            }
        }
    }

    private async Task DeleteLeftoverAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await database.Index.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            // Rewritten meanwhile by a save: no longer a leftover.
        }
    }

    private static long? ExpiryDay(ConversationState state) => state.ExpiresAt?.UtcDateTime.Date.Ticks;

    private static string ExpiryRowKey(long day, string encodedConversationId) => $"{TableKeys.Ticks(day)}|{encodedConversationId}";

    private static string ComposeETag(long? indexedDay, string tableETag) =>
        $"{indexedDay?.ToString(CultureInfo.InvariantCulture) ?? "-"}|{tableETag}";

    private static (long? IndexedDay, string? TableETag) SplitETag(string etag)
    {
        var bar = etag.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            return (null, etag);
        }

        var day = long.TryParse(etag.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : (long?)null;
        return (day, etag[(bar + 1)..]);
    }
}
