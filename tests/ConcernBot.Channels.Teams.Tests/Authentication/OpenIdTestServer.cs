using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConcernBot.Channels.Teams.Tests.Authentication;

/// <summary>
/// A real OpenID metadata + JWKS server on 127.0.0.1 (Kestrel, port 0), one for Bot Framework and one for Entra, serving the
/// keys a test adds. Counts the requests so tests can check the caching.
/// </summary>
public sealed class OpenIdTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<TestSigningKey> _botFrameworkKeys = [];
    private readonly List<TestSigningKey> _entraKeys = [];
    private readonly Lock _gate = new();
    private int _metadataRequests;
    private int _keyRequests;

    private OpenIdTestServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string BotFrameworkMetadataUrl => $"{BaseUrl}/botframework/v1/.well-known/openidconfiguration";

    public string EntraMetadataUrl => $"{BaseUrl}/entra/v2.0/.well-known/openid-configuration";

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public static async Task<OpenIdTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new OpenIdTestServer(app);
        app.MapGet("/botframework/v1/.well-known/openidconfiguration", () => server.Metadata("botframework"));
        app.MapGet("/entra/v2.0/.well-known/openid-configuration", () => server.Metadata("entra"));
        app.MapGet("/botframework/keys", () => server.Keys(server._botFrameworkKeys));
        app.MapGet("/entra/keys", () => server.Keys(server._entraKeys));
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return server;
    }

    public TestSigningKey AddBotFrameworkKey(string kid, params string[]? endorsements) => Add(_botFrameworkKeys, new TestSigningKey(kid, endorsements));

    public TestSigningKey AddEntraKey(string kid, params string[]? endorsements) => Add(_entraKeys, new TestSigningKey(kid, endorsements));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private TestSigningKey Add(List<TestSigningKey> keys, TestSigningKey key)
    {
        lock (_gate)
        {
            keys.Add(key);
        }

        return key;
    }

    private IResult Metadata(string source)
    {
        Interlocked.Increment(ref _metadataRequests);
        var metadata = new JsonObject
        {
            ["issuer"] = source == "botframework" ? "https://api.botframework.com" : "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["authorization_endpoint"] = $"{BaseUrl}/{source}/authorize",
            ["jwks_uri"] = $"{BaseUrl}/{source}/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256", "RS384", "RS512"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        };
        return Results.Text(metadata.ToJsonString(), "application/json");
    }

    private IResult Keys(List<TestSigningKey> keys)
    {
        Interlocked.Increment(ref _keyRequests);
        JsonArray jwks;
        lock (_gate)
        {
            jwks = new JsonArray([.. keys.Select(k => (JsonNode)k.ToJwk())]);
        }

        return Results.Text(new JsonObject { ["keys"] = jwks }.ToJsonString(), "application/json");
    }
}
