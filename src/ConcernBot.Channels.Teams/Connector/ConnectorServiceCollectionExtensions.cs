using ConcernBot.Channels.Teams.Authentication;
using ConcernBot.Channels.Teams.Connector.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConcernBot.Channels.Teams.Connector;

public static class ConnectorServiceCollectionExtensions
{
    // The longest HttpClient.Timeout there is.
    private static readonly TimeSpan MaxTotalTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    /// <summary>
    /// Registers <see cref="IConnectorClient"/>: the outbound token (MSAL or managed identity, by MicrosoftAppType), a token
    /// only for trusted service URLs, retries, and no HTTP logging of URLs (they hold conversation ids).
    /// <paramref name="connectorSection"/> binds <see cref="ConnectorOptions"/> (usually the <c>BotConnector</c> section).
    /// Bad outbound settings (SingleTenant without MicrosoftAppTenantId) stop the host at startup.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration? connectorSection = null)
    {
        var connectorOptions = services.AddOptions<ConnectorOptions>();
        if (connectorSection is not null)
        {
            connectorOptions.Bind(connectorSection);
        }

        connectorOptions.Validate(o => o.MaxAttempts >= 1 && o.TotalTimeout > TimeSpan.Zero && o.TotalTimeout <= MaxTotalTimeout && o.AttemptTimeout > TimeSpan.Zero, "BotConnector: MaxAttempts must be at least 1 and the timeouts positive (the total at most 24 days).")
            .ValidateOnStart();
        services.AddOptions<BotAuthenticationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>());

        services.TryAddSingleton<TrustedServiceUrls>();
        services.TryAddSingleton(CreateTokenProvider);
        services.TryAddTransient<ConnectorAuthorizationHandler>();

        // Outermost first: the total timeout (the HttpClient's), then retries wrapping the token handler, so every attempt
        // carries a fresh token. The connector never redirects, and a followed redirect would take the bearer token with it:
        // redirects are not followed (a 3xx fails the call). No cookies either: the connector is a token-authenticated API.
        var client = services.AddHttpClient<IConnectorClient, ConnectorClient>((provider, http) => http.Timeout = provider.GetRequiredService<IOptions<ConnectorOptions>>().Value.TotalTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .RemoveAllLoggers();
        client.AddResilienceHandler(ConnectorResilience.PipelineName, ConnectorResilience.Configure);
        client.AddHttpMessageHandler<ConnectorAuthorizationHandler>();

        // Files sent to the bot: the same token rule, and never a redirect (it would take the request elsewhere).
        services.TryAddSingleton<TeamsFiles>();
        services.AddHttpClient(TeamsFiles.ClientName, http => http.Timeout = TimeSpan.FromSeconds(60))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .RemoveAllLoggers()
            .AddHttpMessageHandler<ConnectorAuthorizationHandler>();
        return services;
    }

    private static IConnectorTokenProvider CreateTokenProvider(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;
        if (!options.HasAppId)
        {
            return new NoConnectorTokenProvider();
        }

        return options.MicrosoftAppType == BotAppType.UserAssignedMSI
            ? new ManagedIdentityConnectorTokenProvider(options.MicrosoftAppId!, options.ConnectorScope)
            : new MsalConnectorTokenProvider(options);
    }
}
