using Microsoft.IdentityModel.Tokens;

namespace ConcernBot.Channels.Teams.Tests.Authentication;

/// <summary>Tokens as Teams sends them (issuer api.botframework.com), checked against a real loopback OpenID server.</summary>
public sealed class BotFrameworkTokenTests : IAsyncLifetime
{
    private OpenIdTestServer _server = null!;
    private TestSigningKey _teamsKey = null!;
    private AuthenticatorHarness _auth = null!;

    public async Task InitializeAsync()
    {
        _server = await OpenIdTestServer.StartAsync();
        _teamsKey = _server.AddBotFrameworkKey("teams-key", "msteams", "skype");
        _auth = AuthenticatorHarness.For(_server);
    }

    public async Task DisposeAsync()
    {
        await _auth.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_valid_token_is_accepted_with_its_claims()
    {
        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.BotFramework(_teamsKey));

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(TestTokens.BotFrameworkIssuer, outcome.Identity?.FindFirst("iss")?.Value);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task RS384_and_RS512_are_accepted(string algorithm)
    {
        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.BotFramework(_teamsKey, algorithm: algorithm));

        Assert.True(outcome.Succeeded, outcome.Reason);
    }

    [Fact]
    public async Task A_successful_validation_trusts_the_service_url_and_a_failed_one_does_not()
    {
        const string other = "https://smba.trafficmanager.net/amer/";
        Assert.False(_auth.Trusted.IsTrusted(TestTokens.ServiceUrl));

        var accepted = await _auth.AuthenticateTokenAsync(TestTokens.BotFramework(_teamsKey));
        var refused = await _auth.AuthenticateTokenAsync(TestTokens.BotFramework(_teamsKey, audience: "someone-else"), AuthenticatorHarness.Message(other));

        Assert.True(accepted.Succeeded, accepted.Reason);
        Assert.False(refused.Succeeded);
        Assert.True(_auth.Trusted.IsTrusted(TestTokens.ServiceUrl));
        Assert.False(_auth.Trusted.IsTrusted(other));
    }

    [Fact]
    public async Task A_forged_signature_under_a_published_key_id_is_refused()
    {
        var forger = _teamsKey.Forge();

        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.BotFramework(forger));

