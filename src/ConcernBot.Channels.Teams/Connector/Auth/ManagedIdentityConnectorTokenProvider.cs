using Azure.Core;
using Azure.Identity;

namespace ConcernBot.Channels.Teams.Connector.Auth;

/// <summary>UserAssignedMSI bots: the user-assigned managed identity whose client id is the bot's app id; no password.</summary>
internal sealed class ManagedIdentityConnectorTokenProvider(string appId, string scope) : IConnectorTokenProvider
{
    // The credential caches tokens and refreshes them before they expire.
    private readonly ManagedIdentityCredential _credential = new(ManagedIdentityId.FromUserAssignedClientId(appId));
    private readonly TokenRequestContext _request = new([scope]);

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var token = await _credential.GetTokenAsync(_request, cancellationToken).ConfigureAwait(false);
            return token.Token;
        }
        catch (AuthenticationFailedException ex)
        {
            throw new ConnectorException(0, ConnectorException.TokenUnavailable, $"No connector token from the user-assigned managed identity ({ex.GetType().Name}).", ex);
        }
    }
}
