using ConcernBot.Channels.Teams.Authentication;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Teams;
using ConcernBot.Channels.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Channels.Teams.Hosting;

public static class TeamsProtocolServiceCollectionExtensions
{
    /// <summary>
    /// Registers the protocol layer: inbound authentication, the connector client and the messaging endpoint's options.
    /// Settings are read from the configuration root under the Bot Framework names (MicrosoftAppId, ...).
    /// </summary>
    public static IServiceCollection AddTeamsProtocol(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<BotAuthenticationOptions>(configuration);
        services.Configure<BotEndpointOptions>(configuration.GetSection("BotEndpoint"));
        services.AddSingleton<TrustedServiceUrls>();
        services.Configure<TabSignInOptions>(configuration.GetSection(TabSignInOptions.Section));
        services.AddBotAuthentication();
        services.AddBotConnector(configuration.GetSection("BotConnector"));
        services.AddSingleton<BotConnectorAdapter>();
        services.AddSingleton<ChannelAdapters>(sp => new ChannelAdapters(
            [.. sp.GetServices<IChannelAdapter>(), sp.GetRequiredService<BotConnectorAdapter>()]));
        return services;
    }
}
