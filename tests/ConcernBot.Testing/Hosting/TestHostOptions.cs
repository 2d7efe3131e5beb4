using ConcernBot.Channels.Turns;
using ConcernBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Testing;

/// <summary>
/// How a <see cref="TestHost"/> is set up. Every option is off or empty unless set: the presets
/// (<see cref="TestHost.Intake"/>, <see cref="TestHost.Leads"/>, <see cref="TestHost.Playground"/>) fill in what theirs need.
/// </summary>
public sealed record TestHostOptions
{
    /// <summary>The host environment: Development, where appsettings.Development.json lets token-less loopback requests in.</summary>
    public string Environment { get; init; } = "Development";

    /// <summary>
    /// A data folder that outlives the host (a restart, or a second host on the same store and key ring); the host makes one
    /// of its own, deleted with it, when null.
    /// </summary>
    public TestDataFolder? Data { get; init; }

    /// <summary>A preset's settings, over the data folder's; a test may give its own set instead.</summary>
    public IReadOnlyDictionary<string, string?>? Preset { get; init; }

    /// <summary>The test's own settings: over the data folder's and the preset's.</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; init; }

    /// <summary>
    /// Runs the host on a fake clock set to this time, without the outbox dispatcher's own loop: the test delivers the
    /// outbox when it chooses (<see cref="TestHost.DeliverOutboxAsync"/>). The real clock, and the dispatcher's loop, when null.
    /// </summary>
    public DateTimeOffset? ClockStart { get; init; }

    /// <summary>Where the host's log lines are captured; a provider of its own when null. Give one to read it after the host stops.</summary>
    public CapturingLoggerProvider? Logs { get; init; }

    /// <summary>Channel adapters beside Teams (e.g. an <see cref="InMemoryChannel"/>).</summary>
    public IReadOnlyList<IChannelAdapter> Channels { get; init; } = [];

    /// <summary>Wraps the product's concern store (e.g. in a GatedConcernStore).</summary>
    public Func<IConcernStore, IConcernStore>? WrapConcerns { get; init; }

    /// <summary>
    /// Puts a <see cref="CountingConversationStore"/> straight on the SQLite conversation store, in place of the product's
    /// own composition (sealed, shared within a turn).
    /// </summary>
    public bool CountConversations { get; init; }

    /// <summary>More services for the test, registered after everything else (they may replace the product's).</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>Listens on this loopback port with Kestrel (a real socket, for the Playground) instead of in memory.</summary>
    public int? Port { get; init; }

    /// <summary>Keeps the real Bot Connector client (the Playground answers it); <see cref="TestHost.Connector"/> then sees nothing.</summary>
    public bool RealConnector { get; init; }
}
