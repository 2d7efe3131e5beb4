using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Storage.Sqlite;

internal sealed class SqliteTeamStore(SqliteDatabase database) : ITeamStore
{
    public async Task<Versioned<TeamRecord>?> GetAsync(string organisationId, string teamId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("teams.read", cancellationToken);
        await using var command = connection.Command(
            null,
            "SELECT document, version FROM teams WHERE organisation_id = $organisation AND team_id = $team",
            ("$organisation", organisationId),
            ("$team", teamId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new(StorageJson.Deserialize<TeamRecord>(reader.Utf8(0)), SqliteCommands.ToETag(reader.GetInt64(1)))
            : null;
    }

    public Task<string> SaveAsync(TeamRecord team, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(team);
        (string, object?)[] parameters = [("$organisation", team.OrganisationId), ("$team", team.TeamId), ("$document", StorageJson.Serialize(team))];
        return database.WriteAsync("teams.write", (connection, transaction, token) => SaveAsync(connection, transaction, parameters, etag, token), cancellationToken);
    }

    public async Task<bool> DeleteAsync(string organisationId, string teamId, CancellationToken cancellationToken = default) =>
        await database.WriteAsync(
            "teams.write",
            (connection, transaction, token) => connection.ExecuteAsync(
                transaction,
                "DELETE FROM teams WHERE organisation_id = $organisation AND team_id = $team",
                token,
                ("$organisation", organisationId),
                ("$team", teamId)),
            cancellationToken) == 1;

    public async IAsyncEnumerable<Versioned<TeamRecord>> ListAsync(string organisationId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("teams.read", cancellationToken);
        await using var command = connection.Command(
            null,
            "SELECT document, version FROM teams WHERE organisation_id = $organisation ORDER BY team_id",
            ("$organisation", organisationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new(StorageJson.Deserialize<TeamRecord>(reader.GetString(0)), SqliteCommands.ToETag(reader.GetInt64(1)));
        }
    }

    private static async Task<string> SaveAsync(SqliteConnection connection, SqliteTransaction transaction, (string, object?)[] parameters, string? etag, CancellationToken cancellationToken)
    {
        if (etag is null)
        {
            var inserted = await connection.ExecuteAsync(
                transaction,
                "INSERT INTO teams (organisation_id, team_id, document, version) VALUES ($organisation, $team, $document, 1) ON CONFLICT DO NOTHING",
                cancellationToken,
                parameters);
            return inserted == 1 ? SqliteCommands.ToETag(1) : throw new ConcurrencyConflictException("The team is already stored.");
        }

        var version = SqliteCommands.FromETag(etag);
        var updated = await connection.ExecuteAsync(
            transaction,
            "UPDATE teams SET document = $document, version = version + 1 WHERE organisation_id = $organisation AND team_id = $team AND version = $version",
            cancellationToken,
            [.. parameters, ("$version", version)]);
        return updated == 1 ? SqliteCommands.ToETag(version + 1) : throw new ConcurrencyConflictException();
    }
}
