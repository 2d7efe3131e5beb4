using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Channels.Teams.Authentication;

public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>Inbound authentication: the authenticator, the token validator and the cached OpenID metadata.</summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        services.TryAddSingleton<TrustedServiceUrls>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OpenIdMetadata>();
        services.TryAddSingleton<ChannelTokenValidator>();
        services.TryAddSingleton<IActivityAuthenticator, ActivityAuthenticator>();
        services.TryAddSingleton(sp => new TabTokenValidator(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TabSignInOptions>>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BotAuthenticationOptions>>(),
            sp.GetRequiredService<OpenIdMetadata>()));
        return services;
    }
}
