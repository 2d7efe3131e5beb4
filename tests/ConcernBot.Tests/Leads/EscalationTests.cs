using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConcernBot.Tests.Leads;

public sealed class EscalationTests
{
    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), what);
    }

    private static int Fired(TestHost host, string stage) =>
        host.Stores.OutboxMessages().Count(m => m.Id.EndsWith(":" + stage, StringComparison.Ordinal));

    [Fact]
    public async Task An_unacknowledged_urgent_concern_escalates_on_time_reminder_then_deputies_then_the_escalation_contact()
    {
        await using var host = TestHost.Leads();
        var concern = SampleConcerns.Create(urgent: true);
        var post = await LeadsFlow.RouteAsync(host, concern);
        host.Connector.Clear();

        host.Clock.Advance(TimeSpan.FromMinutes(14));
        await Task.Delay(200);
        Assert.Equal(0, Fired(host, EscalationStep.AckReminder));

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await WaitForAsync(() => Fired(host, EscalationStep.AckReminder) == 1, "the reminder fires at 15 minutes");
        await host.DeliverOutboxAsync();
        var reminder = Assert.Single(host.Connector.Of("send"));
        Assert.Equal(post.ConversationId, reminder.ConversationId);
        Assert.Contains("<at>Asha Designated</at>", reminder.Activity!.Text, StringComparison.Ordinal);
        Assert.Contains("has not been acknowledged yet", reminder.Activity.Text, StringComparison.Ordinal);
        Assert.Equal(3, reminder.Activity.Entities!.Count);
        Assert.Contains(host.Stores.OutboxMessages(), m => m.Kind == "reporter.notify" && m.Id.EndsWith(":notify:overdue", StringComparison.Ordinal));
        host.Connector.Clear();

        host.Clock.Advance(TimeSpan.FromMinutes(15));
        await WaitForAsync(() => Fired(host, EscalationStep.AckDeputies) == 1, "the deputies are told 15 minutes later");
        await host.DeliverOutboxAsync();
        var deputies = Assert.Single(host.Connector.Of("create"));
        Assert.False(deputies.Parameters!.IsGroup);
        Assert.Equal(People.Dee.UserId, deputies.Parameters.Members![0].Id);
        Assert.Contains("As a deputy lead", Assert.Single(host.Connector.Of("send")).Activity!.Text, StringComparison.Ordinal);
        host.Connector.Clear();

        host.Clock.Advance(TimeSpan.FromMinutes(15));
        await WaitForAsync(() => Fired(host, EscalationStep.AckContact) == 1, "the escalation contact is told 15 minutes after that");
        await host.DeliverOutboxAsync();
        Assert.Equal(People.Erin.UserId, Assert.Single(host.Connector.Of("create")).Parameters!.Members![0].Id);
        var toErin = Assert.Single(host.Connector.Of("send")).Activity!.Text!;
        Assert.Contains("escalation contact", toErin, StringComparison.Ordinal);
        Assert.DoesNotContain("Quillborne", toErin, StringComparison.Ordinal);

        host.Clock.Advance(TimeSpan.FromHours(2));
        await Task.Delay(200);
        Assert.Equal(1, Fired(host, EscalationStep.AckReminder));
        Assert.Equal(1, Fired(host, EscalationStep.AckDeputies));
        Assert.Equal(1, Fired(host, EscalationStep.AckContact));
        var stored = await SampleConcerns.CurrentAsync(host, concern);
        Assert.Equal([EscalationStep.AckReminder, EscalationStep.AckDeputies, EscalationStep.AckContact], stored.Leads.EscalationsFired);
        Assert.True(stored.Leads.EscalationsFired.Count == 3 && stored.NextDeadline > host.Clock.GetUtcNow().AddDays(80));
    }

    [Fact]
    public async Task An_acknowledged_concern_does_not_escalate()
    {
        await using var host = TestHost.Leads();
        var concern = SampleConcerns.Create(urgent: true);
        var post = await LeadsFlow.RouteAsync(host, concern);
        await LeadsFlow.ActAsync(host, People.Dee, post, LeadsVerbs.Acknowledge, concern.Id);

        host.Clock.Advance(TimeSpan.FromHours(3));
        await Task.Delay(300);

        Assert.DoesNotContain(host.Stores.OutboxMessages(), m => m.Kind is "leads.reminder" or "leads.escalation");
        Assert.Empty((await SampleConcerns.CurrentAsync(host, concern)).Leads.EscalationsFired);
    }

    [Fact]
    public async Task Two_escalation_services_on_one_store_fire_each_stage_once()
    {
        await using var host = TestHost.Leads();
        var concerns = new[] { SampleConcerns.Create("SG-AAA-AAA", urgent: true), SampleConcerns.Create("SG-BBB-BBB", urgent: true) };
        foreach (var c in concerns)
        {
            await LeadsFlow.RouteAsync(host, c);
        }

        var clocks = host.Get<LeadsClocks>();
        var organisations = host.Get<LeadsOrganisations>();
        var first = new EscalationScanner(host.Stores.Concerns, clocks, organisations, NullLogger<EscalationScanner>.Instance);
        var second = new EscalationScanner(host.Stores.Concerns, clocks, organisations, NullLogger<EscalationScanner>.Instance);
        var received = concerns[0].ReceivedAt;

        foreach (var minutes in new[] { 16, 31, 46, 60 })
        {
            var now = received.AddMinutes(minutes);
            await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? first : second).ScanAsync(now, CancellationToken.None)));
        }

        foreach (var stage in new[] { EscalationStep.AckReminder, EscalationStep.AckDeputies, EscalationStep.AckContact })
        {
            Assert.Equal(2, Fired(host, stage));
        }

        foreach (var c in concerns)
        {
            Assert.Equal(3, (await host.Stores.ReadAsync(c.Id)).Count(e => e.Action.StartsWith(LeadsAudit.Escalated, StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Two_hosts_on_one_store_each_running_the_escalation_service_fire_each_stage_once()
    {
        await using var first = TestHost.Leads();
        await using var second = TestHost.Leads(new() { Data = first.Data });
        var concern = SampleConcerns.Create(urgent: true);
        await LeadsFlow.RouteAsync(first, concern);
        _ = second.Services;

        foreach (var (minutes, stage) in new[] { (16, EscalationStep.AckReminder), (15, EscalationStep.AckDeputies), (15, EscalationStep.AckContact) })
        {
            first.Clock.Advance(TimeSpan.FromMinutes(minutes));
            second.Clock.Advance(TimeSpan.FromMinutes(minutes));
            await WaitForAsync(() => Fired(first, stage) == 1, $"{stage} fires");
            await Task.Delay(200);
            Assert.Equal(1, Fired(first, stage));
        }

        var audit = await first.Stores.ReadAsync(concern.Id);
        Assert.Equal(3, audit.Count(e => e.Action.StartsWith(LeadsAudit.Escalated, StringComparison.Ordinal)));
        Assert.Equal(3, (await first.Stores.GetAsync(concern.Id))!.Value.Leads.EscalationsFired.Count);
    }

    [Fact]
    public async Task An_allegation_about_someone_working_with_children_shows_the_LADO_clock_and_reminds_when_it_passes()
    {
        await using var host = TestHost.Leads();
        var concern = SampleConcerns.Create(atRisk: PersonAtRiskKind.Child, subject: new ConcernSubject { Kind = SubjectKind.StaffMember });
        var post = await LeadsFlow.RouteAsync(host, concern);
        Assert.Contains("Referral to the LADO (within one working day)\nDue by Wed 25 Nov 2026, 10:00", LeadsFlow.Readable(host.Connector.Of("create")[0].CardJson), StringComparison.Ordinal);
        await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Acknowledge, concern.Id);
        host.Connector.Clear();

        host.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await WaitForAsync(() => Fired(host, EscalationStep.LadoReminder) == 1, "the LADO reminder fires after one working day");
        await host.DeliverOutboxAsync();

        Assert.Contains("referred to the LADO", Assert.Single(host.Connector.Of("send")).Activity!.Text, StringComparison.Ordinal);
    }
}
