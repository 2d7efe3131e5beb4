namespace ConcernBot.Channels.Teams.Connector.Auth;

/// <summary>Gets the bearer token the bot presents to the Bot Connector.</summary>
public interface IConnectorTokenProvider
{
    /// <summary>The access token, or null when the bot has no app id (local development: no token at all).</summary>
    Task<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Local development: no app id, so nothing to authenticate with.</summary>
internal sealed class NoConnectorTokenProvider : IConnectorTokenProvider
{
    public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
