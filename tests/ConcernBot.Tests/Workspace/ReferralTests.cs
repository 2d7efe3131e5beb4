using System.Net;
using System.Text.Json;
using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;

namespace ConcernBot.Tests.Workspace;

/// <summary>
/// Referrals to other agencies recorded in the tab: who, when, their reference and what came back; each with its own
/// clock where one applies, in the chronology, and a reminder to the leads when an agency's answer is overdue.
/// </summary>
public sealed class ReferralTests
{
    private static string Bearer(WorkspaceTab tab, Person person) => "Bearer " + tab.Token(person);

    private static async Task<JsonElement> CaseAsync(WorkspaceTab tab, string reference)
    {
        using var response = await tab.GetAsync($"/workspace/api/cases/{reference}", Bearer(tab, People.Asha));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await WorkspaceTab.JsonOf(response);
    }

    private static async Task<(HttpStatusCode Status, JsonElement File)> ActAsync(WorkspaceTab tab, string reference, object body)
    {
        var etag = (await CaseAsync(tab, reference)).GetProperty("eTag").GetString();
        using var response = await tab.ActAsync(reference, Bearer(tab, People.Asha), body, etag);
        return (response.StatusCode, await WorkspaceTab.JsonOf(response));
    }

    /// <summary>The escalation service runs on the host's clock in the background: waits until the step has fired.</summary>
    private static async Task<bool> FiredAsync(WorkspaceTab tab, Concern concern, string step)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(20); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if ((await SampleConcerns.CurrentAsync(tab.Host, concern)).Leads.EscalationsFired.Contains(step))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public async Task A_LADO_referral_is_recorded_with_its_reference_meets_the_LADO_clock_and_is_in_the_chronology()
    {
        await using var tab = await WorkspaceTab.StartAsync();
        var concern = SampleConcerns.Create(atRisk: PersonAtRiskKind.Child);
        await tab.RouteAsync(concern);

        var (status, file) = await ActAsync(tab, concern.Reference, new { verb = "refer", agency = "Lado", agencyReference = "LADO-2026-0412" });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("The referral to the LADO is recorded.", file.GetProperty("notice").GetString());
        var referral = Assert.Single(file.GetProperty("referrals").EnumerateArray());
        Assert.StartsWith("Referred to the LADO: Tue 24 Nov 2026, 10:00, by Asha Designated", referral.GetProperty("made").GetString(), StringComparison.Ordinal);
        Assert.Equal("Their reference: LADO-2026-0412", referral.GetProperty("theirReference").GetString());
        var lado = file.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "lado");
        Assert.Equal(JsonValueKind.String, lado.GetProperty("met").ValueKind);
        Assert.Contains(file.GetProperty("chronology").EnumerateArray(), e => e.GetProperty("action").GetString() == "recorded a referral to another agency" && e.GetProperty("reason").GetString() == "LADO-2026-0412");
        var stored = await SampleConcerns.CurrentAsync(tab.Host, concern);
        Assert.Equal(ConcernStatus.Acknowledged, stored.Status);
        // The LADO has been told: no LADO reminder is waiting; the LADO's own answer is.
        Assert.Equal(["referral.r1", "referral.r1.deputies", "referral.r1.contact", EscalationStep.FeedbackReminder], tab.Host.Get<LeadsClocks>().PendingSteps(stored).Select(s => s.Name));
    }

    [Fact]
    public async Task An_agencys_overdue_answer_reminds_the_leads_in_the_thread_until_what_came_back_is_recorded()
    {
        await using var tab = await WorkspaceTab.StartAsync();
        var concern = SampleConcerns.Create();
        await tab.RouteAsync(concern);
        var post = Assert.Single((await SampleConcerns.CurrentAsync(tab.Host, concern)).Leads.Posts);
        await ActAsync(tab, concern.Reference, new { verb = "refer", agency = "ChildrensServices", agencyReference = "MASH-77" });
        tab.Host.Connector.Clear();

        tab.Host.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        Assert.True(await FiredAsync(tab, concern, "referral.r1"), "the referral's reminder fires when the agency's answer is overdue");
        await tab.Host.DeliverOutboxAsync();

        var reminder = Assert.Single(tab.Host.Connector.Of("send"));
        Assert.Equal(post.ConversationId, reminder.ConversationId);
        Assert.Contains("was referred to children's social care or the MASH on Tue 24 Nov 2026, 10:00", reminder.Activity!.Text, StringComparison.Ordinal);
        using (var list = await tab.GetAsync("/workspace/api/cases?overdue=true", Bearer(tab, People.Asha)))
        {
            Assert.Contains(concern.Reference, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var (status, file) = await ActAsync(tab, concern.Reference, new { verb = "referral-reply", referralId = "r1", response = "Accepted for a section 47 enquiry; social worker allocated." });

        Assert.Equal(HttpStatusCode.OK, status);
        var referral = Assert.Single(file.GetProperty("referrals").EnumerateArray());
        Assert.True(referral.GetProperty("answered").GetBoolean());
        Assert.Contains("social worker allocated", referral.GetProperty("answer").GetString(), StringComparison.Ordinal);
        using var after = await tab.GetAsync("/workspace/api/cases?overdue=true", Bearer(tab, People.Asha));
        Assert.DoesNotContain(concern.Reference, await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Referrals_are_in_the_export_and_count_as_referred_in_the_report()
    {
        await using var tab = await WorkspaceTab.StartAsync();
        var concern = SampleConcerns.Create();
        await tab.RouteAsync(concern);
        await ActAsync(tab, concern.Reference, new { verb = "refer", agency = "Police", agencyReference = "CAD-5512" });
        var stored = await SampleConcerns.CurrentAsync(tab.Host, concern);
        var period = new ConcernBot.Learning.ReportPeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        var rows = ConcernBot.Learning.ConcernExport.Concerns(period, [stored], withAccounts: false);
        var figures = ConcernBot.Learning.LearningFigures.Compute(period, [stored], tab.Host.Clock.GetUtcNow());

        Assert.Contains("Police@2026-11-24T10:00Z ref=CAD-5512", rows, StringComparison.Ordinal);
        Assert.Equal(1, figures.ConcernsReferred);
    }

    [Fact]
    public async Task A_CQC_notification_made_later_than_without_delay_says_when_it_was_due()
    {
        await using var tab = await WorkspaceTab.StartAsync();
        var concern = SampleConcerns.Create();
        await tab.RouteAsync(concern);
        tab.Host.Clock.Advance(TimeSpan.FromHours(30));

        var (_, file) = await ActAsync(tab, concern.Reference, new { verb = "refer", agency = "CqcNotification" });

        var referral = Assert.Single(file.GetProperty("referrals").EnumerateArray());
        Assert.Equal("This was due by Wed 25 Nov 2026, 10:00.", referral.GetProperty("madeLate").GetString());
        Assert.Equal(JsonValueKind.Null, referral.GetProperty("clock").ValueKind);
    }

    [Fact]
    public async Task A_referral_dated_before_the_concern_or_to_no_agency_is_refused_and_nothing_is_recorded()
    {
        await using var tab = await WorkspaceTab.StartAsync();
        var concern = SampleConcerns.Create();
        await tab.RouteAsync(concern);

        var (early, file) = await ActAsync(tab, concern.Reference, new { verb = "refer", agency = "Police", referredAt = "2026-11-01T09:00" });
        var (nobody, _) = await ActAsync(tab, concern.Reference, new { verb = "refer", agency = "Neighbours" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, early);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nobody);
        Assert.StartsWith("To record a referral, please choose the agency", file.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Empty((await SampleConcerns.CurrentAsync(tab.Host, concern)).Leads.Referrals);
    }
}
