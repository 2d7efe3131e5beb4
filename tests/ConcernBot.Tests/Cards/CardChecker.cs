using System.Diagnostics;
using System.Text.Json;

namespace ConcernBot.Tests.Cards;

/// <summary>Runs tools/cards/validate-cards.js (the official Adaptive Cards library plus Teams' rules) over a folder of cards.</summary>
internal static class CardChecker
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<CardReport> CheckFolderAsync(string folder)
    {
        var root = RepositoryRoot.Find();
        var toolFolder = Path.Combine(root, "tools", "cards");
        var script = Path.Combine(toolFolder, "validate-cards.js");
        Assert.True(
            Directory.Exists(Path.Combine(toolFolder, "node_modules", "adaptivecards")),
            $"The Adaptive Cards library is not installed: run `npm ci --prefix tools/cards` (or ./test.sh) in {root}.");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = toolFolder,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(folder);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"Node.js is needed to check the cards and was not found ({e.Message}): install Node 20 (apt-get install -y nodejs).");
            throw;
        }

        using (process)
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"validate-cards.js did not finish within {Timeout.TotalSeconds} s.");
            }

            var json = await output;
            Assert.True(process.ExitCode is 0 or 1, $"validate-cards.js failed (exit {process.ExitCode}): {await errors}");
            return new CardReport(JsonDocument.Parse(json).RootElement.Clone(), json);
        }
    }
}

internal sealed record CardReport(JsonElement Root, string Json)
{
    public int ErrorCount => Root.GetProperty("errorCount").GetInt32();

    public int CardCount => Root.GetProperty("cardCount").GetInt32();

    /// <summary>One line per error: which card, which rule, and why.</summary>
    public IEnumerable<string> Errors() =>
        from card in Root.GetProperty("cards").EnumerateArray()
        from error in card.GetProperty("errors").EnumerateArray()
        select $"{card.GetProperty("name").GetString()}: {error.GetProperty("rule").GetString()}: {error.GetProperty("message").GetString()}";
}
