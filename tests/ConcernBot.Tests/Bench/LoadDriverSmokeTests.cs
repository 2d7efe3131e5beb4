using ConcernBot.LoadDriver;

namespace ConcernBot.Tests.Bench;

/// <summary>
/// The benchmark's load driver, end to end on a small scale: the real host from its own output folder (SQLite, the probe
/// hooked in), five people at once going through the whole guided conversation to submit, over HTTP on loopback: once
/// pressing the cards' buttons, once typing every answer. Not a timed test: the numbers are only checked to be sane.
/// </summary>
public sealed class LoadDriverSmokeTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "concernbot-bench-smoke-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("cards")]
    [InlineData("typed")]
    public async Task Five_people_raise_a_concern_at_once_and_the_driver_reports_every_submit_with_sane_numbers(string walked)
    {
        var walk = Enum.Parse<Walk>(walked, ignoreCase: true);
        var options = new MatrixOptions
        {
            RepoRoot = DriverProgram.FindRepoRoot(),
#if DEBUG
            Configuration = "Debug",
#else
            Configuration = "Release",
#endif
            Providers = ["Sqlite"],
            SeededConcerns = [0],
            Concurrencies = [5],
            Walks = [walk],
            Conversations = 5,
            ParkedConversations = 0,
            WarmupConversations = 0,
            TraceRoundTrips = false,
            Profile = false,
            PacedThinkTime = TimeSpan.Zero,
            IncludeReferences = false,
            OutputFolder = _output,
        };
        var matrix = new Matrix(options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));

        await matrix.RunAsync(timeout.Token);

        var row = Assert.Single(matrix.Rows);
        var result = row.Result;
        Assert.True(result.Errors == 0, string.Join("; ", result.ErrorSamples));
        Assert.Equal(5, result.ConversationsStarted);
        Assert.Equal(5, result.ConversationsWithReceipt);
        Assert.Equal(walk, row.Walk);
        Assert.Equal(5 * Scripts.For(walk, peer: false).Count, result.Turns);
        Assert.Equal(Scripts.For(walk, peer: false).Count, result.ByTurn.Count);
        Assert.All(result.ByTurn, t => Assert.Equal(5, t.Count));
        Assert.InRange(result.TurnsPerSecond, 1, 100_000);
        Assert.InRange(result.P50Ms, 0.01, 10_000);
        Assert.True(result.P99Ms >= result.P50Ms);
        Assert.True(result.ConnectorCalls >= result.TurnsSent, "every turn answers the person at least once");
        Assert.NotNull(row.RoundTripsPerTurn);
        Assert.InRange(row.RoundTripsPerTurn!.Value, 1, 10);
        Assert.True(row.HostCpuMsPerTurn > 0);
        Assert.Contains($"| ConcernBot SQLite, 0 stored | {(walk == Walk.Typed ? "typed" : "card presses")} | 5 |", Report.Markdown(matrix, options, TimeSpan.FromSeconds(1)), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}
