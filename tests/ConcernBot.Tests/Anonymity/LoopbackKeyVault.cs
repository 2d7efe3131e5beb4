using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConcernBot.Tests.Anonymity;

/// <summary>
/// A fake Azure Key Vault on 127.0.0.1 (Kestrel), implementing only what the key ring uses, with the REST shapes of
/// api-version 7.4: set, get and list secrets; wrapkey and unwrapkey (RSA-OAEP-256) with an RSA key that never leaves it.
/// Requests without the expected bearer token are refused with 401.
/// </summary>
public sealed class LoopbackKeyVault : IAsyncDisposable
{
    public const string Token = "fake-vault-token";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, JsonObject> _secrets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, RSA> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _requests = new();

    private LoopbackKeyVault(WebApplication app) => _app = app;

    public Uri Uri { get; private set; } = null!;

    public IReadOnlyCollection<string> SecretNames => [.. _secrets.Keys];

    public IReadOnlyDictionary<string, string> SecretValues => _secrets.ToDictionary(p => p.Key, p => p.Value["value"]!.GetValue<string>());

    /// <summary>Method and path of every request, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<LoopbackKeyVault> StartAsync(params string[] rsaKeyNames)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var vault = new LoopbackKeyVault(app);
        foreach (var name in rsaKeyNames)
        {
            vault._keys[name] = RSA.Create(2048);
        }

        app.Use(async (context, next) =>
        {
            vault._requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            if (context.Request.Query["api-version"] != "7.4" || context.Request.Headers.Authorization != $"Bearer {Token}")
            {
                context.Response.StatusCode = (int)HttpStatusCode.Unauthorized;
                return;
            }

            await next(context);
        });
        app.MapPut("/secrets/{name}", async (string name, HttpRequest request) =>
        {
            var body = await JsonNode.ParseAsync(request.Body) as JsonObject;
            var secret = new JsonObject
            {
                ["value"] = body?["value"]?.GetValue<string>(),
                ["contentType"] = body?["contentType"]?.GetValue<string>(),
                ["id"] = $"{vault.Uri}secrets/{name}/{Guid.NewGuid():N}",
            };
            vault._secrets[name] = secret;
            return Results.Json(secret);
        });
        app.MapGet("/secrets/{name}", (string name) =>
            vault._secrets.TryGetValue(name, out var secret) ? Results.Json(secret) : Results.NotFound());
        app.MapGet("/secrets", (int? maxresults, string? skip) =>
        {
            // Pages of at most 2, so the client must follow nextLink.
            var names = vault._secrets.Keys.Order(StringComparer.Ordinal).ToList();
            var start = int.TryParse(skip, out var s) ? s : 0;
            var page = names.Skip(start).Take(Math.Min(maxresults ?? 25, 2)).Select(n => (JsonNode)new JsonObject { ["id"] = $"{vault.Uri}secrets/{n}" }).ToArray();
            var result = new JsonObject { ["value"] = new JsonArray(page) };
            result["nextLink"] = start + page.Length < names.Count ? $"{vault.Uri}secrets?api-version=7.4&maxresults=2&skip={start + page.Length}" : null;
            return Results.Json(result);
        });
        app.MapPost("/keys/{name}/wrapkey", async (string name, HttpRequest request) =>
        {
            if (!vault._keys.TryGetValue(name, out var rsa))
            {
                return Results.NotFound();
            }

            var body = await JsonNode.ParseAsync(request.Body);
            if (body?["alg"]?.GetValue<string>() != "RSA-OAEP-256")
            {
                return Results.BadRequest();
            }

            var wrapped = rsa.Encrypt(FromBase64Url(body["value"]!.GetValue<string>()), RSAEncryptionPadding.OaepSHA256);
            return Results.Json(new JsonObject { ["kid"] = $"{vault.Uri}keys/{name}/v1", ["value"] = ToBase64Url(wrapped) });
        });
        app.MapPost("/keys/{name}/{version}/unwrapkey", async (string name, string version, HttpRequest request) =>
        {
            if (!vault._keys.TryGetValue(name, out var rsa) || version != "v1")
            {
                return Results.NotFound();
            }

            var body = await JsonNode.ParseAsync(request.Body);
            var key = rsa.Decrypt(FromBase64Url(body!["value"]!.GetValue<string>()), RSAEncryptionPadding.OaepSHA256);
            return Results.Json(new JsonObject { ["kid"] = $"{vault.Uri}keys/{name}/v1", ["value"] = ToBase64Url(key) });
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        vault.Uri = new Uri(address.TrimEnd('/') + "/");
        return vault;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        foreach (var rsa in _keys.Values)
        {
            rsa.Dispose();
        }
    }

    private static string ToBase64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}

/// <summary>A credential that hands out the fake vault's token, and counts how often it was asked.</summary>
public sealed class FakeVaultCredential : Azure.Core.TokenCredential
{
    private int _requests;

    public int Requests => _requests;

    public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Assert.Equal(["https://vault.azure.net/.default"], requestContext.Scopes);
        Interlocked.Increment(ref _requests);
        return new Azure.Core.AccessToken(LoopbackKeyVault.Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
