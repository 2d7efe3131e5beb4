using System.Text.Json;
using ConcernBot.Concerns;
using ConcernBot.EndToEnd.Tests.Browser;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;
using ConcernBot.Tests.Workspace;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Words = ConcernBot.Resources.Workspace;

namespace ConcernBot.EndToEnd.Tests.Workspace;

/// <summary>
/// The leads' tab in headless Chromium inside a stand-in Teams frame: the page gets its token through teams-js as it
/// does in Teams, lists the lead's concerns, opens one, acknowledges it (the channel card follows), records a referral
/// to the adult safeguarding team and closes it with
/// the Making Safeguarding Personal outcome; axe-core finds nothing serious or critical on any page; screenshots kept.
/// </summary>
public sealed class WorkspaceInTheBrowserTests
{
    private const float Wait = 30_000;

    [Fact]
    public async Task A_lead_opens_the_tab_in_Teams_lists_opens_acknowledges_refers_and_closes_a_concern()
    {
        await using var tab = await WorkspaceTab.StartAsync(port: FreePort.Next());
        tab.Host.StartServer();
        var concern = SampleConcerns.Create() with { EvidenceCount = 1 };
        await tab.Host.Get<ConcernBot.Evidence.EvidenceLocker>().AddAsync(concern.Id, anonymous: true, new ConcernBot.Evidence.IncomingFile("arm.jpg", "image/jpeg", SamplePhoto.Jpeg()), CancellationToken.None);
        await tab.RouteAsync(concern);
        var origin = $"http://127.0.0.1:{tab.Host.Port}";

        // The stand-in Teams page is on a public origin and frames the tab on loopback, as Teams frames a tab on its host:
        // Chromium's local network protection would refuse that, and it is not what is under test.
        var (playwright, browser) = await Chromium.LaunchAsync("--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights");
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var offSite = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith(TeamsHostFrame.Url, StringComparison.Ordinal))
            {
                await route.FulfillAsync(new RouteFulfillOptions
                {
                    ContentType = "text/html; charset=utf-8",
                    Body = TeamsHostFrame.Html($"{origin}/workspace?tab=personal", tab.Token(People.Asha), "dark", "en-GB"),
                });
            }
            else if (url.StartsWith(origin + "/", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                offSite.Add(url);
                await route.AbortAsync();
            }
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(Wait);
        var problems = new List<string>();

        await page.GotoAsync(TeamsHostFrame.Url);
        var frame = page.FrameLocator("#tab");
        var link = frame.GetByRole(AriaRole.Link, new FrameLocatorGetByRoleOptions { Name = concern.Reference });
        await Expect(link).ToBeVisibleAsync();
        var tabFrame = page.Frames.Single(f => f.Url.StartsWith(origin, StringComparison.Ordinal));
        await tabFrame.EvaluateAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "tools", "workspace", "node_modules", "axe-core", "axe.min.js")) + "\n;void 0");
        Assert.Equal("dark", await tabFrame.EvaluateAsync<string>("() => document.body.dataset.theme"));
        Assert.Contains("authentication.getAuthToken", await page.EvaluateAsync<string[]>("() => window.hostCalls"));
        await CheckAsync(tabFrame, "list", problems);
        await SaveAsync(page, tabFrame, "workspace-list");

        await link.ClickAsync();
        await Expect(frame.GetByRole(AriaRole.Heading, new FrameLocatorGetByRoleOptions { Name = Words.ReporterSaidHeading })).ToBeVisibleAsync();
        await Expect(frame.GetByText("Mr Quillborne shout at Mrs Pemberly", new FrameLocatorGetByTextOptions { Exact = false })).ToBeVisibleAsync();
        await Expect(frame.GetByText(Words.RecordIntact)).ToBeVisibleAsync();
        await CheckAsync(tabFrame, "case", problems);
        await SaveAsync(page, tabFrame, "workspace-case");

        // The photo opens only when asked (each opening is audited), inline, by its numbered name.
        await frame.GetByRole(AriaRole.Button, new FrameLocatorGetByRoleOptions { Name = Words.EvidenceShow, Exact = true }).ClickAsync();
        await Expect(frame.GetByRole(AriaRole.Img, new FrameLocatorGetByRoleOptions { Name = "Photo 1" })).ToBeVisibleAsync();
        Assert.Contains(await tab.Host.Stores.ReadAsync(concern.Id), e => e.Action == ConcernBot.Workspace.WorkspaceAudit.EvidenceOpened);
        await CheckAsync(tabFrame, "case with a photo", problems);

        await frame.GetByRole(AriaRole.Button, new FrameLocatorGetByRoleOptions { Name = Words.Acknowledge, Exact = true }).ClickAsync();
        await Expect(frame.Locator(".notice")).ToBeVisibleAsync();
        Assert.Equal(ConcernStatus.Acknowledged, (await SampleConcerns.CurrentAsync(tab.Host, concern)).Status);
        Assert.Contains(tab.Host.Connector.Of("update"), u => u.CardJson.Contains(People.Asha.Name, StringComparison.Ordinal));

        await frame.GetByLabel(Words.ReferralAgencyLabel).SelectOptionAsync("AdultSafeguarding");
        await frame.GetByLabel(Words.ReferralReferenceLabel).FillAsync("ASC-2026-118");
        await frame.GetByRole(AriaRole.Button, new FrameLocatorGetByRoleOptions { Name = Words.Refer, Exact = true }).ClickAsync();
        await Expect(frame.GetByText("Their reference: ASC-2026-118")).ToBeVisibleAsync();
        var referral = Assert.Single((await SampleConcerns.CurrentAsync(tab.Host, concern)).Leads.Referrals);
        Assert.Equal(ReferralAgency.AdultSafeguarding, referral.Agency);
        await CheckAsync(tabFrame, "referral", problems);
        await SaveAsync(page, tabFrame, "workspace-referral");

        await frame.GetByLabel(Words.OutcomeDesiredLabel).SelectOptionAsync("Fully");
        await frame.GetByLabel(Words.OutcomeRiskLabel).SelectOptionAsync("Removed");
        await frame.GetByLabel(Words.ReporterMessageLabel).FillAsync("Thank you for telling us. We have acted on it.");
        await frame.GetByRole(AriaRole.Button, new FrameLocatorGetByRoleOptions { Name = Words.Close, Exact = true }).ClickAsync();
        await Expect(frame.GetByRole(AriaRole.Heading, new FrameLocatorGetByRoleOptions { Name = Words.OutcomeHeading, Exact = true })).ToBeVisibleAsync();
        var closed = await SampleConcerns.CurrentAsync(tab.Host, concern);
        Assert.Equal(ConcernStatus.Closed, closed.Status);
        Assert.Equal(OutcomesAchieved.Fully, closed.Leads.Outcome!.DesiredOutcomes);
        Assert.Contains(await tab.Host.Stores.ReadAsync(concern.Id), e => e.Action == LeadsAudit.Closed && e.Actor == People.Asha.Name);
        await CheckAsync(tabFrame, "closed", problems);
        await SaveAsync(page, tabFrame, "workspace-closed");

        // The effectiveness dashboard: this month's concern is in it; every chart is drawn and has its table.
        await frame.GetByRole(AriaRole.Link, new FrameLocatorGetByRoleOptions { Name = Words.BackToList }).ClickAsync();
        await frame.GetByRole(AriaRole.Link, new FrameLocatorGetByRoleOptions { Name = Words.DashboardLink }).ClickAsync();
        await frame.GetByLabel(Words.PeriodFrom, new FrameLocatorGetByLabelOptions { Exact = true }).FillAsync("2026-11-01");
        await frame.GetByLabel(Words.PeriodTo, new FrameLocatorGetByLabelOptions { Exact = true }).FillAsync("2026-11-30");
        await frame.GetByRole(AriaRole.Button, new FrameLocatorGetByRoleOptions { Name = Words.ShowPeriod }).ClickAsync();
        await Expect(frame.GetByRole(AriaRole.Heading, new FrameLocatorGetByRoleOptions { Name = "How safeguarding went: 1 Nov 2026 to 30 Nov 2026" })).ToBeVisibleAsync();
        Assert.Equal(8, await frame.Locator("figure.chart canvas").CountAsync());
        Assert.Equal(8, await frame.Locator("figure.chart table caption").CountAsync());
        Assert.True(await tabFrame.EvaluateAsync<bool>("() => [...document.querySelectorAll('figure.chart canvas')].every(c => Chart.getChart(c) !== undefined)"), "Every chart is drawn by Chart.js");
        await Expect(frame.Locator("figure[data-chart=by-harm] tbody")).ToContainTextAsync("Financial");
        await CheckAsync(tabFrame, "dashboard", problems);
        await SaveAsync(page, tabFrame, "workspace-dashboard");

        // What has come in since the last whole quarter (the default, as `report`) is one press away.
        var today = DateTime.Today;
        var quarter = new DateTime(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await frame.GetByRole(AriaRole.Button, new FrameLocatorGetByRoleOptions { Name = Words.ThisQuarterSoFar }).ClickAsync();
        await Expect(frame.GetByLabel(Words.PeriodFrom, new FrameLocatorGetByLabelOptions { Exact = true })).ToHaveValueAsync(quarter);
        await Expect(frame.GetByLabel(Words.PeriodTo, new FrameLocatorGetByLabelOptions { Exact = true })).ToHaveValueAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(problems.Count == 0, "axe-core found serious or critical problems: " + string.Join(", ", problems));
        Assert.True(offSite.Count == 0, "The tab asked for something off this host: " + string.Join(", ", offSite));
    }

    internal static async Task CheckAsync(IFrame frame, string step, List<string> problems)
    {
        var found = await frame.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] })).violations.filter(v => v.impact === 'serious' || v.impact === 'critical').map(v => v.id + ' ' + v.nodes.slice(0, 2).map(n => n.target.join(' > ')).join(' | '))");
        problems.AddRange(found.EnumerateArray().Select(v => $"{step}: {v.GetString()}"));
    }

    /// <summary>The tab as the lead sees it on opening the page (the top, 1280 by 900): the tab is another origin's frame,
    /// painted on its own, so the picture waits for it to settle.</summary>
    internal static async Task SaveAsync(IPage page, IFrame tab, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await tab.EvaluateAsync("() => new Promise(done => { window.scrollTo(0, 0); requestAnimationFrame(() => requestAnimationFrame(done)); })");
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
    }
}
