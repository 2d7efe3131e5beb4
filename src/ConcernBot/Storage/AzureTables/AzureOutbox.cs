using Azure;
using Azure.Data.Tables;

namespace ConcernBot.Storage.AzureTables;

/// <summary>
/// The dispatcher's view of the outbox: one partition ("due") of undelivered messages in the Outbox table, small because
/// a row leaves it once delivered. A message caused by a concern change is written here first, unconfirmed, and then
/// its home row is written in the concern's partition in the same transaction as the change. The dispatcher trusts an
/// unconfirmed row only once it finds that home row; a row whose change never happened is dropped after a grace period.
/// A claim is an ETag-guarded update of the due row, so of two instances only one wins it.
/// </summary>
internal sealed class AzureOutbox(AzureTablesDatabase database) : IOutbox
{
    private const string DuePartition = "due";
    private const string HomeToken = "h|";
    private const string StandaloneToken = "s|";

    public async Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await database.EnsureCreatedAsync(cancellationToken);
        await Task.WhenAll(messages.Select(m => AddDueAsync(database, m, home: null, cancellationToken)));
    }

    /// <summary>Writes the due rows of a concern change ahead of the change itself (unconfirmed).</summary>
    internal static Task WriteAheadAsync(AzureTablesDatabase database, string concernId, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) =>
        Task.WhenAll(messages.Select(m => AddDueAsync(database, m, ConcernPartition.Key(concernId), cancellationToken)));

    public async Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var nowTicks = now.UtcTicks;
        var candidates = new List<TableEntity>();
        var rows = database.Outbox.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {DuePartition} and DueTicks le {nowTicks} and LeaseTicks le {nowTicks}"),
            cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            candidates.Add(row);
            if (candidates.Count >= max * 4)
            {
                break; // after a long outage the backlog can be large: take a few pages, not all of it
            }
        }

        var claimed = new List<ClaimedOutboxMessage>();
        foreach (var row in candidates.OrderBy(r => r.GetInt64("DueTicks")).ThenBy(r => r.RowKey, StringComparer.Ordinal))
        {
            if (claimed.Count >= max)
            {
                break;
            }

            if (await TryClaimAsync(row, now, lease, cancellationToken) is { } claim)
            {
                claimed.Add(claim);
            }
        }

        return claimed;
    }

    public async Task<ClaimedOutboxMessage?> ClaimAsync(string id, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var row = await database.Outbox.GetEntityIfExistsAsync<TableEntity>(DuePartition, TableKeys.Encode(id), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } found && (found.GetInt64("LeaseTicks") ?? 0) <= now.UtcTicks
            ? await TryClaimAsync(found, now, lease, cancellationToken)
            : null;
    }

    /// <summary>
    /// An ETag-guarded claim of one due row; null when another instance won it, or its change never happened. A row whose
    /// lease ran out without a release was cut off mid-delivery.
    /// </summary>
    private async Task<ClaimedOutboxMessage?> TryClaimAsync(TableEntity row, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var home = row.GetString("Home");
        if (home is not null && row.GetBoolean("Confirmed") != true && !await IsHomePendingAsync(row, home, cancellationToken))
        {
            return null;
        }

        var claim = new TableEntity(DuePartition, row.RowKey)
        {
            ["LeaseTicks"] = (now + lease).UtcTicks,
            ["Confirmed"] = true,
        };
        try
        {
            var response = await database.Outbox.UpdateEntityAsync(claim, row.ETag, TableUpdateMode.Merge, cancellationToken);
            var token = (home is null ? StandaloneToken : HomeToken) + TableKeys.ETagOf(response);
            return new ClaimedOutboxMessage(ReadMessage(row) with { EarlierDeliveryCutOff = (row.GetInt64("LeaseTicks") ?? 0) > 0 }, token);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            // Another instance claimed it first.
            return null;
        }
    }

    public async Task<DateTimeOffset?> OldestDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        long? oldest = null;
        var rows = database.Outbox.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {DuePartition} and DueTicks le {now.UtcTicks}"), select: ["DueTicks"], cancellationToken: cancellationToken);
        await foreach (var row in rows)
        {
            if (row.GetInt64("DueTicks") is { } due && (oldest is null || due < oldest))
            {
                oldest = due;
            }
        }

        return oldest is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
    }

    public async Task<bool> CompleteAsync(ClaimedOutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await database.EnsureCreatedAsync(cancellationToken);
        var (hasHome, etag) = ParseToken(message.ClaimToken);
        if (hasHome && message.Message.ConcernId is { } concernId)
        {
            var delivered = new TableEntity(ConcernPartition.Key(concernId), ConcernPartition.OutboxRow(message.Message.Id))
            {
                ["Status"] = ConcernPartition.Delivered,
                ["DeliveredTicks"] = database.Time.GetUtcNow().UtcTicks,
            };
            try
            {
                await database.Concerns.UpdateEntityAsync(delivered, ETag.All, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // The concern was purged meanwhile.
            }
        }

        try
        {
            var response = await database.Outbox.DeleteEntityAsync(DuePartition, TableKeys.Encode(message.Message.Id), etag, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task ReleaseAsync(ClaimedOutboxMessage message, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await database.EnsureCreatedAsync(cancellationToken);
        var (_, etag) = ParseToken(message.ClaimToken);
        var release = new TableEntity(DuePartition, TableKeys.Encode(message.Message.Id))
        {
            ["DueTicks"] = retryAt.UtcTicks,
            ["LeaseTicks"] = 0L,
            ["Attempts"] = message.Message.Attempts + 1,
        };
        try
        {
            await database.Outbox.UpdateEntityAsync(release, etag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            // The claim was lost; whoever holds it now decides.
        }
    }

    /// <summary>
    /// Whether an unconfirmed due row's change really happened and is still undelivered. Rows whose change failed or
    /// never ran, and rows already delivered, are removed here.
    /// </summary>
    private async Task<bool> IsHomePendingAsync(TableEntity row, string home, CancellationToken cancellationToken)
    {
        var homeRow = await database.Concerns.GetEntityIfExistsAsync<TableEntity>(home, ConcernPartition.OutboxPrefix + row.RowKey, cancellationToken: cancellationToken);
        if (homeRow.HasValue && homeRow.Value is { } found)
        {
            if (found.GetString("Status") == ConcernPartition.Pending)
            {
                return true;
            }

            await DeleteQuietlyAsync(row, cancellationToken);
            return false;
        }

        if (database.IsLeftover(row.GetInt64("WrittenTicks")))
        {
            await DeleteQuietlyAsync(row, cancellationToken);
        }

        return false;
    }

    private async Task DeleteQuietlyAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await database.Outbox.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            // Changed or gone meanwhile.
        }
    }

    private static async Task AddDueAsync(AzureTablesDatabase database, OutboxMessage message, string? home, CancellationToken cancellationToken)
    {
        var row = new TableEntity(DuePartition, TableKeys.Encode(message.Id))
        {
            ["MessageId"] = message.Id,
            ["Kind"] = message.Kind,
            ["ConcernId"] = message.ConcernId,
            ["CreatedAt"] = AuditChain.FormatTime(message.CreatedAt),
            ["NotBefore"] = AuditChain.FormatTime(message.NotBefore),
            ["DueTicks"] = message.NotBefore.UtcTicks,
            ["LeaseTicks"] = 0L,
            ["Attempts"] = message.Attempts,
            ["Home"] = home,
            ["Confirmed"] = home is null,
            ["WrittenTicks"] = database.Time.GetUtcNow().UtcTicks,
        };
        TableDocument.Write(row, message.Payload, "P");
        try
        {
            await database.Outbox.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Already there: the same message again (a replayed change), kept as it is.
        }
    }

    private static OutboxMessage ReadMessage(TableEntity row) => new()
    {
        Id = row.GetString("MessageId") ?? row.RowKey,
        Kind = row.GetString("Kind") ?? string.Empty,
        ConcernId = row.GetString("ConcernId"),
        Payload = TableDocument.Read(row, "P"),
        CreatedAt = AuditChain.ParseTime(row.GetString("CreatedAt") ?? string.Empty),
        NotBefore = AuditChain.ParseTime(row.GetString("NotBefore") ?? string.Empty),
        Attempts = row.GetInt32("Attempts") ?? 0,
    };

    private static (bool HasHome, ETag ETag) ParseToken(string token) =>
        token.StartsWith(HomeToken, StringComparison.Ordinal) ? (true, new ETag(token[HomeToken.Length..]))
        : token.StartsWith(StandaloneToken, StringComparison.Ordinal) ? (false, new ETag(token[StandaloneToken.Length..]))
        : throw new ArgumentException("Not a claim token of this store.", nameof(token));
}
