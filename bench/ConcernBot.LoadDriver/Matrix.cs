using System.Diagnostics;
using System.Globalization;

namespace ConcernBot.LoadDriver;

internal sealed record MatrixOptions
{
    public required string RepoRoot { get; init; }
    public string Configuration { get; init; } = "Release";
    public IReadOnlyList<int> Concurrencies { get; init; } = [1, 10, 100];
    public IReadOnlyList<string> Providers { get; init; } = ["Sqlite", "AzureTables"];
    public IReadOnlyList<int> SeededConcerns { get; init; } = [0, 10_000];

    /// <summary>The walks through the concern played against every target: the card presses and the typed one.</summary>
    public IReadOnlyList<Walk> Walks { get; init; } = [Walk.Cards, Walk.Typed];
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(6);
    public int ParkedConversations { get; init; } = 1000;
    public int ParkAfterTurns { get; init; } = 9;
    public int WarmupConversations { get; init; } = 100;

    /// <summary>
    /// And keep warming up for at least this long: .NET's tiered JIT and V8 are still compiling hot code after the first
    /// few thousand turns, and that compiling was billed to the first measured cell (1 conversation: 1.6 ms of CPU per
    /// turn, then 0.77 ms when the same cell was run again).
    /// </summary>
    public TimeSpan WarmupTime { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Also play each ConcernBot target at the largest concurrency with people pausing this long between turns (±50 %):
    /// the latency of a turn when 100 conversations are open but the host is not saturated. Zero: skip.
    /// </summary>
    public TimeSpan PacedThinkTime { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Play one conversation a turn at a time against each ConcernBot host (0 stored), reading its round trips after each turn.</summary>
    public bool TraceRoundTrips { get; init; } = true;

    /// <summary>After the matrix, sample the first ConcernBot host's CPU during one more run at 10 concurrent.</summary>
    public bool Profile { get; init; } = true;
    public bool IncludeReferences { get; init; } = true;

    /// <summary>Play exactly this many conversations per cell instead of running for a duration (the smoke test).</summary>
    public int? Conversations { get; init; }
    public required string OutputFolder { get; init; }
}

internal sealed record Row(string Target, Walk Walk, int Concurrency, LoadResult Result, double HostCpuMsPerTurn, double? StoreCpuMsPerTurn, double DriverCpuMsPerTurn, double? RoundTripsPerTurn, long HostRssBytes)
{
    /// <summary>ConcernBot hosts only (the probe): what the cell's turns cost the host in allocations, collections, thread-pool hops and lock contentions, in all.</summary>
    public HostCounters? Counters { get; init; }
}

internal sealed record MemoryRow(string Target, int Parked, long RssBefore, long RssAfter, long? HeapBefore, long? HeapAfter, long? StoreRssBefore, long? StoreRssAfter, double? OrdinaryTurnRoundTrips, long TurnsSent);

/// <summary>Starts every target on loopback, plays the matrix against each with the same driver, stops them by PID, and reports.</summary>
internal sealed class Matrix(MatrixOptions options)
{
    // Azurite's well-known development account (public, documented; not a secret).
    private static string AzuriteConnectionString(int port) =>
        AzuriteAccount + $"TableEndpoint=http://127.0.0.1:{Target.Port(port)}/devstoreaccount1;";

    private static string AzuriteBlobConnectionString(int port) =>
        AzuriteAccount + $"BlobEndpoint=http://127.0.0.1:{Target.Port(port)}/devstoreaccount1;";

    private const string AzuriteAccount =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;";

    public const string MemoryPeerName = "Peer (botbuilder JS 4.23.3, MemoryStorage)";
    public const string DurablePeerName = "Durable peer (botbuilder JS 4.23.3, Blob Storage on Azurite)";

    private readonly List<IAsyncDisposable> _owned = [];
    private string _connectorUrl = "";

    public List<Row> Rows { get; } = [];
    public List<MemoryRow> Memory { get; } = [];
    public List<(string Target, Walk Walk, IReadOnlyList<TurnRoundTrips> Turns)> RoundTripTraces { get; } = [];
    public List<string> Notes { get; } = [];

    /// <summary>Where the first ConcernBot host's CPU went during a separate, profiled run (not in the table).</summary>
    public string? Profile { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.OutputFolder);
        await using var connector = await LocalConnector.StartAsync();
        _connectorUrl = connector.ServiceUrl.ToString();
        using var http = LoadRun.CreateClient(options.Concurrencies.Max());
        var driver = new LoadRun(connector, http);
        var targets = new List<Target>();
        try
        {
            ManagedProcess? azurite = null;
            int azuritePort = 0;
            if (options.Providers.Contains("AzureTables"))
            {
                (azurite, azuritePort) = await StartAzuriteAsync();
            }

            var hosts = new List<Target>();
            targets = hosts;
            foreach (var provider in options.Providers)
            {
                foreach (var seeded in options.SeededConcerns)
                {
                    var name = $"ConcernBot {(provider == "Sqlite" ? "SQLite" : "Azurite")}, {seeded:N0} stored";
                    var settings = StorageSettings(provider, seeded, azuritePort);
                    if (seeded > 0)
                    {
                        var clock = Stopwatch.StartNew();
                        await Seeder.SeedAsync(settings, seeded, cancellationToken);
                        Log($"seeded {seeded} concerns for {name} in {clock.Elapsed.TotalSeconds:F1} s");
                    }

                    hosts.Add(await StartConcernBotAsync(name, settings, provider == "AzureTables" ? azurite : null));
                }
            }

            targets = [.. hosts];
            foreach (var host in hosts)
            {
                foreach (var walk in options.Walks)
                {
                    host.Walks[walk] = await driver.DiscoverAsync(host.MessagesUrl, Scripts.For(walk, peer: false), expectReceipt: true, cancellationToken);
                }
            }

            Log($"the walk-throughs are {string.Join(" and ", hosts[0].Walks.Select(w => $"{w.Value.Count} turns ({w.Key})"))}; every host answered them with a receipt");

            if (options.IncludeReferences)
            {
                // Each into the targets as soon as it has started, so that it is stopped whatever happens next.
                var ceiling = await StartCeilingAsync();
                targets.Insert(0, ceiling);
                foreach (var walk in options.Walks)
                {
                    ceiling.Walks[walk] = hosts[0].Walks[walk];
                }

                targets.Insert(1, await StartPeerAsync(MemoryPeerName, null));
                if (azurite is not null)
                {
                    var (blobs, blobPort) = await StartAzuriteBlobsAsync();
                    targets.Insert(2, await StartPeerAsync(DurablePeerName, (blobs, AzuriteBlobConnectionString(blobPort))));
                }

                foreach (var peer in targets.Where(r => r.Kind == TargetKind.Peer))
                {
                    foreach (var walk in options.Walks)
                    {
                        peer.Walks[walk] = await driver.DiscoverAsync(peer.MessagesUrl, Scripts.For(walk, peer: true), expectReceipt: true, cancellationToken);
                    }
                }
            }

            // Warm every target up first (JIT tiering, connection pools, caches): a few hundred turns, not measured.
            foreach (var target in targets.Where(_ => options.WarmupConversations > 0))
            {
                LoadResult? warm = null;
                foreach (var turns in target.Walks.Values)
                {
                    warm = await driver.RunAsync(new LoadOptions { MessagesUrl = target.MessagesUrl, Concurrency = 10, Conversations = options.WarmupConversations, ExpectReceipt = false }, turns, cancellationToken);
                    if (options.Conversations is null && options.WarmupTime > TimeSpan.Zero)
                    {
                        warm = await driver.RunAsync(new LoadOptions { MessagesUrl = target.MessagesUrl, Concurrency = 10, Warmup = TimeSpan.Zero, Duration = options.WarmupTime / target.Walks.Count, ExpectReceipt = false }, turns, cancellationToken);
                    }
                }

                Log($"{target.Name}: warmed up ({warm?.TurnsSent} turns in the last warm-up)");
            }

            foreach (var concurrency in options.Concurrencies)
            {
                foreach (var target in targets)
                {
                    foreach (var walk in options.Walks)
                    {
                        Rows.Add(await MeasureAsync(driver, target, walk, concurrency, cancellationToken));
                        Log($"{target.Name} ({walk}): {Rows[^1].Result.Summary()} cpu {Rows[^1].HostCpuMsPerTurn:F3} ms/turn rt/turn {Rows[^1].RoundTripsPerTurn:F2}");
                    }
                }
            }

            if (options.PacedThinkTime > TimeSpan.Zero)
            {
                foreach (var host in hosts)
                {
                    foreach (var walk in options.Walks)
                    {
                        Rows.Add(await MeasureAsync(driver, host, walk, options.Concurrencies.Max(), cancellationToken, options.PacedThinkTime));
                        Log($"{host.Name} ({walk}): {Rows[^1].Result.Summary()} cpu {Rows[^1].HostCpuMsPerTurn:F3} ms/turn");
                    }
                }
            }

            foreach (var host in hosts.Where(h => options.TraceRoundTrips && h.Name.EndsWith(", 0 stored", StringComparison.Ordinal)))
            {
                foreach (var walk in options.Walks)
                {
                    var trace = await driver.TraceRoundTripsAsync(host.MessagesUrl, host.Walks[walk], Scripts.For(walk, peer: false), host.Probe!, cancellationToken);
                    RoundTripTraces.Add((host.Name, walk, trace));
                    Log($"{host.Name} ({walk}): storage round trips by turn {string.Join(" ", trace.Select(t => t.Total))}");
                }
            }

            if (options.Profile && hosts.Count > 0)
            {
                // The typed walk when there is one: the path issue 18 asks about.
                var host = hosts[0];
                var run = driver.RunAsync(new LoadOptions { MessagesUrl = host.MessagesUrl, Concurrency = 10, Warmup = TimeSpan.FromSeconds(1), Duration = options.Duration }, host.Walks.GetValueOrDefault(Walk.Typed) ?? host.Turns, cancellationToken);
                Profile = await HostProfiler.TraceAsync(host.Process.Pid, run, Path.Combine(options.OutputFolder, "profile-concernbot"), cancellationToken);
                Log($"{host.Name}: profiled at 10 concurrent ({(await run).TurnsPerSecond:F0} turns/s while sampled); see profile-concernbot.speedscope.json");
            }

            foreach (var target in targets.Where(_ => options.ParkedConversations > 0).Where(t => t.Kind == TargetKind.Peer || t.Name.EndsWith(", 0 stored", StringComparison.Ordinal)))
            {
                Memory.Add(await ParkAsync(driver, http, target, cancellationToken));
                var m = Memory[^1];
                Log($"{target.Name}: parked {m.Parked}: rss {m.RssBefore / 1e6:F1} -> {m.RssAfter / 1e6:F1} MB heap {m.HeapBefore / 1e6:F1} -> {m.HeapAfter / 1e6:F1} MB, ordinary turn round trips {m.OrdinaryTurnRoundTrips:F2}");
            }
        }
        finally
        {
            foreach (var target in targets)
            {
                await target.DisposeAsync();
            }

            for (var i = _owned.Count - 1; i >= 0; i--)
            {
                await _owned[i].DisposeAsync();
            }
        }
    }

    private async Task<Row> MeasureAsync(LoadRun driver, Target target, Walk walk, int concurrency, CancellationToken cancellationToken, TimeSpan thinkTime = default)
    {
        var self = Environment.ProcessId;
        var roundTrips0 = await target.RoundTripsAsync();
        var counters0 = target.Probe is null ? null : await target.Probe.CountersAsync();
        var host0 = ProcessStats.CpuSeconds(target.Process.Pid);
        var store0 = target.Store is null ? (double?)null : ProcessStats.CpuSeconds(target.Store.Pid);
        var driver0 = ProcessStats.CpuSeconds(self);
        var result = await driver.RunAsync(new LoadOptions
        {
            MessagesUrl = target.MessagesUrl,
            Concurrency = concurrency,
            Warmup = options.Warmup,
            Duration = options.Duration,
            Conversations = options.Conversations,
            ThinkTime = thinkTime,
            ExpectReceipt = target.Kind != TargetKind.Ceiling,
        }, target.Walks[walk], cancellationToken);
        var host1 = ProcessStats.CpuSeconds(target.Process.Pid);
        var store1 = target.Store is null ? (double?)null : ProcessStats.CpuSeconds(target.Store.Pid);
        var driver1 = ProcessStats.CpuSeconds(self);
        var roundTrips1 = await target.RoundTripsAsync();
        var counters1 = target.Probe is null ? null : await target.Probe.CountersAsync();
        var sent = Math.Max(1, result.TurnsSent);
        return new Row(
            target.Name, walk, concurrency, result,
            (host1 - host0) * 1000 / sent,
            store0 is null ? null : (store1!.Value - store0.Value) * 1000 / sent,
            (driver1 - driver0) * 1000 / sent,
            roundTrips0 is null ? null : (double)(roundTrips1!.Value - roundTrips0.Value) / sent,
            ProcessStats.WorkingSetBytes(target.Process.Pid))
        {
            Counters = counters1 is null || counters0 is null ? null : counters1 - counters0,
        };
    }

    /// <summary>Leaves conversations waiting mid-flow, and reads what they cost in memory (and, on the way, the round trips of an ordinary turn).</summary>
    private async Task<MemoryRow> ParkAsync(LoadRun driver, HttpClient http, Target target, CancellationToken cancellationToken)
    {
        var heap0 = await target.HeapAfterCollectionAsync(http);
        var rss0 = ProcessStats.WorkingSetBytes(target.Process.Pid);
        var storeRss0 = target.Store is null ? (long?)null : ProcessStats.WorkingSetBytes(target.Store.Pid);
        var roundTrips0 = await target.RoundTripsAsync();
        var result = await driver.RunAsync(new LoadOptions
        {
            MessagesUrl = target.MessagesUrl,
            Concurrency = 20,
            Conversations = options.ParkedConversations,
            TurnsPerConversation = options.ParkAfterTurns,
        }, target.Turns, cancellationToken);
        var roundTrips1 = await target.RoundTripsAsync();
        var heap1 = await target.HeapAfterCollectionAsync(http);
        var rss1 = ProcessStats.WorkingSetBytes(target.Process.Pid);
        var storeRss1 = target.Store is null ? (long?)null : ProcessStats.WorkingSetBytes(target.Store.Pid);
        if (result.Errors > 0)
        {
            Notes.Add($"{target.Name}: {result.Errors} errors while parking ({string.Join("; ", result.ErrorSamples)})");
        }

        return new MemoryRow(target.Name, result.ConversationsCompleted, rss0, rss1, heap0, heap1, storeRss0, storeRss1,
            roundTrips0 is null ? null : (double)(roundTrips1!.Value - roundTrips0.Value) / Math.Max(1, result.TurnsSent), result.TurnsSent);
    }

    private Dictionary<string, string> StorageSettings(string provider, int seeded, int azuritePort)
    {
        var tag = $"{provider}{seeded}";
        return provider == "Sqlite"
            ? new() { ["Storage__Provider"] = "Sqlite", ["Storage__Sqlite__Path"] = Path.Combine(Path.GetFullPath(options.OutputFolder), $"concernbot-{tag}.db") }
            : new()
            {
                ["Storage__Provider"] = "AzureTables",
                ["Storage__AzureTables__ConnectionString"] = AzuriteConnectionString(azuritePort),
                ["Storage__AzureTables__TablePrefix"] = "Bench" + seeded.ToString(CultureInfo.InvariantCulture),
            };
    }

    private async Task<Target> StartConcernBotAsync(string name, Dictionary<string, string> storage, ManagedProcess? store)
    {
        var folder = Path.Combine(options.RepoRoot, "src", "ConcernBot", "bin", options.Configuration, "net10.0");
        var port = ManagedProcess.FreePort();
        var probeFile = Path.Combine(Path.GetFullPath(options.OutputFolder), $"probe-{port}.txt");
        var environment = new Dictionary<string, string>(HostEnvironment(probeFile))
        {
            // The leads' channel and lead, named directly (used once the leads' routing is in the host; ignored before).
            ["Leads__Channel__ServiceUrl"] = _connectorUrl,
            ["Leads__Channel__ConversationId"] = LocalConnector.LeadsChannelId,
            ["Leads__Designated__0__ObjectId"] = LocalConnector.LeadObjectId,
            ["Leads__Designated__0__Name"] = "Bench Lead",
        };
        foreach (var (key, value) in storage)
        {
            environment[key] = value;
        }

        var log = Path.Combine(options.OutputFolder, $"host-{port}.log");
        var process = ManagedProcess.Start(name, "dotnet", [Path.Combine(folder, "ConcernBot.dll"), "--urls", $"http://127.0.0.1:{Target.Port(port)}"], folder, environment, log);
        var target = new Target(name, TargetKind.ConcernBot, process, new Uri($"http://127.0.0.1:{Target.Port(port)}/"), new Probe(probeFile), store);
        await process.WaitForAsync(new Uri(target.BaseUrl, "healthz"), TimeSpan.FromSeconds(60), log);
        return target;
    }

    /// <summary>
    /// The bot host's settings for a local run: the Development environment is what lets token-less loopback requests in
    /// (there is no app id), with logging at Warning as in production, and the probe hooked in.
    /// </summary>
    public Dictionary<string, string> HostEnvironment(string probeFile) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["AllowUnauthenticatedLocalRequests"] = "true",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Warning",
        ["DOTNET_STARTUP_HOOKS"] = Path.Combine(options.RepoRoot, "bench", "ConcernBot.Bench.Probe", "bin", options.Configuration, "net10.0", "ConcernBot.Bench.Probe.dll"),
        ["CONCERNBOT_PROBE_FILE"] = probeFile,
    };

