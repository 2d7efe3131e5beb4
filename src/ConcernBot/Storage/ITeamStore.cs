namespace ConcernBot.Storage;

/// <summary>
/// The teams the bot is installed in, captured from conversationUpdate / installationUpdate, and the channel chosen as
/// the leads' channel. Keyed by organisation (Entra tenant id) and Teams team id.
/// </summary>
public interface ITeamStore
{
    Task<Versioned<TeamRecord>?> GetAsync(string organisationId, string teamId, CancellationToken cancellationToken = default);

    /// <summary>Inserts (<paramref name="etag"/> null) or replaces (matching ETag); returns the new ETag.</summary>
    /// <exception cref="ConcurrencyConflictException">The ETag is stale, or an insert found a record already there.</exception>
    Task<string> SaveAsync(TeamRecord team, string? etag, CancellationToken cancellationToken = default);

    /// <summary>Removes the team (the bot was uninstalled); false if it was not there.</summary>
    Task<bool> DeleteAsync(string organisationId, string teamId, CancellationToken cancellationToken = default);

    /// <summary>The organisation's teams, by team id.</summary>
    IAsyncEnumerable<Versioned<TeamRecord>> ListAsync(string organisationId, CancellationToken cancellationToken = default);
}

public sealed record TeamRecord
{
    /// <summary>The Entra tenant id.</summary>
    public required string OrganisationId { get; init; }

    /// <summary>The Teams team id (the General channel's conversation id, 19:...@thread.tacv2).</summary>
    public required string TeamId { get; init; }

    public string? Name { get; init; }

    /// <summary>The team's Microsoft 365 group id.</summary>
    public string? AadGroupId { get; init; }

    /// <summary>Where to send proactive messages for this team.</summary>
    public required string ServiceUrl { get; init; }

    public IReadOnlyList<TeamChannel> Channels { get; init; } = [];

    /// <summary>The channel chosen for the safeguarding leads (`alerts here` or settings); null until chosen.</summary>
    public string? LeadsChannelId { get; init; }

    public DateTimeOffset InstalledAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public sealed record TeamChannel(string Id, string? Name);
