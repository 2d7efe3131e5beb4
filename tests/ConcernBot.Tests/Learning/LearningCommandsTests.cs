using System.Text.Json;
using System.Text;
using ConcernBot.Channels.Activities;
using ConcernBot.Concerns;
using ConcernBot.Learning;
using ConcernBot.Storage;
using ConcernBot.Tests.Leads;
using ConcernBot.Testing;
using SkiaSharp;

namespace ConcernBot.Tests.Learning;

/// <summary>`@ConcernBot report` and `@ConcernBot export` in the leads' channel, through the real host and SQLite store.</summary>
public sealed class LearningCommandsTests
{
    private static async Task<TestHost> StartAsync()
    {
        var host = TestHost.Leads(new() { ClockStart = LearningSeed.Now });
        var store = host.Get<IConcernStore>();
        foreach (var concern in LearningSeed.All)
        {
            var placed = concern.OrganisationId == LearningSeed.Org ? concern with { OrganisationId = People.Tenant } : concern;
            await store.CreateAsync(placed, new AuditEntry { Actor = "seed", At = concern.ReceivedAt, Action = "received" }, []);
        }

        return host;
    }

    [Fact]
    public async Task A_lead_asking_for_the_report_gets_the_quarters_figures_and_a_chart_in_one_small_message()
    {
        await using var host = await StartAsync();

        await host.TurnAsync(TestActivity.ChannelMessage(People.Asha, "report"));

        var sent = Assert.Single(host.Connector.Of("send"));
        var readable = LeadsFlow.Readable(sent.CardJson);
        Assert.Contains("How safeguarding went: 1 Jul 2026 to 30 Sep 2026", readable, StringComparison.Ordinal);
        Assert.Contains("Raised in this period\n5", readable, StringComparison.Ordinal);
        Assert.Contains("Anonymous\n1", readable, StringComparison.Ordinal);
        Assert.Contains("Time to acknowledge (median)\n1 h 15 min", readable, StringComparison.Ordinal);
        Assert.Contains("Longest time to acknowledge\n6 h 0 min", readable, StringComparison.Ordinal);
        Assert.Contains("Acknowledged within the deadline\n2 of 5", readable, StringComparison.Ordinal);
        Assert.Contains("Concerns referred outside the organisation\n2", readable, StringComparison.Ordinal);
        Assert.Contains("Outcomes fully achieved\n2", readable, StringComparison.Ordinal);
        Assert.Contains("Answered the follow-up question\n3 of 4", readable, StringComparison.Ordinal);
        Assert.Contains("Felt listened to\n2 yes, 1 no", readable, StringComparison.Ordinal);
        Assert.DoesNotContain("SG-C", sent.CardJson, StringComparison.Ordinal); // figures only

        var url = FindImageUrl(sent.Card);
        Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
        using var chart = SKBitmap.Decode(Convert.FromBase64String(url["data:image/png;base64,".Length..]));
        Assert.Equal((ReportChart.Width, ReportChart.Height), (chart.Width, chart.Height));

        var size = Encoding.UTF8.GetByteCount(ActivityJson.Serialize(sent.Activity!));
        Assert.True(size < 80_000, $"The report message is {size} bytes.");
    }

    [Fact]
    public async Task A_period_can_be_named_and_one_that_cannot_be_read_is_explained()
    {
        await using var host = await StartAsync();

        await host.TurnAsync(TestActivity.ChannelMessage(People.Dee, "report 2026-10-01 2026-10-31"));
        await host.TurnAsync(TestActivity.ChannelMessage(People.Dee, "report since the spring"));

        var sent = host.Connector.Of("send");
        Assert.Contains("Raised in this period\n1", LeadsFlow.Readable(sent[0].CardJson), StringComparison.Ordinal);
        Assert.Contains("I couldn't read that period", sent[1].Activity!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_is_not_a_lead_or_a_lead_outside_the_leads_channel_is_refused()
    {
        await using var host = await StartAsync();

        await host.TurnAsync(TestActivity.ChannelMessage(People.Nick, "report"));
        await host.TurnAsync(TestActivity.ChannelMessage(People.Nick, "export"));
        await host.TurnAsync(TestActivity.ChannelMessage(People.Asha, "report", channelId: "19:general-chatter@thread.tacv2"));

        var sent = host.Connector.Of("send");
        Assert.Equal(3, sent.Count);
        Assert.All(sent, s => Assert.Contains("Only the safeguarding leads can ask for a report or an export", s.Activity!.Text, StringComparison.Ordinal));
        Assert.All(sent, s => Assert.Empty(s.CardJson));
        Assert.Empty(host.Connector.Of("create"));
    }

    [Fact]
    public async Task In_a_personal_chat_report_is_left_to_the_intake_even_for_a_lead()
    {
        await using var host = await StartAsync();

        await host.TurnAsync(TestActivity.PersonalMessage(People.Asha, "report"));

        Assert.DoesNotContain(host.Connector.Calls, c => c.Activity?.Text?.Contains("Only the safeguarding leads", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(host.Connector.Calls, c => c.CardJson.Contains("How safeguarding went", StringComparison.Ordinal));
        Assert.NotEmpty(host.Connector.Calls);
    }

    [Fact]
    public async Task The_export_goes_to_the_lead_privately_as_two_CSV_files_without_any_reporters_identity()
    {
        await using var host = await StartAsync();

        await host.TurnAsync(TestActivity.ChannelMessage(People.Asha, "export 2026-07-01 2026-09-30"));

        var create = Assert.Single(host.Connector.Of("create"));
        Assert.Equal(People.Asha.UserId, Assert.Single(create.Parameters!.Members!).Id);
        var sends = host.Connector.Of("send");
        var files = sends.Single(s => s.ConversationId == "a:personal-" + People.Asha.UserId).Activity!;
        Assert.Equal("I've sent the export to you in a private chat.", sends.Single(s => s.ConversationId!.StartsWith(People.LeadsChannel, StringComparison.Ordinal)).Activity!.Text);

        var csvs = files.Attachments!.Where(a => a.ContentType == "text/csv").ToList();
        Assert.Equal(["concerns-2026-07-01-2026-09-30.csv", "making-safeguarding-personal-2026-07-01-2026-09-30.csv"], csvs.Select(a => a.Name));
        var concerns = Decode(csvs[0].ContentUrl!);
        Assert.StartsWith(string.Join(',', ConcernExport.Columns), concerns, StringComparison.Ordinal);
        Assert.Equal(7, concerns.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header + six concerns
        Assert.DoesNotContain("Made-up account", concerns, StringComparison.Ordinal);
        var everything = ActivityJson.Serialize(files) + concerns + Decode(csvs[1].ContentUrl!);
        foreach (var marker in LearningSeed.AnonymousMarkers)
        {
            Assert.DoesNotContain(marker, everything, StringComparison.OrdinalIgnoreCase);
        }

        Assert.True(Encoding.UTF8.GetByteCount(ActivityJson.Serialize(files)) < 80_000);
    }

    private static string Decode(string dataUrl)
    {
        const string prefix = "data:text/csv;charset=utf-8;base64,";
        Assert.StartsWith(prefix, dataUrl, StringComparison.Ordinal);
        return Encoding.UTF8.GetString(Convert.FromBase64String(dataUrl[prefix.Length..])).TrimStart('\uFEFF');
    }

    private static string FindImageUrl(JsonElement card) =>
        card.GetProperty("body").EnumerateArray().First(e => e.GetProperty("type").GetString() == "Image").GetProperty("url").GetString()!;
}
