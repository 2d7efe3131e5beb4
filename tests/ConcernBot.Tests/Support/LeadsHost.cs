using System.Text.Json.Nodes;
using System.Text.Json;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Storage.Outbox;
using ConcernBot.Storage;
using ConcernBot.Tests.Leads;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ConcernBot.Tests.Support;

/// <summary>
/// The real host with the real SQLite store (a temporary file), a recording connector and a fake clock. The outbox
/// dispatcher's own loop is slowed to a month of fake time, so tests deliver the outbox when they choose.
/// </summary>
public sealed class LeadsHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _folder = Directory.CreateTempSubdirectory("concernbot-leads-").FullName;
    private readonly Func<IConcernStore, IConcernStore>? _wrapConcerns;

    public LeadsHost(Dictionary<string, string?>? settings = null, DateTimeOffset? start = null, Func<IConcernStore, IConcernStore>? wrapConcerns = null, string? sharedDatabase = null, Chat.InMemoryChannel? secondChannel = null)
    {
        SecondChannel = secondChannel;
        DatabasePath = sharedDatabase ?? Path.Combine(_folder, "concernbot.db");
        _settings = settings ?? People.Settings();
        _settings["Storage:Provider"] = "Sqlite";
        _settings["Storage:Sqlite:Path"] = DatabasePath;
        _settings["Storage:Outbox:PollInterval"] = "30.00:00:00";
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        _wrapConcerns = wrapConcerns;
        Connector.Members[People.LeadsChannel] = [People.Asha.AsMember(), People.Ben.AsMember(), People.Dee.AsMember(), People.Nick.AsMember()];
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>More services for a test (registered last).</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>A second channel beside Teams, when the test gave one.</summary>
    public Chat.InMemoryChannel? SecondChannel { get; }

    /// <summary>The host's environment (Development unless a test needs Production's start-up checks).</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>Every log line the host writes.</summary>
    public CapturingLoggerProvider Logs { get; } = new();
    public FakeTeamsConnector Connector { get; } = new();
    /// <summary>The SQLite file; pass it to a second host to run two instances on one store.</summary>
    public string DatabasePath { get; }
    public HostStores Stores => new(Services, DatabasePath);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IConnectorClient>();
            services.AddSingleton<IConnectorClient>(Connector);
            ExtraServices?.Invoke(services);
            if (SecondChannel is { } second)
            {
                services.AddSingleton<ConcernBot.Channels.Turns.IChannelAdapter>(second);
            }

            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);

            // The tests deliver the outbox themselves (DeliverOutboxAsync) and look at what that delivered: the host's own
            // dispatcher, woken by every outbox write, would race them for it.
            var dispatcher = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationFactory?.Method.ReturnType == typeof(OutboxDispatcher));
            services.Remove(dispatcher);
            if (_wrapConcerns is { } wrap && services.LastOrDefault(d => d.ServiceType == typeof(IConcernStore)) is { ImplementationFactory: { } factory } descriptor)
            {
                services.Remove(descriptor);
                services.AddSingleton(sp => wrap((IConcernStore)factory(sp)));
            }
        });
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Posts one activity to /api/messages; returns the status and the body (the invoke answer).</summary>
    public async Task<(int Status, JsonElement? Body)> PostAsync(JsonObject activity)
    {
        activity["serviceUrl"] ??= People.ServiceUrl;
        activity["channelId"] ??= "msteams";
        activity["id"] ??= Guid.NewGuid().ToString("N");
        activity["recipient"] ??= new JsonObject { ["id"] = "28:bot", ["name"] = "ConcernBot" };
        using var client = CreateClient();
        using var content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled connection may still hold the file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
