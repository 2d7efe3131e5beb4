using System.Net.Http.Headers;
using System.Text;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConcernBot.Tests.Support;

/// <summary>
/// The real web host (Program) in memory, with the connector replaced by a <see cref="FakeTeamsConnector"/>.
/// Defaults to Development, where appsettings.Development.json lets token-less loopback requests in.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private readonly TestDataFolder _data;

    private BotHost(WebApplicationFactory<Program> factory, FakeTeamsConnector connector, TestDataFolder data)
    {
        _factory = factory;
        _data = data;
        Connector = connector;
        Client = factory.CreateClient();
    }

    public FakeTeamsConnector Connector { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>
    /// A client without the factory's redirect handler, which buffers request bodies and so always sends Content-Length.
    /// The caller disposes it.
    /// </summary>
    public HttpClient CreateRawClient() => _factory.Server.CreateClient();

    /// <param name="environment">The host environment name.</param>
    /// <param name="settings">
    /// Configuration that wins over appsettings (e.g. MicrosoftAppId). Unless it names them, the store and the key ring
    /// live in a temporary folder of this host's own, deleted when it is disposed.
    /// </param>
    /// <param name="services">Replace services after the app registered its own (ConfigureTestServices).</param>
    /// <param name="logs">An extra logger provider, e.g. <see cref="CapturingLoggerProvider"/>.</param>
    /// <param name="fakeConnector">False keeps the real HTTP connector client (for a <see cref="LoopbackBotConnector"/>).</param>
    public static BotHost Start(
        string environment = "Development",
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        ILoggerProvider? logs = null,
        bool fakeConnector = true)
    {
        var connector = new FakeTeamsConnector();
        var data = new TestDataFolder();
        var effective = new Dictionary<string, string?>(data.Settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            effective[key] = value;
        }

#pragma warning disable CA2000 // the BotHost owns and disposes the factory
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
#pragma warning restore CA2000
        {
            builder.UseEnvironment(environment);
            builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(effective));

            // Also as host settings: Program reads some (e.g. the Application Insights connection string) before the app's
            // configuration callbacks run.
            foreach (var (key, value) in effective)
            {
                builder.UseSetting(key, value);
            }

            if (logs is not null)
            {
                builder.ConfigureLogging(logging => logging.AddProvider(logs));
            }

            builder.ConfigureTestServices(s =>
            {
                if (fakeConnector)
                {
                    s.RemoveAll<IConnectorClient>();
                    s.AddSingleton<IConnectorClient>(connector);
                }

                services?.Invoke(s);
            });
        });
        return new BotHost(factory, connector, data);
    }

    public Task<HttpResponseMessage> PostAsync(Activity activity, string? authorization = null) =>
        PostAsync(ActivityJson.Serialize(activity), authorization);

    public async Task<HttpResponseMessage> PostAsync(string json, string? authorization = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>A request body sent without Content-Length (chunked), so the host must count bytes as they arrive.</summary>
public sealed class ChunkedContent(byte[] body) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(body).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    public static ChunkedContent Json(byte[] body)
    {
        var content = new ChunkedContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
