using System.Net;
using System.Text.Json;
using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Leads;
using ConcernBot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Tests.Workspace;

/// <summary>
/// Case work in the leads' tab: the list with its clocks (overdue first), the case page with the chronology and the
/// record check, and the card's actions through the same service with the same ETag rules, so the channel card follows.
/// </summary>
public sealed class CaseWorkTests
{
    private static string Bearer(WorkspaceTab tab, Person person) => "Bearer " + tab.Token(person);

    private static async Task<JsonElement> CaseAsync(WorkspaceTab tab, Person person, string reference)
    {
        using var response = await tab.GetAsync($"/workspace/api/cases/{reference}", Bearer(tab, person));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await WorkspaceTab.JsonOf(response);
    }

    private static IEnumerable<string> Strings(JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!);

    [Fact]
    public async Task The_list_puts_overdue_concerns_first_with_their_clocks_and_finds_one_by_reference()
    {
        await using var tab = await WorkspaceTab.StartAsync();
        var older = SampleConcerns.Create("SG-OLD-ER1", receivedAt: TestHost.LeadsStart.AddDays(-2));
        await tab.RouteAsync(older);
        var child = SampleConcerns.Create("SG-CHI-LD1", atRisk: PersonAtRiskKind.Child);
        await tab.RouteAsync(child);

        using var response = await tab.GetAsync("/workspace/api/cases", Bearer(tab, People.Asha));
        var list = await WorkspaceTab.JsonOf(response);
        var cases = list.GetProperty("cases");

        Assert.Equal(["SG-OLD-ER1", "SG-CHI-LD1"], Strings(cases, "reference"));
        Assert.Equal(1, list.GetProperty("overdue").GetInt32());
        var first = cases[0];
        Assert.True(first.GetProperty("overdue").GetBoolean());
        var acknowledgement = first.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "acknowledgement");
        Assert.True(acknowledgement.GetProperty("overdue").GetBoolean());
        Assert.Equal(["acknowledgement", "receipt", "feedback"], Strings(first.GetProperty("clocks"), "name"));
        Assert.Equal(["acknowledgement", "receipt", "feedback", "lado"], Strings(cases[1].GetProperty("clocks"), "name"));
        Assert.Contains("Financial", string.Join(" ", cases[1].GetProperty("harmKinds").EnumerateArray().Select(h => h.GetString())), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Quillborne", list.GetRawText(), StringComparison.Ordinal);

        using var search = await tab.GetAsync("/workspace/api/cases?q=chi-ld", Bearer(tab, People.Asha));
        Assert.Equal(["SG-CHI-LD1"], Strings((await WorkspaceTab.JsonOf(search)).GetProperty("cases"), "reference"));
    }

