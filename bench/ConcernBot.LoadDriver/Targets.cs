using System.Globalization;
using System.Text.Json;

namespace ConcernBot.LoadDriver;

internal enum TargetKind
{
    ConcernBot,
    Ceiling,
    Peer,
}

/// <summary>A server under test: its process, its messaging endpoint, and how to read its memory and storage round trips.</summary>
internal sealed class Target(string name, TargetKind kind, ManagedProcess process, Uri baseUrl, Probe? probe, ManagedProcess? store) : IAsyncDisposable
{
    public string Name { get; } = name;
    public TargetKind Kind { get; } = kind;
    public ManagedProcess Process { get; } = process;
    public Uri MessagesUrl { get; } = new(baseUrl, "api/messages");
    public Uri BaseUrl { get; } = baseUrl;
    public Probe? Probe { get; } = probe;

    /// <summary>The storage emulator this host writes to (Azurite), whose CPU and memory count too.</summary>
    public ManagedProcess? Store { get; } = store;

    /// <summary>The concrete turns of each walk, as discovered on this target's own cards.</summary>
    public Dictionary<Walk, IReadOnlyList<Turn>> Walks { get; } = [];

    /// <summary>The card-press walk (parking, profiling): the first walk there is.</summary>
    public IReadOnlyList<Turn> Turns => Walks.TryGetValue(Walk.Cards, out var cards) ? cards : Walks.Values.First();

    /// <summary>Bytes of managed heap after a full collection (.NET: the probe; Node: heapUsed after gc()).</summary>
    public async Task<long?> HeapAfterCollectionAsync(HttpClient http)
    {
        if (Probe is not null)
        {
            return (await Probe.ReadAsync(collectFirst: true)).GcHeap;
        }

        if (Kind == TargetKind.Peer)
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri(BaseUrl, "_bench/memory")));
            return doc.RootElement.GetProperty("heapUsed").GetInt64();
        }

        return null;
    }

    public async Task<long?> RoundTripsAsync() => Probe is null ? null : (await Probe.ReadAsync()).RoundTrips;

    public async ValueTask DisposeAsync() => await Process.DisposeAsync();

    public override string ToString() => Name;

    public static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);
}
