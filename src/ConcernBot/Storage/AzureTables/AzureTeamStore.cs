using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace ConcernBot.Storage.AzureTables;

/// <summary>Teams: partition = organisation (a handful of teams each), row = team id.</summary>
internal sealed class AzureTeamStore(AzureTablesDatabase database) : ITeamStore
{
    public async Task<Versioned<TeamRecord>?> GetAsync(string organisationId, string teamId, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var row = await database.Teams.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(organisationId), TableKeys.Encode(teamId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? Read(entity) : null;
    }

    public async Task<string> SaveAsync(TeamRecord team, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(team);
        await database.EnsureCreatedAsync(cancellationToken);
        var entity = new TableEntity(TableKeys.Encode(team.OrganisationId), TableKeys.Encode(team.TeamId));
        TableDocument.Write(entity, StorageJson.Serialize(team));
        try
        {
            var response = etag is null
                ? await database.Teams.AddEntityAsync(entity, cancellationToken)
                : await database.Teams.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return TableKeys.ETagOf(response);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyConflictException("The team was changed by someone else since it was read.", exception);
        }
    }

    public async Task<bool> DeleteAsync(string organisationId, string teamId, CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        try
        {
            var response = await database.Teams.DeleteEntityAsync(TableKeys.Encode(organisationId), TableKeys.Encode(teamId), ETag.All, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<Versioned<TeamRecord>> ListAsync(string organisationId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await database.EnsureCreatedAsync(cancellationToken);
        var partition = TableKeys.Encode(organisationId);
        await foreach (var row in database.Teams.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            yield return Read(row);
        }
    }

    private static Versioned<TeamRecord> Read(TableEntity entity) =>
        new(StorageJson.Deserialize<TeamRecord>(TableDocument.Read(entity)), entity.ETag.ToString());
}
