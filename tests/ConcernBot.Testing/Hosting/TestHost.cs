using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Turns;
using ConcernBot.Storage.Outbox;
using ConcernBot.Storage.Sqlite;
using ConcernBot.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ConcernBot.Testing;

/// <summary>
/// The real web host (Program) for every test that needs the product whole, in memory or on a loopback port: a data folder
/// of its own (the SQLite store and the key ring), the <see cref="FakeTeamsConnector"/> in place of the Bot Connector, and
/// every log line captured; then what its <see cref="TestHostOptions"/> add. The presets (<see cref="Intake"/>,
/// <see cref="Leads"/>, <see cref="Playground"/>) are the set-ups the tests share; <see cref="With"/> takes any other.
/// </summary>
public sealed partial class TestHost : WebApplicationFactory<Program>
{
    private readonly TestHostOptions _options;
    private readonly TestDataFolder? _ownData;
    private readonly FakeTimeProvider? _clock;
    private readonly Dictionary<string, string?> _settings;
    private HttpClient? _client;
    private bool _disposed;

    /// <summary>The host as it runs locally: Development, a data folder of its own, the fake connector.</summary>
    public TestHost()
        : this(new TestHostOptions())
    {
    }

    private TestHost(TestHostOptions options)
    {
        _options = options;
        _ownData = options.Data is null ? new TestDataFolder() : null;
        Data = options.Data ?? _ownData!;
        Logs = options.Logs ?? new CapturingLoggerProvider();
        _clock = options.ClockStart is { } start ? new FakeTimeProvider(start) : null;
        _settings = new Dictionary<string, string?>(Data.Settings);
        if (_clock is not null)
        {
            // The dispatcher's own loop is removed (ConfigureServices); this keeps anything else polling the outbox asleep.
            _settings["Storage:Outbox:PollInterval"] = "30.00:00:00";
        }

        foreach (var (key, value) in (options.Preset ?? new Dictionary<string, string?>()).Concat(options.Settings ?? new Dictionary<string, string?>()))
        {
            _settings[key] = value;
        }

        if (options.Port is { } port)
        {
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        }
    }

    /// <summary>A host set up exactly as <paramref name="options"/> says.</summary>
    public static TestHost With(TestHostOptions options) => new(options);

    /// <summary>Every call the bot made to the connector (nothing when <see cref="TestHostOptions.RealConnector"/>).</summary>
    public FakeTeamsConnector Connector { get; } = new();

    /// <summary>Every log line the host writes.</summary>
    public CapturingLoggerProvider Logs { get; }

    /// <summary>The data folder: the host's own, or the one its options gave.</summary>
    public TestDataFolder Data { get; }

    /// <summary>The SQLite file the host stores in (the settings may put it outside <see cref="Data"/>).</summary>
    public string DatabasePath => _settings["Storage:Sqlite:Path"]!;

    /// <summary>The fake clock (<see cref="TestHostOptions.ClockStart"/>).</summary>
    public FakeTimeProvider Clock => _clock ?? throw new InvalidOperationException("This host runs on the real clock: give it a ClockStart.");

    /// <summary>A client of the host, made on first use and disposed with it.</summary>
    public HttpClient Client => _client ??= CreateClient();

    /// <summary>The loopback port the host listens on (<see cref="TestHostOptions.Port"/>).</summary>
    public int Port => _options.Port ?? throw new InvalidOperationException("This host runs in memory: give it a Port.");

    public Uri MessagesEndpoint => MessagesEndpointAt(Port);

    /// <summary>The conversation store counting saves (<see cref="TestHostOptions.CountConversations"/>).</summary>
    public CountingConversationStore Conversations => Get<CountingConversationStore>();

    public HostStores Stores => new(Services, DatabasePath);

    /// <summary>Where a host listening on <paramref name="port"/> takes activities.</summary>
    public static Uri MessagesEndpointAt(int port) => new($"http://127.0.0.1:{port}/api/messages");

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// A client without the factory's redirect handler, which buffers request bodies and so always sends Content-Length.
    /// The caller disposes it.
    /// </summary>
    public HttpClient CreateRawClient() => Server.CreateClient();

    /// <summary>A 1:1 chat with the bot, as <paramref name="user"/> (someone new, Ada, when null).</summary>
    public TeamsChat Chat(TeamsUser? user = null) => new(Client, Connector, user ?? TeamsUser.Ada());

    /// <summary>Posts one activity to /api/messages; the caller disposes the response.</summary>
    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? authorization = null) => PostAsync(activity.ToJsonString(), authorization);

    /// <summary>Posts a body, activity or not, to /api/messages; the caller disposes the response.</summary>
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

    /// <summary>Posts one activity to /api/messages; returns the status and the body (the invoke answer).</summary>
    public async Task<(int Status, JsonElement? Body)> TurnAsync(JsonObject activity)
    {
        using var response = await PostAsync(activity);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>
    /// Runs the real outbox dispatcher until nothing this app handles is due (failed deliveries wait for their retry);
    /// returns the kinds delivered meanwhile, by this call or by the dispatcher's own loop.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeliverOutboxAsync()
    {
        var handled = Services.GetServices<IOutboxHandler>().Select(h => h.Kind).ToHashSet(StringComparer.Ordinal);
        var before = Stores.OutboxRows().Where(r => r.Delivered).Select(r => r.Message.Id).ToHashSet(StringComparer.Ordinal);
        var dispatcher = Get<OutboxDispatcher>();
        for (var round = 0; round < 200; round++)
        {
            await dispatcher.DispatchDueAsync(CancellationToken.None);
            var now = Clock.GetUtcNow().UtcTicks;
            if (!Stores.OutboxRows().Any(r => !r.Delivered && handled.Contains(r.Message.Kind) && r.DueTicks <= now))
            {
                break;
            }

            await Task.Delay(25);
        }

        return [.. Stores.OutboxRows().Where(r => r.Delivered && !before.Contains(r.Message.Id)).Select(r => r.Message.Kind)];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_options.Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(ReplaceServices);
    }

    private void ReplaceServices(IServiceCollection services)
    {
        if (!_options.RealConnector)
        {
            services.RemoveAll<IConnectorClient>();
            services.AddSingleton<IConnectorClient>(Connector);
        }

        if (_options.CountConversations)
        {
            services.RemoveAll<IConversationStore>();
            services.AddSingleton(sp => new CountingConversationStore(new SqliteConversationStore(sp.GetRequiredService<SqliteDatabase>())));
            services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<CountingConversationStore>());
        }

        foreach (var channel in _options.Channels)
        {
            services.AddSingleton<IChannelAdapter>(channel);
        }

        if (_clock is not null)
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);

            // The tests deliver the outbox themselves (DeliverOutboxAsync) and look at what that delivered: the host's own
            // dispatcher, woken by every outbox write, would race them for it.
            var dispatcher = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.ReturnType == typeof(OutboxDispatcher));
            services.Remove(dispatcher);
        }

        if (_options.WrapConcerns is { } wrap && services.LastOrDefault(d => d.ServiceType == typeof(IConcernStore)) is { ImplementationFactory: { } factory } descriptor)
        {
            services.Remove(descriptor);
            services.AddSingleton(sp => wrap((IConcernStore)factory(sp)));
        }

        _options.ExtraServices?.Invoke(services);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteData();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeleteData();
    }

    /// <summary>After the host has stopped and let go of the SQLite file.</summary>
    private void DeleteData()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        SqliteConnection.ClearAllPools();
        _ownData?.Dispose();
    }
}
