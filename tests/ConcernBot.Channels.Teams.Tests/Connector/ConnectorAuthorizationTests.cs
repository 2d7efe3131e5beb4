using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;
using Microsoft.Extensions.Logging;

namespace ConcernBot.Channels.Teams.Tests.Connector;

/// <summary>The bot's token goes only to service URLs a channel token vouched for, or to configured Teams hosts.</summary>
public sealed class ConnectorAuthorizationTests
{
    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = "Hello" };

    [Fact]
    public async Task A_trusted_service_url_gets_the_bearer_token_and_no_log_line_names_the_conversation()
    {
        await using var harness = await ConnectorHarness.StartAsync(trustServer: true);
        harness.Server.Enqueue(new ScriptedResponse(502));

        await harness.Client.SendAsync(harness.ServiceUrl, "a:secret-conversation", Message());

        Assert.All(harness.Server.Requests, r => Assert.Equal("Bearer " + FakeTokenProvider.Token, r.Header("Authorization")));
        Assert.Equal(2, harness.Server.Requests.Count);
        Assert.All(harness.Logs.Entries, e => Assert.DoesNotContain("secret-conversation", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_untrusted_service_url_gets_no_token_and_a_warning_without_ids()
    {
        await using var harness = await ConnectorHarness.StartAsync(trustServer: false);

        await harness.Client.SendAsync(harness.ServiceUrl, "a:secret-conversation", Message());

        Assert.Null(Assert.Single(harness.Server.Requests).Header("Authorization"));
        Assert.Equal(0, harness.Tokens.Calls);
        var warning = Assert.Single(harness.Logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("without a token", warning.Message, StringComparison.Ordinal);
        Assert.All(harness.Logs.Entries, e => Assert.DoesNotContain("secret-conversation", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Trusting_one_service_url_does_not_trust_another_path_on_the_same_host()
    {
        await using var harness = await ConnectorHarness.StartAsync(trustServer: false);
        harness.Trusted.Trust(harness.Server.BaseUrl + "/amer/");

        await harness.Client.SendAsync(harness.Server.BaseUrl + "/emea/", "a:1", Message());
        await harness.Client.SendAsync(harness.Server.BaseUrl + "/amer", "a:1", Message());

        var requests = harness.Server.Requests;
        Assert.Null(requests[0].Header("Authorization"));
        Assert.Equal("Bearer " + FakeTokenProvider.Token, requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task A_configured_known_host_gets_the_token_without_a_prior_claim()
    {
        await using var harness = await ConnectorHarness.StartAsync(trustServer: false);
        harness.Options.KnownServiceUrls.Add(harness.Server.BaseUrl + "/teams/");

        await harness.Client.SendAsync(harness.Server.BaseUrl + "/teams/emea/", "a:1", Message());
        await harness.Client.SendAsync(harness.Server.BaseUrl + "/teamsx/", "a:1", Message());

        var requests = harness.Server.Requests;
        Assert.Equal("Bearer " + FakeTokenProvider.Token, requests[0].Header("Authorization"));
        Assert.Null(requests[1].Header("Authorization"));
    }

    [Fact]
    public async Task Local_development_without_an_app_id_sends_no_token_even_to_a_trusted_loopback_url()
    {
        await using var harness = await ConnectorHarness.StartAsync(trustServer: true, appId: null);

        await harness.Client.SendAsync(harness.ServiceUrl, "a:1", Message());

        Assert.Null(Assert.Single(harness.Server.Requests).Header("Authorization"));
        Assert.Equal(0, harness.Tokens.Calls);
        Assert.DoesNotContain(harness.Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://smba.trafficmanager.net/", true)]
    [InlineData("https://SMBA.trafficmanager.net/amer/", true)]
    [InlineData("https://smba.trafficmanager.net.evil.example/", false)]
    [InlineData("https://smba.trafficmanager.net@evil.example/", false)]
    [InlineData("https://evil.example/smba.trafficmanager.net/", false)]
    [InlineData("http://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://smba.trafficmanager.net:8443/emea/", false)]
    [InlineData("not a url", false)]
    public void Only_the_real_Teams_host_is_known_by_default(string serviceUrl, bool known)
    {
        Assert.Equal(known, new ConnectorOptions().IsKnownServiceUrl(serviceUrl));
    }
}
