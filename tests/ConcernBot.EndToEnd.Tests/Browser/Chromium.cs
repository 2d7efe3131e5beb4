using Microsoft.Playwright;

namespace ConcernBot.EndToEnd.Tests.Browser;

/// <summary>Debian's Chromium driven by Playwright (no `playwright install`: the browser comes from apt).</summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    /// <param name="extraArgs">More switches for this browser (e.g. the leads' tab's stand-in Teams frame needs a public
    /// page to frame a loopback one).</param>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(params string[] extraArgs)
    {
        Assert.True(File.Exists(ExecutablePath), $"Chromium is needed for the browser tests and is missing at {ExecutablePath}: run `apt-get install -y chromium`.");

        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        try
        {
            // Launch gives every browser a fresh temporary profile (user data dir).
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = [.. LaunchArgs, .. extraArgs],
                Timeout = 30_000,
            });
            return (playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }
}
