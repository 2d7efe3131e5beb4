using System.Diagnostics;
using System.Globalization;

namespace ConcernBot.LoadDriver;

/// <summary>
/// ConcernBot's load driver.
///   matrix [--repo DIR] [--out DIR] [--report FILE] [--duration S] [--warmup S] [--concurrency 1,10,100]
///          [--providers Sqlite,AzureTables] [--seeded 0,10000] [--parked N] [--no-references] [--no-profile] [--no-trace] [--think-ms 250] [--warmup-seconds 8]
///          [--walks cards,typed]
///   run --url http://127.0.0.1:3978/ [--concurrency N] [--conversations N | --duration S] [--peer] [--typed]   (against a bot already running)
/// </summary>
internal static class DriverProgram
{
    public static async Task<int> Main(string[] args)
    {
        var arguments = new Arguments(args);
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        switch (arguments.Command)
        {
            case "matrix":
                return await MatrixAsync(arguments, cancel.Token);
            case "run":
                return await RunAsync(arguments, cancel.Token);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{arguments.Command}'. Use matrix or run.");
                return 2;
        }
    }

    private static async Task<int> MatrixAsync(Arguments arguments, CancellationToken cancellationToken)
    {
        var repo = Path.GetFullPath(arguments.Option("--repo") ?? FindRepoRoot());
        var options = new MatrixOptions
        {
            RepoRoot = repo,
            OutputFolder = arguments.Option("--out") ?? Path.Combine(repo, "bench", "results", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)),
            Duration = TimeSpan.FromSeconds(arguments.Number("--duration", 6)),
            Warmup = TimeSpan.FromSeconds(arguments.Number("--warmup", 2)),
            Concurrencies = arguments.List("--concurrency", [1, 10, 100], int.Parse),
            Providers = arguments.List("--providers", ["Sqlite", "AzureTables"], (s, _) => s),
            SeededConcerns = arguments.List("--seeded", [0, 10_000], int.Parse),
            Walks = arguments.List("--walks", [Walk.Cards, Walk.Typed], (s, _) => Enum.Parse<Walk>(s, ignoreCase: true)),
            ParkedConversations = (int)arguments.Number("--parked", 1000),
            WarmupConversations = (int)arguments.Number("--warmup-conversations", 100),
            WarmupTime = TimeSpan.FromSeconds(arguments.Number("--warmup-seconds", 8)),
            IncludeReferences = !arguments.Has("--no-references"),
            Profile = !arguments.Has("--no-profile"),
            TraceRoundTrips = !arguments.Has("--no-trace"),
            PacedThinkTime = TimeSpan.FromMilliseconds(arguments.Number("--think-ms", 250)),
        };
        var clock = Stopwatch.StartNew();
        var matrix = new Matrix(options);
        await matrix.RunAsync(cancellationToken);
        var markdown = Report.Markdown(matrix, options, clock.Elapsed);
        var reportPath = arguments.Option("--report") ?? Path.Combine(options.OutputFolder, "report.md");
        await File.WriteAllTextAsync(reportPath, markdown, cancellationToken);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Report written to {reportPath}");
        return matrix.Rows.Any(r => r.Result.Errors > 0) ? 1 : 0;
    }

    private static async Task<int> RunAsync(Arguments arguments, CancellationToken cancellationToken)
    {
        var url = new Uri(arguments.Option("--url") ?? "http://127.0.0.1:3978/");
        var concurrency = (int)arguments.Number("--concurrency", 1);
        await using var connector = await LocalConnector.StartAsync();
        using var http = LoadRun.CreateClient(concurrency);
        var driver = new LoadRun(connector, http);
        var messages = new Uri(url, "api/messages");
        var walk = arguments.Has("--typed") ? Walk.Typed : Walk.Cards;
        var turns = await driver.DiscoverAsync(messages, Scripts.For(walk, arguments.Has("--peer")), expectReceipt: true, cancellationToken);
        var result = await driver.RunAsync(new LoadOptions
        {
            MessagesUrl = messages,
            Concurrency = concurrency,
            Conversations = arguments.Option("--conversations") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : null,
            Duration = TimeSpan.FromSeconds(arguments.Number("--duration", 5)),
        }, turns, cancellationToken);
        Console.WriteLine(result.Summary());
        foreach (var sample in result.ErrorSamples)
        {
            Console.WriteLine("  error: " + sample);
        }

        return result.Errors > 0 ? 1 : 0;
    }

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConcernBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository, or pass --repo.");
    }

    private sealed class Arguments(string[] args)
    {
        public string Command => args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "matrix";

        public bool Has(string name) => args.Contains(name);

        public string? Option(string name)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }

        public double Number(string name, double fallback) =>
            Option(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

        public IReadOnlyList<T> List<T>(string name, IReadOnlyList<T> fallback, Func<string, IFormatProvider, T> parse) =>
            Option(name) is { } value
                ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => parse(s, CultureInfo.InvariantCulture)).ToList()
                : fallback;
    }
}
