using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConcernBot.Channels.Teams.Tests.Authentication;
using ConcernBot.Testing;

namespace ConcernBot.Tests.Workspace;

/// <summary>
/// The leads' tab as Teams drives it: a loopback OpenID server with the test's own keys stands in for Entra, tokens are
/// made as <c>authentication.getAuthToken()</c> hands them to the page, and the workspace API is called with them.
/// </summary>
internal sealed class WorkspaceTab : IAsyncDisposable
{
    public const string AppId = "0c8a9f51-7d2e-4c3b-9a61-5e4f3d2c1b0a";
    public const string Audience = "api://concernbot.example.org/" + AppId;
    public const string OakService = "oak";
    public static readonly Person Olive = new("00000000-0000-0000-0000-0000000000a1", "Olive Oak-Lead", "29:olive");

    private WorkspaceTab(OpenIdTestServer entra, TestSigningKey key, TestHost host)
    {
        Entra = entra;
        Key = key;
        Host = host;
    }

    public OpenIdTestServer Entra { get; }
    public TestSigningKey Key { get; }
    public TestHost Host { get; }

    /// <summary>The leads' host (Asha, Ben designated; Dee deputy) with Olive a lead of another service, Oak House.</summary>
    public static async Task<WorkspaceTab> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development", int? port = null, DateTimeOffset? clockStart = null)
    {
        var entra = await OpenIdTestServer.StartAsync();
        var key = entra.AddEntraKey("tab-key-1");
        var all = new Dictionary<string, string?>
        {
            ["TabSignIn:ApplicationIdUri"] = Audience,
            ["TabSignIn:OpenIdMetadataUrl"] = entra.EntraMetadataUrl,
            [$"Leads:Services:{OakService}:Name"] = "Oak House",
            [$"Leads:Services:{OakService}:Designated:0:ObjectId"] = Olive.ObjectId,
            [$"Leads:Services:{OakService}:Designated:0:Name"] = Olive.Name,
            [$"Leads:Services:{OakService}:EscalationContact:ObjectId"] = People.Erin.ObjectId,
            [$"Leads:Services:{OakService}:EscalationContact:Name"] = People.Erin.Name,
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        var host = TestHost.Leads(new TestHostOptions { Settings = all, Environment = environment, Port = port, ClockStart = clockStart });
        return new WorkspaceTab(entra, key, host);
    }

    /// <summary>A tab token as Entra issues it for this app's API: v2.0, the tenant's own issuer, oid and tid.</summary>
    public string Token(
        Person person,
        string tenant = People.Tenant,
        string? issuerTenant = null,
        string audience = Audience,
        TestSigningKey? key = null,
        DateTime? expires = null,
        DateTime? notBefore = null,
        string clientApp = "5e3ce6c0-2b1f-4285-8d4b-75ee78787346")
    {
        var claims = new Dictionary<string, object>
        {
            ["ver"] = "2.0",
            ["oid"] = person.ObjectId,
            ["tid"] = tenant,
            ["name"] = person.Name,
            ["azp"] = clientApp,
            ["scp"] = "access_as_user",
        };
        return TestTokens.Create((key ?? Key).Credentials(), $"https://login.microsoftonline.com/{issuerTenant ?? tenant}/v2.0", audience, claims, notBefore, expires);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? authorization) => SendAsync(HttpMethod.Get, path, authorization, null, null);

    public Task<HttpResponseMessage> ActAsync(string reference, string? authorization, object body, string? etag) =>
        SendAsync(HttpMethod.Post, $"/workspace/api/cases/{reference}/actions", authorization, JsonSerializer.Serialize(body), etag);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? authorization, string? json, string? etag, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await (client ?? Host.Client).SendAsync(request);
    }

    /// <summary>Submits the concern as the intake would and delivers the outbox: it reaches its leads (by channel or 1:1).</summary>
    public async Task RouteAsync(ConcernBot.Concerns.Concern concern)
    {
        await ConcernBot.Tests.Support.SampleConcerns.SubmitAsync(Host, concern);
        Assert.Contains("concern.submitted", await Host.DeliverOutboxAsync());
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonElement>());

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Entra.DisposeAsync();
    }
}
