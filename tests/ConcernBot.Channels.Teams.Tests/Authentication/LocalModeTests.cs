namespace ConcernBot.Channels.Teams.Tests.Authentication;

/// <summary>No app id configured: local development. Tokens make no sense here, and token-less requests need the explicit switch.</summary>
public sealed class LocalModeTests : IAsyncLifetime
{
    private OpenIdTestServer _server = null!;

    public async Task InitializeAsync() => _server = await OpenIdTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_token_while_no_app_id_is_configured_is_refused()
    {
        var key = _server.AddBotFrameworkKey("teams-key", "msteams");
        await using var auth = AuthenticatorHarness.For(_server, appId: null, environment: "Development", configure: o => o.AllowUnauthenticatedLocalRequests = true);

        var outcome = await auth.AuthenticateTokenAsync(TestTokens.BotFramework(key), AuthenticatorHarness.Message("http://127.0.0.1:56150/"));

        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task An_unauthenticated_local_request_from_a_loopback_service_url_is_accepted_without_trusting_it()
    {
        await using var auth = AuthenticatorHarness.For(_server, appId: "", environment: "Development", configure: o => o.AllowUnauthenticatedLocalRequests = true);

        var outcome = await auth.AuthenticateAsync(null, AuthenticatorHarness.Message("http://localhost:56150/"));

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.False(auth.Trusted.IsTrusted("http://localhost:56150/"));
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("http://10.0.0.5:56150/")]
    [InlineData("http://127.0.0.1.attacker.example.com/")]
    [InlineData("not a url")]
    public async Task An_unauthenticated_local_request_from_a_non_loopback_service_url_is_refused(string serviceUrl)
    {
        await using var auth = AuthenticatorHarness.For(_server, appId: null, environment: "Development", configure: o => o.AllowUnauthenticatedLocalRequests = true);

        var outcome = await auth.AuthenticateAsync(null, AuthenticatorHarness.Message(serviceUrl));

        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task The_local_switch_is_ignored_outside_development()
    {
        await using var auth = AuthenticatorHarness.For(_server, appId: null, environment: "Production", configure: o => o.AllowUnauthenticatedLocalRequests = true);

        var outcome = await auth.AuthenticateAsync(null, AuthenticatorHarness.Message("http://127.0.0.1:56150/"));

        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task Without_the_switch_a_token_less_local_request_is_refused()
    {
        await using var auth = AuthenticatorHarness.For(_server, appId: null, environment: "Development");

        var outcome = await auth.AuthenticateAsync(null, AuthenticatorHarness.Message("http://127.0.0.1:56150/"));

        Assert.False(outcome.Succeeded);
    }
}