        Assert.False(outcome.Succeeded);
        Assert.False(_auth.Trusted.IsTrusted(TestTokens.ServiceUrl));
    }

    [Fact]
    public async Task A_token_expired_beyond_the_clock_skew_is_refused_but_one_within_it_is_accepted()
    {
        var now = DateTime.UtcNow;
        var longExpired = TestTokens.BotFramework(_teamsKey, notBefore: now.AddHours(-2), expires: now.AddMinutes(-6));
        var justExpired = TestTokens.BotFramework(_teamsKey, notBefore: now.AddHours(-2), expires: now.AddMinutes(-3));

        Assert.False((await _auth.AuthenticateTokenAsync(longExpired)).Succeeded);
        Assert.True((await _auth.AuthenticateTokenAsync(justExpired)).Succeeded);
    }

    [Fact]
    public async Task A_token_not_yet_valid_is_refused()
    {
        var now = DateTime.UtcNow;
        var token = TestTokens.BotFramework(_teamsKey, notBefore: now.AddMinutes(10), expires: now.AddHours(1));

        Assert.False((await _auth.AuthenticateTokenAsync(token)).Succeeded);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("api://00000000-0000-0000-0000-000000000000")]
    [InlineData("https://api.botframework.com")]
    [InlineData(null)]
    public async Task A_token_for_another_audience_is_refused(string? audience)
    {
        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.BotFramework(_teamsKey, audience: audience));

        Assert.False(outcome.Succeeded);
    }

    [Theory]
    [InlineData("api://" + TestTokens.AppId)]
    [InlineData("api://botid-" + TestTokens.AppId)]
    public async Task The_api_audiences_of_this_bot_are_accepted(string audience)
    {
        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.BotFramework(_teamsKey, audience: audience));

        Assert.True(outcome.Succeeded, outcome.Reason);
    }

    [Theory]
    [InlineData("https://api.botframework.us")]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://evil.example.com")]
    public async Task A_token_from_another_issuer_is_refused(string issuer)
    {
        // Other issuers are checked against the Entra metadata: give it the same key, so only the issuer can fail.
        _server.AddEntraKey(_teamsKey.Kid, "msteams");
        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.BotFramework(_teamsKey, issuer: issuer));

        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task A_key_not_endorsed_for_msteams_is_refused()
    {
        var skypeOnly = _server.AddBotFrameworkKey("skype-key", "skype", "webchat");

        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.BotFramework(skypeOnly));

        Assert.False(outcome.Succeeded);
        Assert.Contains("endorsed", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bot_framework_key_with_no_endorsements_at_all_is_refused()
    {
        var bare = _server.AddBotFrameworkKey("bare-key", endorsements: null);

        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.BotFramework(bare));

        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task The_endorsement_must_match_the_activity_channel()
    {
        var token = TestTokens.BotFramework(_teamsKey);

        var outcome = await _auth.AuthenticateTokenAsync(token, AuthenticatorHarness.Message(channelId: "webchat"));

        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task A_serviceurl_claim_that_differs_from_the_activity_is_refused()
    {
        var token = TestTokens.BotFramework(_teamsKey, serviceUrl: "https://attacker.example.com/");

        var outcome = await _auth.AuthenticateTokenAsync(token);

        Assert.False(outcome.Succeeded);
        Assert.False(_auth.Trusted.IsTrusted(TestTokens.ServiceUrl));
        Assert.False(_auth.Trusted.IsTrusted("https://attacker.example.com/"));
    }

    [Fact]
    public async Task A_token_without_a_serviceurl_claim_is_refused()
    {
        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.BotFramework(_teamsKey, serviceUrl: null));

        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task The_serviceurl_comparison_ignores_case_and_a_trailing_slash()
    {
        var token = TestTokens.BotFramework(_teamsKey, serviceUrl: "https://SMBA.trafficmanager.net/emea");

        var outcome = await _auth.AuthenticateTokenAsync(token);

        Assert.True(outcome.Succeeded, outcome.Reason);
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.AlgNone(_teamsKey.Kid));

        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task An_hs256_token_is_refused()
    {
        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.Hs256(_teamsKey.Kid));

        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task A_missing_authorization_header_is_refused()
    {
        var outcome = await _auth.AuthenticateAsync(null);

        Assert.False(outcome.Succeeded);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Basic {0}")]
    [InlineData("Bearer {0} extra")]
    [InlineData("{0}")]
    [InlineData("Bearer not-a-jwt")]
    public async Task A_malformed_authorization_header_is_refused(string format)
    {
        var header = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, TestTokens.BotFramework(_teamsKey));

        var outcome = await _auth.AuthenticateAsync(header);

        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task The_bearer_scheme_is_case_insensitive()
    {
        var outcome = await _auth.AuthenticateAsync("bearer " + TestTokens.BotFramework(_teamsKey));

        Assert.True(outcome.Succeeded, outcome.Reason);
    }

    [Fact]
    public async Task Refusal_reasons_never_contain_the_token()
    {
        var token = TestTokens.BotFramework(_teamsKey, serviceUrl: "https://attacker.example.com/");
        var parts = token.Split('.');

        var outcomes = new[]
        {
            await _auth.AuthenticateTokenAsync(token),
            await _auth.AuthenticateTokenAsync(TestTokens.BotFramework(_teamsKey, audience: "someone-else")),
            await _auth.AuthenticateAsync("Basic " + token),
        };

        Assert.All(outcomes, o =>
        {
            Assert.False(o.Succeeded);
            Assert.DoesNotContain(parts[1], o.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("attacker", o.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("someone-else", o.Reason, StringComparison.Ordinal);
        });
    }
}
