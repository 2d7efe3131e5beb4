using System.Net;
using BenchmarkDotNet.Attributes;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector.Auth;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Teams.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;

namespace ConcernBot.Benchmarks;

/// <summary>
/// One reply sent through the connector client exactly as the host registers it (AddTeamsProtocol): resolving the typed
/// client, the retry pipeline, the token handler, the JSON body. "Instant" swaps the socket handler for one that answers at
/// once (the client's own cost), without an app id as in the local benchmark run, or with one and a cached token as in
/// production; "loopback" goes through the real socket handler to an in-process Kestrel on 127.0.0.1 (its allocations
/// then include the server's).
/// </summary>
[MemoryDiagnoser]
public class ConnectorBenchmarks
{
    private const string TeamsServiceUrl = "https://smba.trafficmanager.net/emea/";
    private ServiceProvider _instant = null!;
    private ServiceProvider _instantWithToken = null!;
    private ServiceProvider _loopback = null!;
    private WebApplication _server = null!;
    private string _loopbackUrl = "";
    private Activity _inbound = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _inbound = ActivityJson.TryParse(System.Text.Encoding.UTF8.GetBytes(Samples.CardSubmitJson))!;
        _instant = Build(appId: null, InstantPrimaryHandler);
        _instantWithToken = Build("00000000-0000-0000-0000-000000000002", services =>
        {
            InstantPrimaryHandler(services);
            services.AddSingleton<IConnectorTokenProvider>(new CachedToken());
        });

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.MapPost("/v3/conversations/{id}/activities", async (HttpContext http) =>
        {
            await http.Request.Body.CopyToAsync(Stream.Null);
            http.Response.StatusCode = 201;
            http.Response.ContentType = "application/json";
            await http.Response.Body.WriteAsync(InstantConnector.Answer);
        });
        await _server.StartAsync();
        _loopbackUrl = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        _loopback = Build(appId: null, _ => { });
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _instant.DisposeAsync();
        await _instantWithToken.DisposeAsync();
        await _loopback.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Benchmark(Description = "Send a reply, no app id (instant handler)")]
    public Task<ResourceResponse> SendInstant() =>
        _instant.GetRequiredService<IConnectorClient>().SendAsync(TeamsServiceUrl, "a:1x2y3z", _inbound.CreateReply("Thank you. What happened?"));

    [Benchmark(Description = "Send a reply, with a token (instant handler)")]
    public Task<ResourceResponse> SendInstantWithToken() =>
        _instantWithToken.GetRequiredService<IConnectorClient>().SendAsync(TeamsServiceUrl, "a:1x2y3z", _inbound.CreateReply("Thank you. What happened?"));

    [Benchmark(Description = "Send a reply, no app id (loopback Kestrel)")]
    public Task<ResourceResponse> SendLoopback() =>
        _loopback.GetRequiredService<IConnectorClient>().SendAsync(_loopbackUrl, "a:1x2y3z", _inbound.CreateReply("Thank you. What happened?"));

    private static void InstantPrimaryHandler(IServiceCollection services) =>
        services.Configure<HttpClientFactoryOptions>(nameof(IConnectorClient), o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = new InstantConnector()));

    private static ServiceProvider Build(string? appId, Action<IServiceCollection> customise)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = appId }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddTeamsProtocol(configuration);
        customise(services);
        return services.BuildServiceProvider();
    }

    private sealed class CachedToken : IConnectorTokenProvider
    {
        public Task<string?> GetTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.bench.token");
    }

    private sealed class InstantConnector : HttpMessageHandler
    {
        public static readonly byte[] Answer = """{"id":"1700000000002"}"""u8.ToArray();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                await request.Content.CopyToAsync(Stream.Null, cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new ByteArrayContent(Answer), RequestMessage = request };
        }
    }
}
