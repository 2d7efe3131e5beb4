using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Hosting;

namespace ConcernBot.Channels.Teams.Tests.Authentication;

/// <summary>The real authentication services (as AddBotAuthentication registers them) pointed at a loopback OpenID server.</summary>
internal sealed class AuthenticatorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public static AuthenticatorHarness For(OpenIdTestServer server, string? appId = TestTokens.AppId, string environment = "Production", Action<BotAuthenticationOptions>? configure = null, TimeProvider? time = null) =>
        new(server, appId, environment, configure, time);

    private AuthenticatorHarness(OpenIdTestServer server, string? appId, string environment, Action<BotAuthenticationOptions>? configure, TimeProvider? time)
    {
        var services = new ServiceCollection();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = environment });
        services.Configure<BotAuthenticationOptions>(o =>
        {
            o.MicrosoftAppId = appId;
            o.BotFrameworkOpenIdMetadataUrl = server.BotFrameworkMetadataUrl;
            o.EntraOpenIdMetadataUrl = server.EntraMetadataUrl;
            configure?.Invoke(o);
        });
        services.AddBotAuthentication();
        _services = services.BuildServiceProvider();
    }

    public TrustedServiceUrls Trusted => _services.GetRequiredService<TrustedServiceUrls>();

    public Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity? activity = null) =>
        _services.GetRequiredService<IActivityAuthenticator>().AuthenticateAsync(authorizationHeader, activity ?? Message(), CancellationToken.None);

    public Task<AuthenticationOutcome> AuthenticateTokenAsync(string token, Activity? activity = null) =>
        AuthenticateAsync("Bearer " + token, activity);

    public static Activity Message(string serviceUrl = TestTokens.ServiceUrl, string channelId = "msteams") => new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal" },
        From = new ChannelAccount { Id = "29:1" },
        Recipient = new ChannelAccount { Id = "28:" + TestTokens.AppId },
        Text = "hello",
    };

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
