using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConcernBot.Concerns;
using ConcernBot.Storage;
using ConcernBot.Tests.Anonymity;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Channels;

/// <summary>
/// The web page's channel through the real host: the Direct Line 3.0 API the official Web Chat speaks, the same
/// conversation and cards as in Teams, and who may talk in a conversation decided by the channel alone.
/// </summary>
public sealed partial class DirectLineTests
{
    private const string Organisation = "tenant-0001";

    [Fact]
    public async Task A_whole_anonymous_concern_is_raised_on_the_web_page_and_reaches_the_leads_of_its_organisation()
    {
        await using var host = Host();
        var page = await new DirectLinePage(host.Client).StartAsync();
        var chat = page.Chat();

        await Walkthrough.ToReviewAsync(chat, I.IdentityAnonymous);
        var receipt = await chat.PressAsync(I.ReviewSubmit);

        Assert.Contains(I.ReceiptTitle, receipt.Words, StringComparison.Ordinal);
        var secret = Regex.Match(receipt.Words, @"\b[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}\b").Value;
        Assert.Equal(19, secret.Length);
        // The page cannot take a message off the screen: the person is told so, and what to do instead.
        var remove = await chat.PressAsync(ConcernBot.Resources.Anonymity.SecretRemoveButton);
        Assert.Contains(ConcernBot.Resources.Anonymity.SecretNotRemovable, remove.Words, StringComparison.Ordinal);
        var concern = Assert.Single(await host.Services.GetRequiredService<IConcernStore>().ListByStatusAsync(Organisation, ConcernStatus.Received).ToListAsync());
        Assert.Equal(IdentityChoice.Anonymous, concern.Reporter.Choice);
        Assert.NotNull(concern.Reporter.ReplyRouteToken);

        // A lead asks a question after the page was closed; the reporter comes back on a new visit with the reference and
        // the secret word, reads it, and answers.
        var store = host.Services.GetRequiredService<IConcernStore>();
        var read = (await store.GetAsync(concern.Id))!;
        var asked = read.Value with { Leads = read.Value.Leads with { Questions = [new ReporterQuestion("Asha Designated", DateTimeOffset.UtcNow, "Which room was it?")] } };
        await store.UpdateAsync(asked, read.ETag, new AuditEntry { Actor = "Asha Designated", At = DateTimeOffset.UtcNow, Action = "Asked the reporter" }, []);
        var later = await new DirectLinePage(host.Client).StartAsync();
        var laterChat = later.Chat();
        var status = await laterChat.SayAsync($"status {concern.Reference} {secret}");
        Assert.Contains(concern.Reference, status.Words, StringComparison.Ordinal);
        Assert.Contains("Which room was it?", status.Words, StringComparison.Ordinal);
        Assert.Contains(ConcernBot.Resources.Anonymity.StatusQuestionsWaiting, status.Words, StringComparison.Ordinal);
        Assert.DoesNotContain("Asha", status.Words, StringComparison.Ordinal);
        var answered = await laterChat.PressAsync(ConcernBot.Resources.Anonymity.AnswerSend, new { answer = "Room 4" });
        Assert.Contains(ConcernBot.Resources.Anonymity.AnswerSent, answered.Words, StringComparison.Ordinal);
        Assert.Equal("Room 4", (await store.GetAsync(concern.Id))!.Value.Leads.Questions[0].Answer);

        // A third visit without the secret word cannot answer for the reporter.
        var stranger = (await new DirectLinePage(host.Client).StartAsync()).Chat();
        var refused = await stranger.SendValueAsync(new JsonObject { ["verb"] = "relay.answer", ["concernId"] = concern.Id, ["question"] = 1, ["answer"] = "Not me" });
        Assert.Contains(ConcernBot.Resources.Anonymity.AnswerNotPossible, refused.Words, StringComparison.Ordinal);
        Assert.Equal("Room 4", (await store.GetAsync(concern.Id))!.Value.Leads.Questions[0].Answer);
        var addNote = await stranger.SendValueAsync(new JsonObject { ["verb"] = "relay.add", ["concernId"] = concern.Id, ["addition"] = "Not me either" });
        Assert.Contains(ConcernBot.Resources.Anonymity.AnswerNotPossible, addNote.Words, StringComparison.Ordinal);

        // With nothing waiting, a check-in offers to add something, without asking for the secret word a second time.
        var again = (await new DirectLinePage(host.Client).StartAsync()).Chat();
        var checkedIn = await again.SayAsync($"status {concern.Reference} {secret}");
        Assert.DoesNotContain(checkedIn.LastCard!.Inputs(), i => (string?)i["id"] == "secret");
        var added = await again.PressAsync(ConcernBot.Resources.Anonymity.AddSend, new { addition = "It happened again on Friday." });
        Assert.Contains(ConcernBot.Resources.Anonymity.AddSent, added.Words, StringComparison.Ordinal);
        Assert.Contains((await store.GetAsync(concern.Id))!.Value.Leads.Notes, n => n.Text == "It happened again on Friday.");
        Assert.DoesNotContain((await store.GetAsync(concern.Id))!.Value.Leads.Notes, n => n.Text.Contains("Not me", StringComparison.Ordinal));
        Assert.NotNull(page.UserId);
        Assert.StartsWith("web-", page.UserId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_web_concern_leaves_no_visitor_id_user_agent_or_device_detail_in_the_store_or_the_logs()
    {
        await using var host = Host(new() { ["Logging:LogLevel:Default"] = "Trace" });
        const string userAgent = "ZebedeeBrowser/9.9 (distinctive-device-7Q)";
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        client.DefaultRequestHeaders.Referrer = new Uri("https://referrer.distinctive.example/where-i-came-from");
        var page = await new DirectLinePage(client).StartAsync();
        var chat = page.Chat();
        await page.PostAsync(new JsonObject
        {
            ["type"] = "message",
            ["text"] = "hi",
            ["locale"] = "mi-NZ",
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "mi-NZ", ["country"] = "NZ", ["timezone"] = "Pacific/Chatham" }),
            ["localTimestamp"] = "2026-12-03T23:45:00+13:45",
        });
        await Walkthrough.ToReviewAsync(chat, I.IdentityAnonymous);
        await chat.PressAsync(I.ReviewSubmit);

        string[] identifiers = [page.UserId!, page.ConversationId, "ZebedeeBrowser", "distinctive-device", "referrer.distinctive", "Pacific/Chatham", "Chatham", "+13:45"];
        var places = (await LeakScan.SqliteRowsAsync(host.DatabasePath)).Concat(LeakScan.Logs(host.Logs));
        var found = places.SelectMany(p => LeakScan.Find(p.Where, p.Text, identifiers)).ToList();
        Assert.NotEmpty(await LeakScan.SqliteRowsAsync(host.DatabasePath));
        Assert.True(found.Count == 0, "Kept about the web visitor:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task The_page_joining_its_conversation_is_welcomed_without_a_message_the_person_never_typed()
    {
        await using var host = Host();
        var page = await new DirectLinePage(host.Client).StartAsync();

        await page.PostAsync(new JsonObject { ["type"] = "event", ["name"] = "webchat/join", ["locale"] = "en-GB" });

        var welcome = Assert.Single(page.Sent);
        Assert.Contains(ConcernBot.Resources.Strings.WelcomeTitle, new BotReply(welcome).Words, StringComparison.Ordinal);
        using var all = await page.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{page.ConversationId}/activities");
        var transcript = System.Text.Json.JsonDocument.Parse(await all.Content.ReadAsStringAsync()).RootElement.GetProperty("activities");
        Assert.DoesNotContain(transcript.EnumerateArray(), a => a.GetProperty("type").GetString() == "message" && a.GetProperty("from").GetProperty("role").GetString() != "bot");
    }

    [Fact]
    public async Task The_channel_not_the_client_decides_who_is_talking_and_a_token_opens_only_its_own_conversation()
    {
        await using var host = Host();
        var mine = await new DirectLinePage(host.Client).StartAsync();
        var other = await new DirectLinePage(host.Client).StartAsync();
        var forged = new JsonObject { ["type"] = "message", ["text"] = "hi", ["from"] = new JsonObject { ["id"] = other.UserId ?? "someone-else", ["role"] = "user" } };

        await mine.PostAsync(forged);
        Assert.NotEqual("someone-else", mine.UserId);

        foreach (var (method, path, token) in new[]
        {
            (HttpMethod.Get, $"/v3/directline/conversations/{other.ConversationId}/activities", mine.Token),
            (HttpMethod.Post, $"/v3/directline/conversations/{other.ConversationId}/activities", mine.Token),
            (HttpMethod.Get, $"/v3/directline/conversations/{mine.ConversationId}/activities", "forged-token"),
            (HttpMethod.Get, $"/v3/directline/conversations/{mine.ConversationId}/activities", ""),
        })
        {
            using var refused = await mine.SendAsync(method, path, method == HttpMethod.Post ? forged : null, token);
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain(other.ConversationId, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var huge = await mine.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{mine.ConversationId}/activities", new JsonObject { ["type"] = "message", ["text"] = new string('x', 70_000) });
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        using var malformed = await mine.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{mine.ConversationId}/activities", new JsonObject { ["nothing"] = 1 });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Too_many_new_conversations_at_once_are_told_to_try_again_without_anyone_s_address_being_kept()
    {
        await using var host = Host(new() { ["DirectLine:NewConversationsPerMinute"] = "2" });
        var answers = new List<System.Net.HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await host.Client.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), null);
            answers.Add(response.StatusCode);
            if (i == 2)
            {
                Assert.Contains("try again", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task Outside_development_the_page_starts_no_conversation_until_its_organisation_is_set()
    {
        var settings = People.Settings();
        settings["MicrosoftAppId"] = "00000000-0000-0000-0000-0000000000b0";
        settings["MicrosoftAppType"] = "UserAssignedMSI";
        settings["MicrosoftAppTenantId"] = People.Tenant;
        await using var host = TestHost.With(new TestHostOptions { Environment = "Staging", Settings = settings });
        using var refused = await host.Client.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), null);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
    }

    [Fact]
    public async Task The_page_is_served_by_the_host_with_only_its_own_scripts_and_no_cookies()
    {
        await using var host = Host(new() { ["SpeakUp:OrganisationName"] = "Oak House Care" });
        using var page = await host.Client.GetAsync(new Uri("/speak-up", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Oak House Care", html, StringComparison.Ordinal);
        Assert.Contains("call 999", html, StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("Set-Cookie"));
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.All(ScriptSources().Matches(html), m => Assert.StartsWith("/speak-up/", m.Groups[1].Value, StringComparison.Ordinal));
        using var raw = host.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/speak-up/webchat.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var webChat = await raw.SendAsync(request);
        Assert.True(webChat.IsSuccessStatusCode, "Web Chat is not built into the host: run `npm ci --prefix tools/webchat` (./test.sh does)");
        var sent = (await webChat.Content.ReadAsByteArrayAsync()).Length;
        Assert.Contains("gzip", webChat.Content.Headers.ContentEncoding);
        Assert.InRange(sent, 500_000, 1_300_000); // 3.9 MB of Web Chat, compressed

        // The conversation's own answers are never compressed: they carry secret words.
        using var token = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        token.Headers.AcceptEncoding.ParseAdd("gzip");
        using var generated = await raw.SendAsync(token);
        Assert.Empty(generated.Content.Headers.ContentEncoding);
    }

    private static TestHost Host(Dictionary<string, string?>? extra = null)
    {
        var settings = People.Settings();
        settings["DirectLine:OrganisationId"] = Organisation;
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return TestHost.With(new TestHostOptions { Settings = settings });
    }

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptSources();
}
