using System.Text.Json;
using ConcernBot.EndToEnd.Tests.Browser;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ConcernBot.EndToEnd.Tests.Channels;

/// <summary>
/// The host's Direct Line 3.0 API spoken by Microsoft's own client, botframework-directlinejs (npm, the pinned copy in
/// tools/webchat), in Chromium on the page's origin: start, post, receive with watermarks, refresh, expiry, and a token
/// that opens no other conversation.
/// </summary>
public sealed class DirectLineConformanceTests(ITestOutputHelper output)
{
    private const int TokenSeconds = 10;

    [Fact]
    public async Task Microsofts_Direct_Line_client_starts_posts_receives_refreshes_expires_and_cannot_open_another_conversation()
    {
        using var bot = TestHost.Playground(settings: new Dictionary<string, string?> { ["DirectLine:TokenLifetime"] = $"00:00:{TokenSeconds:00}" });
        bot.StartServer();
        var (playwright, browser) = await Chromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync($"http://127.0.0.1:{bot.Port}/speak-up/poster");
        var client = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "tools", "webchat", "node_modules", "botframework-directlinejs", "dist", "directline.js"));
        // Through the DevTools protocol, as the accessibility checks are: the page's own policy allows no inline script.
        await page.EvaluateAsync(client + "\n;void 0");

        var report = await page.EvaluateAsync<JsonElement>(Script, new { domain = $"http://127.0.0.1:{bot.Port}/v3/directline", lifetimeMs = TokenSeconds * 1000 });
        output.WriteLine(report.GetRawText());

        Assert.True(report.GetProperty("online").GetBoolean(), "The client never came online.");
        Assert.True(report.GetProperty("welcomed").GetBoolean(), "The join event got no welcome.");
        Assert.True(report.GetProperty("echoed").GetBoolean(), "The posted message did not come back with the id the post answered.");
        var first = int.Parse(report.GetProperty("watermarkAfterWelcome").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var second = int.Parse(report.GetProperty("watermarkAfterAnswer").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(second > first, $"The watermark did not move on ({first} then {second}).");
        Assert.Equal(0, report.GetProperty("repeated").GetInt32());
        Assert.True(report.GetProperty("refreshed").GetBoolean(), "The refresh gave no new token.");
        Assert.True(report.GetProperty("answeredAfterRefresh").GetBoolean(), "The refreshed token did not carry the conversation on.");
        Assert.True(report.GetProperty("otherRefused").GetBoolean(), "A token for one conversation opened another.");
        Assert.Equal(0, report.GetProperty("otherSeen").GetInt32());
        Assert.False(report.GetProperty("expiredEarly").GetBoolean(), "The client was told its token had expired while it was still valid.");
        Assert.True(report.GetProperty("expired").GetBoolean(), "The client was not told its token had expired.");
    }

    /// <summary>Runs in the page; every wait is bounded, and the report says what was seen.</summary>
    private const string Script = """
        async ({ domain, lifetimeMs }) => {
          const { DirectLine, ConnectionStatus } = window.DirectLine;
          const sleep = ms => new Promise(r => setTimeout(r, ms));
          const until = async (test, ms) => { const end = Date.now() + ms; while (!test()) { if (Date.now() > end) return false; await sleep(50); } return true; };
          const token = async () => (await (await fetch('/v3/directline/tokens/generate', { method: 'POST' })).json()).token;
          const post = (dl, activity) => new Promise(resolve => dl.postActivity(activity).subscribe(id => resolve(id), e => resolve('error ' + (e.status || e.message))));
          const fromBot = list => list.filter(a => a.from && a.from.role === 'bot');
          const report = {};

          const a = new DirectLine({ token: await token(), domain, webSocket: false, pollingInterval: 200 });
          const statuses = [], received = [];
          a.connectionStatus$.subscribe(s => statuses.push(s));
          a.activity$.subscribe(x => received.push(x));
          await post(a, { type: 'event', name: 'webchat/join', from: { id: 'me', role: 'user' }, locale: 'en-GB' });
          report.online = statuses.includes(ConnectionStatus.Online);
          report.welcomed = await until(() => fromBot(received).length >= 1, 15000);
          report.watermarkAfterWelcome = a.watermark;
          const id = await post(a, { type: 'message', text: 'raise a concern', from: { id: 'me', role: 'user' }, locale: 'en-GB' });
          await until(() => fromBot(received).length >= 2, 15000);
          report.echoed = received.some(x => x.id === id && x.from.role !== 'bot');
          report.watermarkAfterAnswer = a.watermark;
          report.repeated = received.length - new Set(received.map(x => x.id)).size;

          const before = a.token;
          a.token = await a.refreshToken().toPromise();
          report.refreshed = typeof a.token === 'string' && a.token.length > 0 && a.token !== before;
          const answered = fromBot(received).length;
          await post(a, { type: 'message', text: 'help', from: { id: 'me', role: 'user' }, locale: 'en-GB' });
          report.answeredAfterRefresh = await until(() => fromBot(received).length > answered, 15000);
          const refreshedAt = Date.now();

          const b = new DirectLine({ token: await token(), domain, webSocket: false, pollingInterval: 200 });
          const bReceived = [];
          b.activity$.subscribe(x => bReceived.push(x));
          await post(b, { type: 'message', text: 'something only b says', from: { id: 'me', role: 'user' } });
          await until(() => bReceived.length > 0, 15000);
          const c = new DirectLine({ token: a.token, conversationId: b.conversationId, domain, webSocket: false, pollingInterval: 200 });
          const cStatuses = [], cReceived = [];
          c.connectionStatus$.subscribe(s => cStatuses.push(s));
          c.activity$.subscribe(x => cReceived.push(x), () => {});
          report.otherRefused = await until(() => cStatuses.includes(ConnectionStatus.ExpiredToken) || cStatuses.includes(ConnectionStatus.FailedToConnect), 15000)
            && !cStatuses.includes(ConnectionStatus.Online);
          report.otherSeen = cReceived.length;
          c.end(); b.end();

          report.expiredEarly = statuses.includes(ConnectionStatus.ExpiredToken);
          const seen = statuses.length;
          await sleep(Math.max(0, refreshedAt + lifetimeMs + 1500 - Date.now()));
          report.postAfterExpiry = await post(a, { type: 'message', text: 'still there?', from: { id: 'me', role: 'user' } });
          report.expired = await until(() => statuses.slice(seen).includes(ConnectionStatus.ExpiredToken), 10000);
          report.statuses = statuses;
          a.end();
          return report;
        }
        """;
}
