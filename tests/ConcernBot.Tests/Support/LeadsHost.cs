using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConcernBot.Storage;
using ConcernBot.Teams.Connector;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using ConcernBot.Tests.Leads;

namespace ConcernBot.Tests.Support;

/// <summary>The real host, with a recording connector, the stores, and a fake clock.</summary>
public sealed class LeadsHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public LeadsHost(Dictionary<string, string?>? settings = null, DateTimeOffset? start = null, Func<IConcernStore, IConcernStore>? wrapConcerns = null)
    {
        _settings = settings ?? People.Settings();
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        WrapConcerns = wrapConcerns;
        Connector.Members[People.LeadsChannel] = [People.Asha.AsMember(), People.Ben.AsMember(), People.Dee.AsMember(), People.Nick.AsMember()];
    }

    public FakeTimeProvider Clock { get; }
    public LeadsConnector Connector { get; } = new();
    public InMemoryStores Stores { get; } = new();
    private Func<IConcernStore, IConcernStore>? WrapConcerns { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IConnectorClient>();
            services.AddSingleton<IConnectorClient>(Connector);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IConcernStore>(WrapConcerns is null ? Stores : WrapConcerns(Stores));
            services.AddSingleton<IAuditLog>(Stores);
            services.AddSingleton<IOutbox>(Stores);
            services.AddSingleton<ISettingsStore>(Stores);
            services.AddSingleton<ITeamStore>(Stores);
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

    /// <summary>Delivers every due outbox message that has a handler here (as the dispatcher would); returns the kinds delivered.</summary>
    public async Task<IReadOnlyList<string>> DeliverOutboxAsync()
    {
        var handlers = Services.GetServices<IOutboxHandler>().ToDictionary(h => h.Kind);
        var delivered = new List<string>();
        var claimed = await Stores.ClaimDueAsync(Clock.GetUtcNow(), 100, TimeSpan.FromMinutes(5));
        foreach (var message in claimed)
        {
            if (handlers.TryGetValue(message.Message.Kind, out var handler))
            {
                await handler.DeliverAsync(message.Message, CancellationToken.None);
                await Stores.CompleteAsync(message);
                delivered.Add(message.Message.Kind);
            }
            else
            {
                await Stores.ReleaseAsync(message, Clock.GetUtcNow().AddYears(1));
            }
        }

        return delivered;
    }
}
