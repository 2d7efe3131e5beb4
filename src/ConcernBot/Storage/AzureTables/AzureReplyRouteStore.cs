using Azure;
using Azure.Data.Tables;

namespace ConcernBot.Storage.AzureTables;

/// <summary>Sealed reply routes in their own table, apart from the concerns: partition = the opaque token.</summary>
internal sealed class AzureReplyRouteStore(AzureTablesDatabase database) : IReplyRouteStore
{
    private const string RowKey = "route";

    public async Task CreateAsync(string token, string sealedRoute, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.Encode(token), RowKey);
        TableDocument.Write(entity, sealedRoute, "S");
        try
        {
            await database.ReplyRoutes.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            throw new ConcurrencyConflictException("The reply route token is already in use.", exception);
        }
    }

    public async Task<string?> GetAsync(string token, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var row = await database.ReplyRoutes.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(token), RowKey, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? TableDocument.Read(entity, "S") : null;
    }

    public async Task<bool> DeleteAsync(string token, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        try
        {
            var response = await database.ReplyRoutes.DeleteEntityAsync(TableKeys.Encode(token), RowKey, ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return false;
        }
    }
}
