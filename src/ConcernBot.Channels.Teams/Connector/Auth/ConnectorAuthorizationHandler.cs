using System.Collections.Concurrent;
using ConcernBot.Channels.Teams.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConcernBot.Channels.Teams.Connector.Auth;

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
    private const int MaxRememberedServiceUrls = 64;

    // Service URLs already found trusted or known, parsed. Trust is never withdrawn and the known hosts only grow, so a
    // yes stays a yes; a no is asked again every time.
    private readonly ConcurrentDictionary<string, Uri> _tokenServiceUrls = new(StringComparer.Ordinal);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = null;

        // No app id: local development, where nothing gets a token (loopback Playground or Emulator).
        return authOptions.Value.HasAppId ? SendWithTokenAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
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

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private bool MayCarryToken(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(ConnectorRequest.ServiceUrl, out var serviceUrl) || request.RequestUri is null)
        {
            return false;
        }

        if (!_tokenServiceUrls.TryGetValue(serviceUrl, out var serviceUri))
        {
            if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out serviceUri)
                || !(trusted.IsTrusted(serviceUrl) || connectorOptions.Value.IsKnownServiceUrl(serviceUrl)))
            {
                return false;
            }

            if (_tokenServiceUrls.Count < MaxRememberedServiceUrls)
            {
                _tokenServiceUrls.TryAdd(serviceUrl, serviceUri);
            }
        }

        // The request must really go under the service URL it names; a mismatch gets no token.
        return ServiceUrlPrefix.IsUnder(request.RequestUri, serviceUri);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sent a connector request to {Host} without a token: the service URL was never validated by a channel token nor configured as known")]
    private static partial void LogUntrusted(ILogger logger, string host);
}