    private async Task<Target> StartCeilingAsync()
    {
        var folder = Path.Combine(options.RepoRoot, "bench", "ConcernBot.Ceiling", "bin", options.Configuration, "net10.0");
        var port = ManagedProcess.FreePort();
        var log = Path.Combine(options.OutputFolder, "ceiling.log");
        var process = ManagedProcess.Start("Ceiling", "dotnet", [Path.Combine(folder, "ConcernBot.Ceiling.dll"), "--urls", $"http://127.0.0.1:{Target.Port(port)}"], folder,
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" }, log);
        var target = new Target("Ceiling (bare Kestrel)", TargetKind.Ceiling, process, new Uri($"http://127.0.0.1:{Target.Port(port)}/"), null, null);
        await process.WaitForAsync(new Uri(target.BaseUrl, "healthz"), TimeSpan.FromSeconds(60), log);
        return target;
    }

    /// <summary>The botbuilder peer, on MemoryStorage, or with its state in Blob Storage (Azurite's blob service) when given one.</summary>
    private async Task<Target> StartPeerAsync(string name, (ManagedProcess Process, string ConnectionString)? blobs)
    {
        var folder = Path.Combine(options.RepoRoot, "bench", "peer");
        var port = ManagedProcess.FreePort();
        var log = Path.Combine(options.OutputFolder, blobs is null ? "peer.log" : "peer-blobs.log");
        var environment = new Dictionary<string, string> { ["PORT"] = Target.Port(port), ["NODE_ENV"] = "production" };
        if (blobs is { } b)
        {
            environment["PEER_STORAGE"] = "blobs";
            environment["PEER_BLOB_CONNECTION_STRING"] = b.ConnectionString;
        }

        var process = ManagedProcess.Start(blobs is null ? "Peer" : "Durable peer", "node", ["--expose-gc", "index.js"], folder, environment, log);
        var target = new Target(name, TargetKind.Peer, process, new Uri($"http://127.0.0.1:{Target.Port(port)}/"), null, blobs?.Process);
        await process.WaitForAsync(new Uri(target.BaseUrl, "healthz"), TimeSpan.FromSeconds(60), log);
        return target;
    }

    private async Task<(ManagedProcess, int)> StartAzuriteAsync()
    {
        var folder = Path.Combine(options.RepoRoot, "tools", "azurite");
        var main = Path.Combine(folder, "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException($"Azurite is not installed: run `npm ci` in {folder}.");
        }

        var port = ManagedProcess.FreePort();
        var log = Path.Combine(options.OutputFolder, "azurite.log");
        var process = ManagedProcess.Start("Azurite", "node",
            [main, "--tableHost", "127.0.0.1", "--tablePort", Target.Port(port), "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent"],
            folder, new Dictionary<string, string>(), log);
        _owned.Add(process);
        await process.WaitForAsync(new Uri($"http://127.0.0.1:{Target.Port(port)}/"), TimeSpan.FromSeconds(60), log);
        return (process, port);
    }

    /// <summary>Azurite's blob service, in memory as the table service is, for the durable peer.</summary>
    private async Task<(ManagedProcess, int)> StartAzuriteBlobsAsync()
    {
        var folder = Path.Combine(options.RepoRoot, "tools", "azurite");
        var main = Path.Combine(folder, "node_modules", "azurite", "dist", "src", "blob", "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException($"Azurite is not installed: run `npm ci` in {folder}.");
        }

        var port = ManagedProcess.FreePort();
        var log = Path.Combine(options.OutputFolder, "azurite-blobs.log");
        var process = ManagedProcess.Start("Azurite blobs", "node",
            [main, "--blobHost", "127.0.0.1", "--blobPort", Target.Port(port), "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent"],
            folder, new Dictionary<string, string>(), log);
        _owned.Add(process);
        await process.WaitForAsync(new Uri($"http://127.0.0.1:{Target.Port(port)}/"), TimeSpan.FromSeconds(60), log);
        return (process, port);
    }

    private static void Log(string line) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
}
