using ConcernBot.Testing;
using System.Text.Json;
using ConcernBot.EndToEnd.Tests.Browser;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Resources;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConcernBot.EndToEnd.Tests.SpeakUp;

/// <summary>
/// Someone without a Teams account opens the public page in a real (headless) Chromium on a phone-sized screen: the
/// official Web Chat, served by the bot's own host, talks to it over Direct Line and shows the same cards; axe-core finds
/// no serious accessibility problem.
/// </summary>
public sealed class SpeakUpInTheBrowserTests
{
    private const float Wait = 30_000;

    [Fact]
    public async Task The_page_greets_a_visitor_starts_a_concern_and_passes_axe()
    {
        using var bot = TestHost.Playground();
        bot.StartServer();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Wait);
        var offSite = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith($"http://127.0.0.1:{bot.Port}/", StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal) && !request.Url.StartsWith("blob:", StringComparison.Ordinal))
            {
                offSite.Add(request.Url);
            }
        };

        try
        {
            await page.GotoAsync($"http://127.0.0.1:{bot.Port}/speak-up");
            await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = ConcernBot.Resources.SpeakUp.Heading })).ToBeVisibleAsync();

            // The page says hello for the visitor: the welcome card, rendered by Web Chat from the bot's Adaptive Card.
            // (Web Chat's markdown turns ' into a typographic apostrophe.)
            await Expect(page.GetByText(Strings.WelcomeTitle.Replace('\'', '\u2019'), new PageGetByTextOptions { Exact = true }).First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Wait });
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = Strings.WelcomeRaiseConcern }).First.ClickAsync();
            await Expect(page.GetByText(ConcernBot.Resources.Intake.DangerQuestion.Replace('\'', '\u2019')).First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Wait });

            var axe = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "tools", "webchat", "node_modules", "axe-core", "axe.min.js"));
            // Evaluated through the DevTools protocol: the page's own policy allows no inline script, and must not for this test.
            await page.EvaluateAsync(axe + "\n;void 0");
            var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ': ' + v.nodes.length)");
            var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
            Assert.True(violations.Count == 0, "axe-core found: " + string.Join(", ", violations));
            Assert.True(offSite.Count == 0, "The page fetched from elsewhere: " + string.Join(", ", offSite));
        }
        catch
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "speak-up.png"), FullPage = true });
            throw;
        }
    }
}
