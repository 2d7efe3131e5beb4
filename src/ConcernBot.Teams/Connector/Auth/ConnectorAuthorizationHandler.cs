using ConcernBot.Teams.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConcernBot.Teams.Connector.Auth;

/// <summary>
/// Attaches the bot's bearer token, and only for a service URL first seen in a validated <c>serviceurl</c> claim
/// or under a known Teams host. A token sent anywhere else could be replayed against the real connector.
/// </summary>
internal sealed partial class ConnectorAuthorizationHandler(
    IConnectorTokenProvider tokens,
    TrustedServiceUrls trusted,
    IOptions<ConnectorOptions> connectorOptions,
    IOptions<BotAuthenticationOptions> authOptions,
    ILogger<ConnectorAuthorizationHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;

        // No app id: local development, where nothing gets a token (loopback Playground or Emulator).
        if (authOptions.Value.HasAppId)
        {
            if (MayCarryToken(request))
            {
                var token = await tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                if (!string.IsNullOrEmpty(token))
                {
                    request.Headers.Authorization = new("Bearer", token);
                }
            }
            else
            {
                LogUntrusted(logger, request.RequestUri?.Host ?? "(none)");
            }
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private bool MayCarryToken(HttpRequestMessage request)
    {
        // The request must really go under the service URL it names; a mismatch gets no token.
        if (!request.Options.TryGetValue(ConnectorRequest.ServiceUrl, out var serviceUrl)
            || request.RequestUri is null
            || !Uri.TryCreate(serviceUrl, UriKind.Absolute, out var serviceUri)
            || !ServiceUrlPrefix.IsUnder(request.RequestUri, serviceUri))
        {
            return false;
        }

        return trusted.IsTrusted(serviceUrl) || connectorOptions.Value.IsKnownServiceUrl(serviceUrl);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sent a connector request to {Host} without a token: the service URL was never validated by a channel token nor configured as known")]
    private static partial void LogUntrusted(ILogger logger, string host);
}
