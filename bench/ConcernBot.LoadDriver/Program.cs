using System.Diagnostics;
using System.Globalization;
using ConcernBot.LoadDriver;

// ConcernBot's load driver.
//   matrix [--repo DIR] [--out DIR] [--report FILE] [--duration S] [--warmup S] [--concurrency 1,10,100]
//          [--providers Sqlite,AzureTables] [--seeded 0,10000] [--parked N] [--no-references]
//   run --url http://127.0.0.1:3978/ [--concurrency N] [--conversations N | --duration S]   (one bot already running)
var arguments = args.ToList();
var command = arguments.Count > 0 ? arguments[0] : "matrix";

string? Option(string name)
{
    var at = arguments.IndexOf(name);
    return at >= 0 && at + 1 < arguments.Count ? arguments[at + 1] : null;
}

IReadOnlyList<T> List<T>(string name, IReadOnlyList<T> fallback, Func<string, T> parse) =>
    Option(name) is { } value ? value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(parse).ToList() : fallback;

int ToInt(string s) => int.Parse(s, CultureInfo.InvariantCulture);

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

switch (command)
{
    case "matrix":
    {
        var repo = Path.GetFullPath(Option("--repo") ?? FindRepoRoot());
        var options = new MatrixOptions
        {
            RepoRoot = repo,
            OutputFolder = Option("--out") ?? Path.Combine(repo, "bench", "results", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)),
            Duration = TimeSpan.FromSeconds(double.Parse(Option("--duration") ?? "6", CultureInfo.InvariantCulture)),
            Warmup = TimeSpan.FromSeconds(double.Parse(Option("--warmup") ?? "2", CultureInfo.InvariantCulture)),
            Concurrencies = List("--concurrency", [1, 10, 100], ToInt),
            Providers = List("--providers", ["Sqlite", "AzureTables"], s => s),
            SeededConcerns = List("--seeded", [0, 10_000], ToInt),
            ParkedConversations = ToInt(Option("--parked") ?? "2000"),
            IncludeReferences = !arguments.Contains("--no-references"),
        };
        var clock = Stopwatch.StartNew();
        var matrix = new Matrix(options);
        await matrix.RunAsync(cancel.Token);
        var markdown = Report.Markdown(matrix, options, clock.Elapsed);
        var reportPath = Option("--report") ?? Path.Combine(options.OutputFolder, "report.md");
        await File.WriteAllTextAsync(reportPath, markdown);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Report written to {reportPath}");
        return matrix.Rows.Any(r => r.Result.Errors > 0) ? 1 : 0;
    }

    case "run":
    {
        var url = new Uri(Option("--url") ?? "http://127.0.0.1:3978/");
        var concurrency = ToInt(Option("--concurrency") ?? "1");
        await using var connector = await LocalConnector.StartAsync();
        using var http = LoadRun.CreateClient(concurrency);
        var driver = new LoadRun(connector, http);
        var messages = new Uri(url, "api/messages");
        var peer = arguments.Contains("--peer");
        var turns = await driver.DiscoverAsync(messages, peer ? Scripts.Peer : Scripts.ConcernBot, expectReceipt: true, cancel.Token);
        var result = await driver.RunAsync(new LoadOptions
        {
            MessagesUrl = messages,
            Script = [],
            Concurrency = concurrency,
            Conversations = Option("--conversations") is { } n ? ToInt(n) : null,
            Duration = TimeSpan.FromSeconds(double.Parse(Option("--duration") ?? "5", CultureInfo.InvariantCulture)),
        }, turns, cancel.Token);
        Console.WriteLine(result.Summary());
        foreach (var sample in result.ErrorSamples)
        {
            Console.WriteLine("  error: " + sample);
        }

        return result.Errors > 0 ? 1 : 0;
    }

    default:
        Console.Error.WriteLine($"Unknown command '{command}'. Use matrix or run.");
        return 2;
}

static string FindRepoRoot()
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
