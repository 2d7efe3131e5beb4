using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using ConcernBot.Channels.Teams.Authentication;
using ConcernBot.Channels.Teams.Connector.Auth;
using ConcernBot.Channels.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ConcernBot.Channels.Teams.Tests.Connector;

/// <summary>Where outbound tokens come from, by MicrosoftAppType; MSAL is run for real against a loopback HTTPS authority.</summary>
public sealed class ConnectorTokenProviderTests
{
    private const string AppId = "6f1c2a3b-0000-4000-8000-000000000001";
    private const string TenantId = "7e2d3c4b-0000-4000-8000-000000000002";

    [Theory]
    [InlineData(BotAppType.MultiTenant, null, "https://login.microsoftonline.com", "https://login.microsoftonline.com/botframework.com")]
    [InlineData(BotAppType.SingleTenant, TenantId, "https://login.microsoftonline.com", "https://login.microsoftonline.com/" + TenantId)]
    [InlineData(BotAppType.SingleTenant, TenantId, "https://login.microsoftonline.us/", "https://login.microsoftonline.us/" + TenantId)]
    public void The_authority_is_botframework_com_for_multi_tenant_and_the_tenant_for_single_tenant(BotAppType type, string? tenant, string host, string expected)
    {
        var options = new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "pw", MicrosoftAppType = type, MicrosoftAppTenantId = tenant, AuthorityHost = host };

        Assert.Equal(expected, new MsalConnectorTokenProvider(options).Authority);
    }

    [Fact]
    public async Task A_single_tenant_bot_without_a_tenant_id_stops_the_host_at_startup()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.Configure<BotAuthenticationOptions>(o =>
        {
            o.MicrosoftAppId = AppId;
            o.MicrosoftAppPassword = "pw";
            o.MicrosoftAppType = BotAppType.SingleTenant;
        });
        builder.Services.AddBotConnector();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MicrosoftAppTenantId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, BotAppType.MultiTenant, typeof(NoConnectorTokenProvider))]
    [InlineData(AppId, BotAppType.MultiTenant, typeof(MsalConnectorTokenProvider))]
    [InlineData(AppId, BotAppType.SingleTenant, typeof(MsalConnectorTokenProvider))]
    [InlineData(AppId, BotAppType.UserAssignedMSI, typeof(ManagedIdentityConnectorTokenProvider))]
    public async Task The_app_type_chooses_the_token_source(string? appId, BotAppType type, Type expected)
    {
        var services = new ServiceCollection();
        services.Configure<BotAuthenticationOptions>(o =>
        {
            o.MicrosoftAppId = appId;
            o.MicrosoftAppPassword = "pw";
            o.MicrosoftAppType = type;
            o.MicrosoftAppTenantId = TenantId;
        });
        services.AddBotConnector();
        await using var provider = services.BuildServiceProvider();

        var tokens = provider.GetRequiredService<IConnectorTokenProvider>();

        Assert.IsType(expected, tokens);
        if (appId is null)
        {
            Assert.Null(await tokens.GetTokenAsync(CancellationToken.None));
        }
    }

    [Theory]
    [InlineData(BotAppType.MultiTenant, "botframework.com")]
    [InlineData(BotAppType.SingleTenant, TenantId)]
    public async Task MSAL_asks_the_right_authority_for_a_client_credentials_token_and_caches_it(BotAppType type, string tenantSegment)
    {
        using var certificate = CreateLoopbackCertificate();
        await using var authority = await LoopbackConnector.StartAsync(certificate);
        authority.Default = new ScriptedResponse(200, """{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"msal-issued-token"}""");
        using var http = PinnedClient(certificate);
        var provider = CreateProvider(authority, http, type);

        var first = await provider.GetTokenAsync(CancellationToken.None);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("msal-issued-token", first);
        Assert.Equal(first, second);
        var request = Assert.Single(authority.Requests); // the second token came from MSAL's in-memory cache
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/{tenantSegment}/oauth2/v2.0/token", request.Path);
        var form = System.Web.HttpUtility.ParseQueryString(request.Body);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);
        Assert.Equal("s3cret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task A_refused_token_request_surfaces_the_AADSTS_code_without_the_app_details()
    {
        using var certificate = CreateLoopbackCertificate();
        await using var authority = await LoopbackConnector.StartAsync(certificate);
        authority.Default = new ScriptedResponse(400, """{"error":"unauthorized_client","error_description":"AADSTS700016: Application with identifier '6f1c2a3b-0000-4000-8000-000000000001' was not found in the directory 'botframework.com'.","error_codes":[700016]}""");
        using var http = PinnedClient(certificate);
        var provider = CreateProvider(authority, http, BotAppType.MultiTenant);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => provider.GetTokenAsync(CancellationToken.None));

        Assert.Equal(ConnectorException.TokenUnavailable, error.ErrorCode);
        Assert.Contains("AADSTS700016", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AppId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_bot_without_a_password_says_what_is_missing()
    {
        var provider = new MsalConnectorTokenProvider(new BotAuthenticationOptions { MicrosoftAppId = AppId });

        var error = await Assert.ThrowsAsync<ConnectorException>(() => provider.GetTokenAsync(CancellationToken.None));

        Assert.Contains("MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }

    private static MsalConnectorTokenProvider CreateProvider(LoopbackConnector authority, HttpClient http, BotAppType type)
    {
        var options = new BotAuthenticationOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = "s3cret",
            MicrosoftAppType = type,
            MicrosoftAppTenantId = type == BotAppType.SingleTenant ? TenantId : null,
            AuthorityHost = authority.BaseUrl,
        };
        return new MsalConnectorTokenProvider(options, builder => builder
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new PinnedCertificateHttpClientFactory(http)));
    }

    private static X509Certificate2 CreateLoopbackCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }

    /// <summary>MSAL's HTTP, trusting exactly the test's self-signed loopback certificate.</summary>
    private sealed class PinnedCertificateHttpClientFactory(HttpClient client) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => client;
    }

    private static HttpClient PinnedClient(X509Certificate2 certificate) => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && presented.Thumbprint == certificate.Thumbprint,
    });
}
