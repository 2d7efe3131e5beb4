using ConcernBot.EndToEnd.Tests.Browser;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Resources;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConcernBot.EndToEnd.Tests.Welcome;

/// <summary>A person opens ConcernBot in the Teams-like Playground, in a real (headless) browser.</summary>
public sealed class WelcomeInTheBrowserTests(PlaygroundFixture playground) : IClassFixture<PlaygroundFixture>
{
    private const float Wait = 30_000;

    [Fact]
    public async Task Opening_the_personal_chat_shows_the_welcome_card_and_saying_hi_shows_it_again()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        page.SetDefaultTimeout(Wait);

        try
        {
            await page.GotoAsync(playground.PlaygroundAddress.ToString());
            await page.GetByRole(AriaRole.Treeitem, new PageGetByRoleOptions { Name = "Personal Chat", Exact = true }).ClickAsync();

            var welcomeTitles = page.GetByText(Strings.WelcomeTitle, new PageGetByTextOptions { Exact = true });
            await Expect(welcomeTitles.First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Wait });
            await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = Strings.WelcomeRaiseConcern }).First)
                .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Wait });
            await Expect(page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = Strings.WelcomeLearn }).First)
                .ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = Wait });
            var cardsBefore = await welcomeTitles.CountAsync();

            var compose = page.Locator("[data-lexical-editor=true]");
            await compose.ClickAsync();
            await compose.PressSequentiallyAsync("hi");
            await compose.PressAsync("Enter");

            await Expect(welcomeTitles).ToHaveCountAsync(cardsBefore + 1, new LocatorAssertionsToHaveCountOptions { Timeout = Wait });
        }
        catch
        {
            await SaveScreenshotAsync(page, nameof(Opening_the_personal_chat_shows_the_welcome_card_and_saying_hi_shows_it_again));
            throw;
        }
    }

    private static async Task SaveScreenshotAsync(IPage page, string testName)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{testName}-{DateTime.UtcNow:yyyyMMddHHmmss}.png");
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Timeout = 10_000 });
            Console.Error.WriteLine($"Screenshot of the failure: {file}");
        }
        catch (PlaywrightException e)
        {
            // The test's own failure matters more than a missing screenshot.
            Console.Error.WriteLine($"No screenshot of the failure: {e.Message}");
        }
    }
}