    [Fact]
    public async Task The_case_page_shows_what_the_reporter_said_and_a_chronology_that_says_record_altered_after_an_audit_row_is_edited()
    {
        await using var tab = await WorkspaceTab.StartAsync();
        var concern = SampleConcerns.Create();
        await tab.RouteAsync(concern);

        var page = await CaseAsync(tab, People.Asha, concern.Reference);

        Assert.Contains("Mr Quillborne", page.GetProperty("whatHappened").GetString(), StringComparison.Ordinal);
        Assert.Contains("To keep Zephyrine, her cat, and feel safe", page.GetProperty("desiredOutcomes").GetRawText(), StringComparison.Ordinal);
        Assert.True(page.GetProperty("recordIntact").GetBoolean());
        Assert.StartsWith("Record intact", page.GetProperty("recordCheck").GetString(), StringComparison.Ordinal);
        var chronology = page.GetProperty("chronology");
        Assert.Contains("viewed the case in the workspace", Strings(chronology, "action"));
        Assert.Contains(People.Asha.Name, Strings(chronology, "actor"));

        await using (var connection = new SqliteConnection($"Data Source={tab.Host.DatabasePath}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE audit SET reason = 'Nothing to see here' WHERE concern_id = $id AND sequence = 1";
            command.Parameters.AddWithValue("$id", concern.Id);
            Assert.True(await command.ExecuteNonQueryAsync() > 0);
        }

        SqliteConnection.ClearAllPools();
        var altered = await CaseAsync(tab, People.Asha, concern.Reference);
        Assert.False(altered.GetProperty("recordIntact").GetBoolean());
        Assert.StartsWith("Record altered", altered.GetProperty("recordCheck").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledging_in_the_tab_updates_the_channel_card_tells_the_reporter_and_is_audited()
    {
        await using var tab = await WorkspaceTab.StartAsync();
        var concern = SampleConcerns.Create();
        await tab.RouteAsync(concern);
        var post = Assert.Single((await SampleConcerns.CurrentAsync(tab.Host, concern)).Leads.Posts);
        var page = await CaseAsync(tab, People.Asha, concern.Reference);
        tab.Host.Connector.Clear();

        using var response = await tab.ActAsync(concern.Reference, Bearer(tab, People.Asha), new { verb = "acknowledge" }, page.GetProperty("eTag").GetString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await WorkspaceTab.JsonOf(response);
        Assert.Equal("Acknowledged", after.GetProperty("status").GetString());
        var update = tab.Host.Connector.Of("update")[^1];
        Assert.Equal(post.ActivityId, update.ActivityId);
        Assert.Contains("Asha Designated", LeadsFlow.Readable(update.CardJson), StringComparison.Ordinal);
        Assert.DoesNotContain("Quillborne", update.CardJson, StringComparison.Ordinal);
        Assert.Contains(await tab.Host.Stores.ReadAsync(concern.Id), e => e.Action == LeadsAudit.Acknowledged && e.Actor == People.Asha.Name);
        await tab.Host.DeliverOutboxAsync();
        Assert.Contains(tab.Host.Connector.ToReporter(), t => t.StartsWith("A safeguarding lead has acknowledged your concern", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_change_on_the_card_the_tab_shows_it_and_an_action_on_the_old_version_is_not_saved()
    {
        await using var tab = await WorkspaceTab.StartAsync();
        var concern = SampleConcerns.Create();
        await tab.RouteAsync(concern);
        var post = Assert.Single((await SampleConcerns.CurrentAsync(tab.Host, concern)).Leads.Posts);
        var seen = await CaseAsync(tab, People.Asha, concern.Reference);

        await LeadsFlow.ActAsync(tab.Host, People.Ben, post, LeadsVerbs.Note, concern.Id, new { note = "Spoke to the home manager." });
        using var late = await tab.ActAsync(concern.Reference, Bearer(tab, People.Asha), new { verb = "note", note = "A note typed on the old page" }, seen.GetProperty("eTag").GetString());

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var fresh = await WorkspaceTab.JsonOf(late);
        Assert.StartsWith("While you were looking, Ben Designated", fresh.GetProperty("notice").GetString(), StringComparison.Ordinal);
        var stored = await SampleConcerns.CurrentAsync(tab.Host, concern);
        Assert.Equal(["Spoke to the home manager."], stored.Leads.Notes.Select(n => n.Text));
        Assert.Contains("Spoke to the home manager.", fresh.GetProperty("notes").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_records_a_decision_and_closes_the_concern_with_the_Making_Safeguarding_Personal_outcome()
    {
        await using var tab = await WorkspaceTab.StartAsync();
        var concern = SampleConcerns.Create();
        await tab.RouteAsync(concern);
        var page = await CaseAsync(tab, People.Dee, concern.Reference);

        using var decided = await tab.ActAsync(concern.Reference, Bearer(tab, People.Dee), new
        {
            verb = "decide",
            decision = "InternalAction",
            decisionReason = "Supervision and retraining",
            sharing = "SharedWithConsent",
            sharingReason = "Mrs Pemberly agreed",
        }, page.GetProperty("eTag").GetString());
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var afterDecision = await WorkspaceTab.JsonOf(decided);
        Assert.Contains("Mrs Pemberly agreed", afterDecision.GetProperty("decisions").GetRawText(), StringComparison.Ordinal);

        using var closed = await tab.ActAsync(concern.Reference, Bearer(tab, People.Dee), new
        {
            verb = "close",
            outcomeDesired = "Partially",
            outcomeRisk = "Reduced",
            reporterMessage = "Thank you: we have acted on it.",
        }, afterDecision.GetProperty("eTag").GetString());

        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var file = await WorkspaceTab.JsonOf(closed);
        Assert.True(file.GetProperty("closed").GetBoolean());
        Assert.Contains("Thank you: we have acted on it.", file.GetProperty("outcome").GetRawText(), StringComparison.Ordinal);
        var stored = await SampleConcerns.CurrentAsync(tab.Host, concern);
        Assert.Equal(OutcomesAchieved.Partially, stored.Leads.Outcome!.DesiredOutcomes);
        using var list = await tab.GetAsync("/workspace/api/cases", Bearer(tab, People.Dee));
        Assert.DoesNotContain(concern.Reference, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_without_the_version_the_lead_saw_is_refused_plainly_and_changes_nothing()
    {
        await using var tab = await WorkspaceTab.StartAsync();
        var concern = SampleConcerns.Create();
        await tab.RouteAsync(concern);

        using var response = await tab.ActAsync(concern.Reference, Bearer(tab, People.Asha), new { verb = "acknowledge" }, etag: null);

        Assert.Equal(HttpStatusCode.PreconditionRequired, response.StatusCode);
        Assert.Equal(ConcernStatus.Received, (await SampleConcerns.CurrentAsync(tab.Host, concern)).Status);
    }

    [Fact]
    public async Task Someone_who_is_not_a_lead_for_the_concern_cannot_act_on_it_from_the_tab()
    {
        await using var tab = await WorkspaceTab.StartAsync();
        var concern = SampleConcerns.Create();
        await tab.RouteAsync(concern);
        var etag = (await tab.Host.Stores.GetAsync(concern.Id))!.ETag;

        using var response = await tab.ActAsync(concern.Reference, Bearer(tab, WorkspaceTab.Olive), new { verb = "acknowledge" }, etag);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ConcernStatus.Received, (await SampleConcerns.CurrentAsync(tab.Host, concern)).Status);
        Assert.DoesNotContain("Quillborne", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
