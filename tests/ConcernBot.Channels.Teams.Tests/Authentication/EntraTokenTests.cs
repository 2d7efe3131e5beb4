namespace ConcernBot.Channels.Teams.Tests.Authentication;

/// <summary>Entra-issued tokens (Emulator with an app id, agent-to-agent): the caller must be this very app.</summary>
public sealed class EntraTokenTests : IAsyncLifetime
{
    private const string OwnTenant = "0b7e1a55-3c1d-4e59-9a2c-6d8f0e4b1a77";
    private OpenIdTestServer _server = null!;
    private TestSigningKey _entraKey = null!;
    private AuthenticatorHarness _auth = null!;

    public async Task InitializeAsync()
    {
        _server = await OpenIdTestServer.StartAsync();
        _entraKey = _server.AddEntraKey("entra-key", endorsements: null);
        _auth = AuthenticatorHarness.For(_server, configure: o => o.MicrosoftAppTenantId = OwnTenant);
    }

    public async Task DisposeAsync()
    {
        await _auth.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_v1_token_naming_this_app_in_appid_is_accepted()
    {
        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.Entra(_entraKey, "1.0", TestTokens.BotFrameworkTenantV1Issuer));

        Assert.True(outcome.Succeeded, outcome.Reason);
    }

    [Fact]
    public async Task A_v2_token_naming_this_app_in_azp_is_accepted()
    {
        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.Entra(_entraKey, "2.0", TestTokens.BotFrameworkTenantV2Issuer));

        Assert.True(outcome.Succeeded, outcome.Reason);
    }

    [Theory]
    [InlineData("https://sts.windows.net/" + OwnTenant + "/", "1.0")]
    [InlineData("https://login.microsoftonline.com/" + OwnTenant + "/v2.0", "2.0")]
    public async Task Tokens_from_the_bots_own_tenant_are_accepted(string issuer, string version)
    {
        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.Entra(_entraKey, version, issuer));

        Assert.True(outcome.Succeeded, outcome.Reason);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task A_token_issued_to_another_app_is_refused(string version)
    {
        var issuer = version == "2.0" ? TestTokens.BotFrameworkTenantV2Issuer : TestTokens.BotFrameworkTenantV1Issuer;

        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.Entra(_entraKey, version, issuer, callerAppId: "another-app"));

        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task A_v2_token_that_names_the_app_only_in_appid_is_refused()
    {
        // v2.0 tokens carry the caller in azp: an appid claim must not stand in for it.
        var token = TestTokens.Create(_entraKey.Credentials(), TestTokens.BotFrameworkTenantV2Issuer, TestTokens.AppId,
            new Dictionary<string, object> { ["ver"] = "2.0", ["appid"] = TestTokens.AppId }, null, null);

        var outcome = await _auth.AuthenticateTokenAsync(token);

        Assert.False(outcome.Succeeded);
    }

    [Theory]
    [InlineData("https://sts.windows.net/9f8e7d6c-0000-4000-8000-000000000001/")]
    [InlineData("https://login.microsoftonline.com/9f8e7d6c-0000-4000-8000-000000000001/v2.0")]
    public async Task A_token_from_an_unknown_tenant_is_refused(string issuer)
    {
        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.Entra(_entraKey, issuer.EndsWith("v2.0", StringComparison.Ordinal) ? "2.0" : "1.0", issuer));

        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task An_entra_key_endorsed_for_other_channels_only_is_refused()
    {
        var emulatorOnly = _server.AddEntraKey("emulator-key", "emulator");

        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.Entra(emulatorOnly, "1.0", TestTokens.BotFrameworkTenantV1Issuer));

        Assert.False(outcome.Succeeded);
    }

    [Fact]
    public async Task An_entra_token_without_a_serviceurl_claim_does_not_make_the_service_url_trusted()
    {
        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.Entra(_entraKey, "1.0", TestTokens.BotFrameworkTenantV1Issuer));

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.False(_auth.Trusted.IsTrusted(TestTokens.ServiceUrl));
    }

    [Fact]
    public async Task A_bot_framework_signed_token_claiming_an_entra_issuer_is_refused()
    {
        // The issuer picks the metadata: an Entra issuer sends the check to the Entra keys, which do not hold this key.
        var teamsKey = _server.AddBotFrameworkKey("teams-only-key", "msteams");

        var outcome = await _auth.AuthenticateTokenAsync(TestTokens.BotFramework(teamsKey, issuer: TestTokens.BotFrameworkTenantV1Issuer));

        Assert.False(outcome.Succeeded);
    }
}
