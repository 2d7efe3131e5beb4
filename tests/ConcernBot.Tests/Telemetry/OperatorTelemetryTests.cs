using System.Diagnostics;
using System.Text;
using ConcernBot.Tests.Anonymity;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using IntakeWords = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Telemetry;

/// <summary>
/// What operators see (traces, metrics, logs through OpenTelemetry, and what the Azure Monitor exporter sends to
/// Application Insights) during a whole anonymous concern: trouble is visible, the reporter is not.
/// </summary>
public sealed class OperatorTelemetryTests
{
    [Fact]
    public async Task A_whole_anonymous_concern_leaves_no_identifier_in_any_span_metric_log_or_export_to_Application_Insights()
    {
        await using var ingestion = await LoopbackIngestion.StartAsync();
        await using var harness = AnonymityHarness.Create();
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var logs = new List<LogRecord>();
        using var captured = new CapturingLoggerProvider();
        string everything;
        await using (var host = harness.Start(captured, extra: new Dictionary<string, string?> { ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString }, services: s =>
        {
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
            s.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics));
            s.ConfigureOpenTelemetryLoggerProvider(l => l.AddInMemoryExporter(logs));
        }))
        {
            var chat = new TeamsChat(host.Client, host.Connector, new TeamsUser(Distinctive.UserId, Distinctive.Name, Distinctive.AadObjectId, Distinctive.TenantId, Distinctive.ConversationId)) { Locale = Distinctive.Locale };
            await Walkthrough.ToReviewAsync(chat, IntakeWords.IdentityAnonymous);
            var receipt = await chat.PressAsync(IntakeWords.ReviewSubmit);
            var secret = System.Text.RegularExpressions.Regex.Match(receipt.Words, "Your secret code is (?<secret>[2-9A-Z-]{19})").Groups["secret"].Value;
            var concern = Assert.Single(await host.Services.GetRequiredService<ConcernBot.Storage.IConcernStore>().ListByStatusAsync(Distinctive.TenantId, ConcernBot.Concerns.ConcernStatus.Received).ToListAsync());
            await LeakScanTests.RelayWorkflowAsync(harness, host, concern, concern.Reference, secret);

            await host.Services.GetRequiredService<ConcernBot.Telemetry.OutboxAgeGauge>().RefreshAsync(DateTimeOffset.UtcNow);
            Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
            Assert.True(host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
            Assert.True(host.Services.GetRequiredService<LoggerProvider>().ForceFlush(10_000));
            everything = Describe(spans, metrics, logs) + string.Join("\n", ingestion.Batches);

            // Nothing vacuous: the turns, the outbox gauge and the logs were all exported, to memory and to Azure.
            Assert.Contains(Snapshot(spans), s => s.DisplayName == "POST /api/messages");
            Assert.Contains(Snapshot(metrics), m => m.Name == "concernbot.outbox.oldest_age");
            Assert.NotEmpty(Snapshot(logs));
            Assert.Contains(ingestion.Batches, b => b.Contains("\"RequestData\"", StringComparison.Ordinal));
            Assert.Contains(ingestion.Batches, b => b.Contains("\"MessageData\"", StringComparison.Ordinal));

            string[] words = [Walkthrough.Account, "Mr Jones", "Which room was it?", "Room 4", "The night manager", "It happened again.", secret];
            var found = LeakScan.Find("telemetry", everything, [.. Distinctive.Identifiers, .. words]).ToList();
            found.AddRange(new[] { "client.address", "user_agent.original", "url.query", "client_IP", "ai.location.ip" }
                .Where(a => everything.Contains(a, StringComparison.Ordinal)).Select(a => "telemetry attribute: " + a));
            Assert.True(found.Count == 0, "Telemetry held what points to a person:\n" + string.Join("\n", found.Distinct()));
        }
    }

    [Fact]
    public async Task A_web_page_concern_leaves_no_address_user_agent_referrer_or_cookie_in_telemetry_or_the_export()
    {
        await using var ingestion = await LoopbackIngestion.StartAsync();
        var spans = new List<Activity>();
        var logs = new List<LogRecord>();
        var settings = People.Settings();
        settings["DirectLine:OrganisationId"] = "tenant-0001";
        settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString;
        await using var host = TestHost.With(new TestHostOptions
        {
            Settings = settings,
            ExtraServices = s =>
            {
                s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
                s.ConfigureOpenTelemetryLoggerProvider(l => l.AddInMemoryExporter(logs));
            },
        });
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("ZebedeeBrowser/9.9 (distinctive-device-7Q)");
        client.DefaultRequestHeaders.Referrer = new Uri("https://referrer.distinctive.example/where-i-came-from");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        client.DefaultRequestHeaders.Add("Cookie", "tracker=cookie-distinctive-42");
        var page = await new DirectLinePage(client).StartAsync();
        var chat = page.Chat();
        await Walkthrough.ToReviewAsync(chat, IntakeWords.IdentityAnonymous);
        await chat.PressAsync(IntakeWords.ReviewSubmit);

        Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(host.Services.GetRequiredService<LoggerProvider>().ForceFlush(10_000));
        var everything = Describe(spans, [], logs) + string.Join("\n", ingestion.Batches);

        Assert.Contains(Snapshot(spans), s => s.DisplayName.StartsWith("POST /v3/directline/conversations/", StringComparison.Ordinal));
        Assert.Contains(ingestion.Batches, b => b.Contains("\"RequestData\"", StringComparison.Ordinal));
        string[] identifiers = [page.UserId!, page.ConversationId, page.Token, "ZebedeeBrowser", "distinctive-device", "referrer.distinctive", "203.0.113.77", "cookie-distinctive", Walkthrough.Account];
        var found = LeakScan.Find("telemetry", everything, identifiers).ToList();
        found.AddRange(new[] { "client.address", "user_agent.original", "url.query", "client_IP", "ai.location.ip", "http.request.header" }
            .Where(a => everything.Contains(a, StringComparison.Ordinal)).Select(a => "telemetry attribute: " + a));
        Assert.True(found.Count == 0, "Telemetry held what points to the web visitor:\n" + string.Join("\n", found.Distinct()));
    }

    [Fact]
    public async Task Calls_to_the_real_Bot_Connector_are_traced_without_the_conversation_or_the_reporter()
    {
        await using var ingestion = await LoopbackIngestion.StartAsync();
        await using var connector = await LoopbackBotConnector.StartAsync();
        var spans = new List<Activity>();
        var settings = connector.LeadsSettings();
        settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] = ingestion.ConnectionString;
        string everything;
        await using (var host = TestHost.With(new TestHostOptions { Settings = settings, RealConnector = true, ExtraServices = s => s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans)) }))
        {
            var chat = new TeamsChat(host.Client, connector, new TeamsUser(Distinctive.UserId, Distinctive.Name, Distinctive.AadObjectId, Distinctive.TenantId, Distinctive.ConversationId)) { ServiceUrl = connector.ServiceUrl };
            await Walkthrough.ToReviewAsync(chat, IntakeWords.IdentityAnonymous);
            await chat.PressAsync(IntakeWords.ReviewSubmit);
            Assert.True(host.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
            everything = Describe(spans, [], []) + string.Join("\n", ingestion.Batches);
        }

        // The bot's own HTTP calls to the connector were traced (and exported), only without what identifies the chat.
        Assert.Contains(Snapshot(spans), s => s.Kind == ActivityKind.Client && (s.GetTagItem("url.full") as string)?.Contains("/v3/conversations/{id}/activities", StringComparison.Ordinal) == true);
        Assert.Contains(ingestion.Batches, b => b.Contains("\"RemoteDependencyData\"", StringComparison.Ordinal));
        var found = LeakScan.Find("telemetry", everything, [.. Distinctive.Identifiers, Walkthrough.Account]).ToList();
        Assert.True(found.Count == 0, "Telemetry held what points to a person:\n" + string.Join("\n", found.Distinct()));
    }

    [Theory]
    [InlineData("POST https://smba.trafficmanager.net/emea/v3/conversations/a:1zzz-conv/activities?x=1", "POST https://smba.trafficmanager.net/{id}/v3/conversations/{id}/activities")]
    [InlineData("/api/messages", "/api/messages")]
    [InlineData("http://127.0.0.1:10002/devstoreaccount1/Conversations(PartitionKey='c',RowKey='a%3A1zzz')", "http://127.0.0.1:10002/devstoreaccount1/{id}")]
    public void Urls_keep_only_the_words_of_an_endpoint(string url, string expected) =>
        Assert.Equal(expected, ConcernBot.Telemetry.TelemetryRedaction.Template(url));

    /// <summary>
    /// A copy of what an in-memory exporter holds so far: its list keeps growing meanwhile (other tests' spans reach every
    /// tracer provider in the process), and enumerating it directly would fail.
    /// </summary>
    private static T[] Snapshot<T>(List<T> exported) => [.. exported.ToArray().Where(e => e is not null)];

    private static string Describe(List<Activity> exportedSpans, List<Metric> exportedMetrics, List<LogRecord> exportedLogs)
    {
        var (spans, metrics, logs) = (Snapshot(exportedSpans), Snapshot(exportedMetrics), Snapshot(exportedLogs));
        var text = new StringBuilder();
        foreach (var span in spans)
        {
            text.Append(span.DisplayName).Append(' ').Append(span.StatusDescription).Append(' ');
            foreach (var (key, value) in span.TagObjects)
            {
                text.Append(key).Append('=').Append(value).Append(' ');
            }

            foreach (var e in span.Events)
            {
                text.Append(e.Name).Append(' ').AppendJoin(' ', e.Tags.Select(t => $"{t.Key}={t.Value}"));
            }

            text.AppendLine();
        }

        foreach (var metric in metrics)
        {
            text.Append(metric.Name).Append(' ');
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                foreach (var tag in point.Tags)
                {
                    text.Append(tag.Key).Append('=').Append(tag.Value).Append(' ');
                }
            }

            text.AppendLine();
        }

        foreach (var log in logs)
        {
            text.Append(log.CategoryName).Append(' ').Append(log.FormattedMessage).Append(' ').Append(log.Body).Append(' ');
            foreach (var (key, value) in log.Attributes ?? [])
            {
                text.Append(key).Append('=').Append(value).Append(' ');
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
