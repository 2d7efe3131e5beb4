using System.Net;
using System.Text.Json;
using ConcernBot.Storage;
using ConcernBot.Testing;
using ConcernBot.Tests.Leads;
using ConcernBot.Tests.Learning;

namespace ConcernBot.Tests.Workspace;

/// <summary>The effectiveness dashboard shows the same figures as `report` in the leads' channel, and charts with tables.</summary>
public sealed class DashboardTests
{
    private static async Task<WorkspaceTab> SeededAsync()
    {
        var tab = await WorkspaceTab.StartAsync(clockStart: LearningSeed.Now);
        var store = tab.Host.Get<IConcernStore>();
        foreach (var concern in LearningSeed.All)
        {
            var placed = concern.OrganisationId == LearningSeed.Org ? concern with { OrganisationId = People.Tenant } : concern;
            await store.CreateAsync(placed, new AuditEntry { Actor = "seed", At = concern.ReceivedAt, Action = "received" }, []);
        }

        return tab;
    }

    [Fact]
    public async Task The_dashboards_figures_are_the_report_commands_figures_for_the_same_period()
    {
        await using var tab = await SeededAsync();

        await tab.Host.TurnAsync(TestActivity.ChannelMessage(People.Asha, "report"));
        var card = LeadsFlow.Readable(Assert.Single(tab.Host.Connector.Of("send")).CardJson);
        using var response = await tab.GetAsync("/workspace/api/dashboard", "Bearer " + tab.Token(People.Asha));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dashboard = await WorkspaceTab.JsonOf(response);
        Assert.Equal("How safeguarding went: 1 Jul 2026 to 30 Sep 2026", dashboard.GetProperty("period").GetString());
        var shown = new List<string>();
        foreach (var section in dashboard.GetProperty("sections").EnumerateArray())
        {
            Assert.Contains(section.GetProperty("heading").GetString()!, card, StringComparison.Ordinal);
            foreach (var fact in section.GetProperty("facts").EnumerateArray())
            {
                var line = fact.GetProperty("label").GetString() + "\n" + fact.GetProperty("value").GetString();
                Assert.Contains(line, card, StringComparison.Ordinal);
                shown.Add(line);
            }
        }

        Assert.Contains("Raised in this period\n5", shown);
        Assert.Contains("Acknowledged within the deadline\n2 of 5", shown);
        Assert.Contains("Felt listened to\n2 yes, 1 no", shown);
    }

    [Fact]
    public async Task Each_chart_has_a_table_of_the_same_numbers_and_the_harm_chart_counts_what_the_report_counts()
    {
        await using var tab = await SeededAsync();

        using var response = await tab.GetAsync("/workspace/api/dashboard?from=2026-07-01&to=2026-09-30", "Bearer " + tab.Token(People.Dee));
        var dashboard = await WorkspaceTab.JsonOf(response);
        var charts = dashboard.GetProperty("charts").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);

        Assert.Equal(["by-month", "by-harm", "by-service", "times", "deadlines", "outcomes-asked", "outcomes-achieved", "told"], charts.Keys);
        Assert.Equal(["Jul 2026", "Aug 2026", "Sep 2026"], charts["by-month"].GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(5, charts["by-month"].GetProperty("values").EnumerateArray().Sum(v => v.GetDouble()));
        Assert.Equal([2.0, 3.0], charts["deadlines"].GetProperty("values").EnumerateArray().Select(v => v.GetDouble()));
        foreach (var chart in charts.Values)
        {
            Assert.Equal(chart.GetProperty("labels").GetArrayLength(), chart.GetProperty("shown").GetArrayLength());
        }
    }

    [Fact]
    public async Task Someone_who_leads_no_service_gets_no_figures()
    {
        await using var tab = await SeededAsync();

        using var response = await tab.GetAsync("/workspace/api/dashboard", "Bearer " + tab.Token(People.Nick));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
