using System.Security.Cryptography;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Authentication;
using ConcernBot.Channels.Teams.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConcernBot.Benchmarks;

/// <summary>
/// Inbound authentication of one activity as the host does it (IActivityAuthenticator from AddTeamsProtocol), with the
/// OpenID metadata and keys already cached: served once by a loopback metadata server, as login.botframework.com would.
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private const string AppId = "5d4b6a0e-1c2f-4b8a-9e3d-7f6a5b4c3d2e";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private WebApplication _metadataServer = null!;
    private ServiceProvider _services = null!;
    private IActivityAuthenticator _authenticator = null!;
    private RSA _rsa = null!;
    private Activity _activity = null!;
    private string _header = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(_rsa) { KeyId = "bench-key" };
        _metadataServer = await StartMetadataServerAsync(_rsa.ExportParameters(false));
        var baseUrl = _metadataServer.Urls.First().TrimEnd('/');

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-used-by-inbound-validation",
            ["BotFrameworkOpenIdMetadataUrl"] = $"{baseUrl}/v1/.well-known/openidconfiguration",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new BenchEnvironment());
        services.AddTeamsProtocol(configuration);
        _services = services.BuildServiceProvider();
        _authenticator = _services.GetRequiredService<IActivityAuthenticator>();

        _activity = ActivityJson.TryParse(System.Text.Encoding.UTF8.GetBytes(Samples.CardSubmitJson))!;
        var now = DateTime.UtcNow;
        _header = "Bearer " + new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(2),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });

        var first = await _authenticator.AuthenticateAsync(_header, _activity, CancellationToken.None);
        if (!first.Succeeded)
        {
            throw new InvalidOperationException("The benchmark token does not validate: " + first.Reason);
        }
    }

    [Benchmark(Description = "Validate a Bot Framework token (keys cached)")]
    public Task<AuthenticationOutcome> Validate() => _authenticator.AuthenticateAsync(_header, _activity, CancellationToken.None);

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        await _metadataServer.StopAsync();
        await _metadataServer.DisposeAsync();
        _rsa.Dispose();
    }

    private static async Task<WebApplication> StartMetadataServerAsync(RSAParameters publicKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/v1/.well-known/openidconfiguration", (HttpContext http) => Results.Text(new JsonObject
        {
            ["issuer"] = "https://api.botframework.com",
            ["authorization_endpoint"] = "https://invalid.example/authorize",
            ["jwks_uri"] = $"{http.Request.Scheme}://{http.Request.Host}/v1/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }.ToJsonString(), "application/json"));
        app.MapGet("/v1/keys", () => Results.Text(new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = "bench-key",
                ["n"] = Base64UrlEncoder.Encode(publicKey.Modulus),
                ["e"] = Base64UrlEncoder.Encode(publicKey.Exponent),
                ["endorsements"] = new JsonArray("msteams"),
            }),
        }.ToJsonString(), "application/json"));
        await app.StartAsync();
        return app;
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "ConcernBot.Benchmarks";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
