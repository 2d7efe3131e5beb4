using ConcernBot.Concerns;
using ConcernBot.EndToEnd.Tests.Browser;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Storage;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using Words = ConcernBot.Resources.Workspace;

namespace ConcernBot.EndToEnd.Tests.Workspace;

/// <summary>
/// The tab and the channel card are one record: a concern reaches the Playground's leads' channel (My Team, General),
/// Alex acknowledges it in the tab with the local sign-in (as run-local.sh offers), and the card in the Playground's
/// channel shows it was acknowledged and by whom: in the Playground's own page, and in its message stream.
/// </summary>
public sealed class TabAndPlaygroundTests
{
    private const string Tenant = "00000000-0000-0000-0000-0000000000001";
    private const float Wait = 30_000;

    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = Wait };

    [Fact]
    public async Task A_concern_acknowledged_in_the_tab_shows_as_acknowledged_on_the_Playgrounds_channel_card()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var port = FreePort.Next();
        await using var playground = await PlaygroundProcess.StartAsync(TestHost.MessagesEndpointAt(port));
        await using var bot = TestHost.Playground(port, PlaygroundLeads.Settings(playground.Port));
        bot.StartServer();
        await using var client = await PlaygroundClient.ConnectAsync(playground.Address, timeout.Token);

        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var tab = await context.NewPageAsync();
        tab.SetDefaultTimeout(Wait);
        var channel = await context.NewPageAsync();
        channel.SetDefaultTimeout(Wait);
        try
        {
            // Opening the Playground's page starts its session afresh: open it first, then the concern reaches the channel.
            await channel.GotoAsync(playground.Address.ToString());
            await OpenGeneralAsync(channel);
            var now = DateTimeOffset.UtcNow;
            var concern = new Concern
            {
                Id = "c-playground-tab",
                Reference = "SG-TAB-PG2",
                OrganisationId = Tenant,
                ReceivedAt = now,
                Reporter = ReporterIdentity.Anonymous(null),
                PersonAtRisk = new PersonAtRisk { Kind = PersonAtRiskKind.AdultAtRisk, Description = "Mr Ollerenshaw" },
                Account = new IncidentAccount { WhatHappened = "His savings were taken by a visitor." },
                HarmKinds = [HarmKind.FinancialOrMaterial],
            };
            await bot.Services.GetRequiredService<IConcernStore>().CreateAsync(
                concern,
                new AuditEntry { Actor = "Anonymous reporter", At = now, Action = "concern.submitted" },
                [new OutboxMessage { Id = concern.Id + ":submitted", Kind = "concern.submitted", ConcernId = concern.Id, Payload = $"{{\"concernId\":\"{concern.Id}\"}}", CreatedAt = now, NotBefore = now }]);
            await client.NextEventAsync(e => PlaygroundClient.CardOf(e)?.Contains(concern.Reference, StringComparison.Ordinal) == true, timeout.Token);
            await OpenGeneralAsync(channel);
            await Expect(channel.GetByText(concern.Reference, new PageGetByTextOptions { Exact = false }).First).ToBeVisibleAsync(Visible);

            await tab.GotoAsync($"http://127.0.0.1:{bot.Port}/workspace/local-sign-in");
            await tab.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Alex Wilber" }).ClickAsync();
            await tab.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = concern.Reference }).ClickAsync();
            await tab.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = Words.Acknowledge, Exact = true }).ClickAsync();
            await Expect(tab.Locator(".notice")).ToBeVisibleAsync();

            // The Playground's message stream: the card in the channel was updated in place.
            var updated = await client.NextEventAsync(e => PlaygroundClient.CardOf(e) is { } c && c.Contains(concern.Reference, StringComparison.Ordinal) && c.Contains("Done: Alex Wilber", StringComparison.Ordinal), timeout.Token);
            Assert.Contains("Acknowledged (since", PlaygroundClient.CardOf(updated)!, StringComparison.Ordinal);
            Assert.DoesNotContain("Ollerenshaw", PlaygroundClient.CardOf(updated)!, StringComparison.Ordinal);

            // The Playground's own page: My Team's General channel shows the card as it now stands.
            await OpenGeneralAsync(channel);
            await Expect(channel.GetByText("Done: Alex Wilber", new PageGetByTextOptions { Exact = false }).First).ToBeVisibleAsync(Visible);
            await Expect(channel.GetByText("Acknowledged (since", new PageGetByTextOptions { Exact = false }).First).ToBeVisibleAsync(Visible);
            await SaveAsync(channel, "playground-channel-acknowledged-in-the-tab");
        }
        catch
        {
            await SaveAsync(channel, "playground-channel-failure");
            await SaveAsync(tab, "playground-tab-failure");
            throw;
        }
    }

    /// <summary>
    /// Opens My Team's General channel on a page just loaded: a click while the Playground is still drawing its first chat
    /// can be lost (seen on a busy machine), so it is clicked again until the channel's Post button shows.
    /// </summary>
    private static async Task OpenGeneralAsync(IPage page)
    {
        var post = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Post", Exact = true });
        for (var attempt = 1; ; attempt++)
        {
            await General(page);
            try
            {
                await Expect(post).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
            }
        }
    }

    private static Task General(IPage page) =>
        page.GetByRole(AriaRole.Treeitem, new PageGetByRoleOptions { Name = "My Team - General", Exact = true }).ClickAsync();

    private static async Task SaveAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true, Timeout = 10_000 });
    }
}
