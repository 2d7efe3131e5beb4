using ConcernBot.EndToEnd.Tests.Browser;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;
using ConcernBot.Tests.Workspace;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Words = ConcernBot.Resources.Workspace;

namespace ConcernBot.EndToEnd.Tests.Workspace;

/// <summary>
/// The leads' tab in each Teams theme (light "default", "dark" and high-contrast "contrast"), told by the stand-in Teams
/// frame through teams-js: the case list (with an overdue concern), a case page (with a referral and a note) and the
/// dashboard, each checked by axe-core (nothing serious or critical, colour contrast included) and saved as a screenshot.
/// </summary>
public sealed class WorkspaceThemesTests
{
    private const float Wait = 30_000;

    [Theory]
    [InlineData("default", "rgb(255, 255, 255)")]
    [InlineData("dark", "rgb(31, 31, 31)")]
    [InlineData("contrast", "rgb(0, 0, 0)")]
    public async Task Every_page_is_readable_in_the_theme_Teams_gives(string theme, string background)
    {
        await using var tab = await WorkspaceTab.StartAsync(port: FreePort.Next());
        tab.Host.StartServer();
        var concern = SampleConcerns.Create();
        await tab.RouteAsync(concern);
        var bearer = "Bearer " + tab.Token(People.Asha);
        using (var read = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", bearer))
        {
            var etag = (await WorkspaceTab.JsonOf(read)).GetProperty("eTag").GetString();
            using var referred = await tab.ActAsync(concern.Reference, bearer, new { verb = "refer", agency = "ChildrensServices", agencyReference = "MASH-77" }, etag);
        }

        var second = SampleConcerns.Create("SG-4WD-M2R");
        await tab.RouteAsync(second);
        tab.Host.Clock.Advance(TimeSpan.FromHours(30)); // the second is overdue, and so is the first one's referral
        var origin = $"http://127.0.0.1:{tab.Host.Port}";

        var (playwright, browser) = await Chromium.LaunchAsync("--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights");
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith(TeamsHostFrame.Url, StringComparison.Ordinal))
            {
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    ContentType = "text/html; charset=utf-8",
                    Body = TeamsHostFrame.Html($"{origin}/workspace?tab=personal", tab.Token(People.Asha), theme, "en-GB"),
                });
            }
            else if (url.StartsWith(origin + "/", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Wait);
        var problems = new List<string>();

        await page.GotoAsync(TeamsHostFrame.Url);
        var frame = page.FrameLocator("#tab");
        await Expect(frame.GetByRole(AriaRole.Link, new FrameLocatorGetByRoleOptions { Name = second.Reference })).ToBeVisibleAsync();
        await Expect(frame.GetByText(Words.Overdue, new FrameLocatorGetByTextOptions { Exact = true }).First).ToBeVisibleAsync();
        var tabFrame = page.Frames.Single(f => f.Url.StartsWith(origin, StringComparison.Ordinal));
        await tabFrame.EvaluateAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "tools", "workspace", "node_modules", "axe-core", "axe.min.js")) + "\n;void 0");
        Assert.Equal(theme, await tabFrame.EvaluateAsync<string>("() => document.body.dataset.theme"));
        Assert.Equal(background, await tabFrame.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        await WorkspaceInTheBrowserTests.CheckAsync(tabFrame, theme + " list", problems);
        await WorkspaceInTheBrowserTests.SaveAsync(page, tabFrame, $"workspace-{theme}-list");

        await frame.GetByRole(AriaRole.Link, new FrameLocatorGetByRoleOptions { Name = concern.Reference }).ClickAsync();
        await Expect(frame.GetByText("Their reference: MASH-77")).ToBeVisibleAsync();
        await Expect(frame.GetByText(Words.RecordIntact)).ToBeVisibleAsync();
        await WorkspaceInTheBrowserTests.CheckAsync(tabFrame, theme + " case", problems);
        await WorkspaceInTheBrowserTests.SaveAsync(page, tabFrame, $"workspace-{theme}-case");

        await frame.GetByRole(AriaRole.Link, new FrameLocatorGetByRoleOptions { Name = Words.BackToList }).ClickAsync();
        await frame.GetByRole(AriaRole.Link, new FrameLocatorGetByRoleOptions { Name = Words.DashboardLink }).ClickAsync();
        await frame.GetByLabel(Words.PeriodFrom, new FrameLocatorGetByLabelOptions { Exact = true }).FillAsync("2026-11-01");
        await frame.GetByLabel(Words.PeriodTo, new FrameLocatorGetByLabelOptions { Exact = true }).FillAsync("2026-11-30");
        await frame.GetByRole(AriaRole.Button, new FrameLocatorGetByRoleOptions { Name = Words.ShowPeriod }).ClickAsync();
        await Expect(frame.Locator("figure[data-chart=by-harm] tbody")).ToContainTextAsync("Financial");
        // The report's sections under the charts are there as sections, not "[object HTMLElement]".
        Assert.True(await frame.Locator("main section h2").CountAsync() > 0, "The report's sections are under the charts");
        Assert.DoesNotContain("[object", await tabFrame.EvaluateAsync<string>("() => document.querySelector('main').innerText"), StringComparison.Ordinal);
        await WorkspaceInTheBrowserTests.CheckAsync(tabFrame, theme + " dashboard", problems);
        await WorkspaceInTheBrowserTests.SaveAsync(page, tabFrame, $"workspace-{theme}-dashboard");

        Assert.True(problems.Count == 0, "axe-core found serious or critical problems: " + string.Join(", ", problems));
    }
}
