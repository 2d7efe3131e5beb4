using System.Net;
using ConcernBot.Channels.Teams.Authentication;
using ConcernBot.Channels.Teams.Tests.Authentication;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Tests.Hosting;

/// <summary>Inbound authentication through the real host: with an app id, against a real loopback OpenID server.</summary>
public sealed class HostAuthenticationTests : IAsyncLifetime
{
    private const string TeamsServiceUrl = "https://smba.trafficmanager.net/emea/";
    private OpenIdTestServer _openId = null!;
    private TestSigningKey _teamsKey = null!;

    public async Task InitializeAsync()
    {
        _openId = await OpenIdTestServer.StartAsync();
        _teamsKey = _openId.AddBotFrameworkKey("teams-key", "msteams");
    }

    public async Task DisposeAsync() => await _openId.DisposeAsync();

    [Fact]
    public async Task With_an_app_id_a_request_without_a_token_gets_401_and_nothing_is_sent()
    {
        await using var host = StartWithAppId();

        using var response = await host.PostAsync(TestActivity.Message(People.Tester, "hi", serviceUrl: TeamsServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Connector.Calls);
    }

    [Fact]
    public async Task With_an_app_id_a_valid_channel_token_gets_200_and_the_bot_answers()
    {
        await using var host = StartWithAppId();

        using var response = await host.PostAsync(TestActivity.Message(People.Tester, "hi", serviceUrl: TeamsServiceUrl), "Bearer " + TestTokens.BotFramework(_teamsKey, serviceUrl: TeamsServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(await host.Connector.WaitForAsync(1));
        Assert.Equal(TeamsServiceUrl, sent.ServiceUrl);
        Assert.True(host.Services.GetRequiredService<TrustedServiceUrls>().IsTrusted(TeamsServiceUrl));
    }

    [Fact]
    public async Task With_an_app_id_a_token_for_another_service_url_gets_401()
    {
        await using var host = StartWithAppId();
        var token = TestTokens.BotFramework(_teamsKey, serviceUrl: "https://smba.trafficmanager.net/amer/");

        using var response = await host.PostAsync(TestActivity.Message(People.Tester, "hi", serviceUrl: TeamsServiceUrl), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(host.Services.GetRequiredService<TrustedServiceUrls>().IsTrusted(TeamsServiceUrl));
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer a.b.c")]
    public async Task With_an_app_id_a_malformed_authorization_header_gets_401(string header)
    {
        await using var host = StartWithAppId();

        using var response = await host.PostAsync(TestActivity.Message(People.Tester, "hi", serviceUrl: TeamsServiceUrl), header);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task In_local_mode_a_request_from_a_non_loopback_service_url_gets_401()
    {
        await using var host = new TestHost();

        using var response = await host.PostAsync(TestActivity.Message(People.Tester, "hi", serviceUrl: TeamsServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Connector.Calls);
    }

    [Fact]
    public async Task In_local_mode_a_token_gets_401()
    {
        await using var host = new TestHost();

        using var response = await host.PostAsync(TestActivity.Message(People.Tester, "hi"), "Bearer " + TestTokens.BotFramework(_teamsKey));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Outside_development_with_no_app_id_even_a_loopback_request_gets_401()
    {
        // The switch is on, but only Development honours it.
        await using var host = TestHost.With(new() { Environment = "Production", Settings = new Dictionary<string, string?> { ["AllowUnauthenticatedLocalRequests"] = "true" } });

        using var response = await host.PostAsync(TestActivity.Message(People.Tester, "hi"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private TestHost StartWithAppId() => TestHost.With(new() { Environment = "Production", Settings = new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = TestTokens.AppId,
        ["MicrosoftAppPassword"] = "not-used-by-these-tests",
        ["BotFrameworkOpenIdMetadataUrl"] = _openId.BotFrameworkMetadataUrl,
        ["EntraOpenIdMetadataUrl"] = _openId.EntraMetadataUrl,
    } });
}
