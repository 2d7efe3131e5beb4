using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace ConcernBot.Storage.AzureTables;

/// <summary>Settings: one small partition ("settings"), row = the key, so a prefix listing is a row key range.</summary>
internal sealed class AzureSettingsStore(AzureTablesDatabase database) : ISettingsStore
{
    private const string Partition = "settings";

    public async Task<Versioned<string>?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var row = await database.Settings.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Encode(key), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? new(TableDocument.Read(entity, "V"), entity.ETag.ToString()) : null;
    }

    public async Task<string> SaveAsync(string key, string value, string? etag, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(Partition, TableKeys.Encode(key)) { ["Key"] = key };
        TableDocument.Write(entity, value, "V");
        try
        {
            var response = etag is null
                ? await database.Settings.AddEntityAsync(entity, cancellationToken)
                : await database.Settings.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return TableKeys.ETagOf(response);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyConflictException("The setting was changed by someone else since it was read.", exception);
        }
    }

    public async Task<bool> DeleteAsync(string key, string etag, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        try
        {
            var response = await database.Settings.DeleteEntityAsync(Partition, TableKeys.Encode(key), new ETag(etag), cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return false;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            throw new ConcurrencyConflictException("The setting was changed by someone else since it was read.", exception);
        }
    }

    public async IAsyncEnumerable<(string Key, Versioned<string> Value)> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        await database.EnsureCreatedAsync(cancellationToken);
        var from = TableKeys.Encode(prefix);
        var filter = from.Length == 0
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {from} and RowKey lt {TableKeys.PrefixEnd(from)}");
        await foreach (var row in database.Settings.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return (row.GetString("Key") ?? row.RowKey, new(TableDocument.Read(row, "V"), row.ETag.ToString()));
        }
    }
}
