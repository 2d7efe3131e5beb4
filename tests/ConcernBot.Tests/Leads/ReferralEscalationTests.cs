using System.Text.Json;
using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;

namespace ConcernBot.Tests.Leads;

/// <summary>
/// An agency's answer to a referral that does not come back in time escalates like an unacknowledged concern: a reminder
/// to the leads in the thread, then after the escalation interval the deputies, then the escalation contact, each step
/// audited, never anyone the concern is about. Through the real host on the fake clock, the referral made on the card.
/// </summary>
public sealed class ReferralEscalationTests
{
    // Received Tue 24 Nov 2026 10:00 and referred then: children's services answer within one working day (Wed 10:00);
    // not urgent, so each further step is one working hour later.
    private static readonly DateTimeOffset Due = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static async Task<IReadOnlyList<ConnectorCall>> AtAsync(TestHost host, DateTimeOffset at)
    {
        host.Connector.Clear();
        host.Clock.Advance(at - host.Clock.GetUtcNow());
        while (await host.Get<EscalationScanner>().ScanAsync(at, CancellationToken.None) > 0)
        {
        }

        await host.DeliverOutboxAsync();
        return [.. host.Connector.Calls];
    }

    private static async Task<(TestHost Host, Concern Concern, IReadOnlyList<LeadsCardPost> Posts)> ReferredAsync(ConcernSubject? subject = null)
    {
        var host = TestHost.Leads();
        var concern = SampleConcerns.Create(subject: subject);
        await SampleConcerns.SubmitAsync(host, concern);
        await host.DeliverOutboxAsync();
        var posts = (await SampleConcerns.CurrentAsync(host, concern)).Leads.Posts;
        var answer = await LeadsFlow.ActAsync(host, People.Asha, posts[0], LeadsVerbs.Refer, concern.Id, new { agency = "ChildrensServices", agencyReference = "MASH-77" });
        Assert.Contains("The referral to children's social care or the MASH is recorded.", LeadsFlow.Readable(LeadsFlow.CardOf(answer)), StringComparison.Ordinal);
        await host.DeliverOutboxAsync();
        return (host, concern, posts);
    }

    private static IEnumerable<string> OneToOneWith(IEnumerable<ConnectorCall> calls) =>
        calls.Where(c => c.Operation == "create" && c.Parameters?.IsGroup != true).Select(c => c.Parameters!.Members![0].Id!)
            .Where(id => id != People.Rita.ObjectId && id != People.Rita.UserId);

    private static string TextTo(IEnumerable<ConnectorCall> calls, string memberId) =>
        string.Join("\n", calls.Where(c => c.Operation == "send" && c.ConversationId == "a:personal-" + memberId).Select(c => c.Activity!.Text));

    private static string InThread(IEnumerable<ConnectorCall> calls, LeadsCardPost post) =>
        string.Join("\n", calls.Where(c => c.Operation == "send" && c.ConversationId?.StartsWith(post.ConversationId, StringComparison.Ordinal) == true).Select(c => c.Activity!.Text));

    [Fact]
    public async Task A_referral_answered_before_it_is_due_never_escalates()
    {
        var (host, concern, posts) = await ReferredAsync();
        await using var _ = host;
        host.Clock.Advance(TimeSpan.FromHours(3));
        var answer = await LeadsFlow.ActAsync(host, People.Ben, posts[0], LeadsVerbs.ReferralReply, concern.Id, new { referralId = "r1", response = "Accepted; a social worker is allocated." });
        Assert.Contains("What came back is recorded.", LeadsFlow.Readable(LeadsFlow.CardOf(answer)), StringComparison.Ordinal);

        var calls = new List<ConnectorCall>();
        foreach (var hours in new[] { 0.02, 1.02, 2.02, 30 })
        {
            calls.AddRange(await AtAsync(host, Due.AddHours(hours)));
        }

        var stored = await SampleConcerns.CurrentAsync(host, concern);
        Assert.DoesNotContain(stored.Leads.EscalationsFired, s => s.StartsWith(EscalationStep.ReferralPrefix, StringComparison.Ordinal));
        Assert.Empty(OneToOneWith(calls));
        Assert.DoesNotContain(calls, c => c.Activity?.Text?.Contains("children's social care", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(await host.Stores.ReadAsync(concern.Id), e => e.Action.StartsWith("leads.escalated.referral", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_overdue_referral_reminds_the_leads_then_reaches_the_deputies_then_the_contact_each_step_audited()
    {
        var (host, concern, posts) = await ReferredAsync();
        await using var _ = host;
        const string Referred = "referred to children's social care or the MASH on Tue 24 Nov 2026, 10:00, and their answer was due by Wed 25 Nov 2026, 10:00";

        Assert.Empty(await AtAsync(host, Due.AddMinutes(-1)));

        var reminder = await AtAsync(host, Due.AddMinutes(1));
        Assert.Contains("was referred to children's social care or the MASH on Tue 24 Nov 2026, 10:00", InThread(reminder, posts[0]), StringComparison.Ordinal);
        Assert.Empty(OneToOneWith(reminder));
        Assert.Empty(OneToOneWith(await AtAsync(host, Due.AddMinutes(59))));

        var deputies = await AtAsync(host, Due.AddMinutes(61));
        Assert.Equal([People.Dee.UserId], OneToOneWith(deputies));
        var toDee = TextTo(deputies, People.Dee.UserId);
        Assert.Contains("Concern SG-7K3-Q9P was " + Referred, toDee, StringComparison.Ordinal);
        Assert.Contains("As a deputy lead, please open the concern in the leads' channel", toDee, StringComparison.Ordinal);
        Assert.Empty(OneToOneWith(await AtAsync(host, Due.AddMinutes(119))));

        var contact = await AtAsync(host, Due.AddMinutes(121));
        Assert.Equal([People.Erin.UserId], OneToOneWith(contact));
        var toErin = TextTo(contact, People.Erin.UserId);
        Assert.Contains(Referred, toErin, StringComparison.Ordinal);
        Assert.Contains("Deputies told: Dee Deputy.", toErin, StringComparison.Ordinal);
        Assert.Empty(OneToOneWith(await AtAsync(host, Due.AddHours(30))));

        var audit = await host.Stores.ReadAsync(concern.Id);
        var steps = audit.Where(e => e.Action.StartsWith("leads.escalated.referral", StringComparison.Ordinal)).Select(e => e.Action).ToList();
        Assert.Equal(["leads.escalated.referral.r1", "leads.escalated.referral.r1.deputies", "leads.escalated.referral.r1.contact"], steps);
        Assert.Contains(audit, e => e.Action == LeadsAudit.EscalationReached && e.Detail == "step=referral.r1.deputies; role=Deputy; name=Dee Deputy; route=channel roster");
        Assert.Contains(audit, e => e.Action == LeadsAudit.EscalationReached && e.Detail!.StartsWith("step=referral.r1.contact; role=EscalationContact; name=Erin Trustee", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_recorded_after_the_reminder_stops_the_escalation_before_the_deputies()
    {
        var (host, concern, posts) = await ReferredAsync();
        await using var _ = host;
        await AtAsync(host, Due.AddMinutes(1));
        await LeadsFlow.ActAsync(host, People.Asha, posts[0], LeadsVerbs.ReferralReply, concern.Id, new { referralId = "r1", response = "No further action by the MASH." });

        Assert.Empty(OneToOneWith(await AtAsync(host, Due.AddMinutes(61))));
        Assert.Empty(OneToOneWith(await AtAsync(host, Due.AddMinutes(121))));
        Assert.Equal(["referral.r1"], (await SampleConcerns.CurrentAsync(host, concern)).Leads.EscalationsFired.Where(ReferralSteps.IsReferralStep));
    }

    [Fact]
    public async Task A_concern_about_a_deputy_never_reaches_that_deputy_and_the_contact_is_told_at_once()
    {
        var (host, concern, posts) = await ReferredAsync(new ConcernSubject { Kind = SubjectKind.SafeguardingLead, LeadAadObjectId = People.Dee.ObjectId });
        await using var _ = host;
        Assert.All(posts, p => Assert.False(p.InChannel));

        var calls = new List<ConnectorCall>();
        calls.AddRange(await AtAsync(host, Due.AddMinutes(1)));
        var deputies = await AtAsync(host, Due.AddMinutes(61));
        calls.AddRange(deputies);
        calls.AddRange(await AtAsync(host, Due.AddMinutes(121)));

        Assert.Equal([People.Erin.UserId], OneToOneWith(deputies));
        Assert.Contains("The deputy leads were not told, because this concern is kept from them.", TextTo(deputies, People.Erin.UserId), StringComparison.Ordinal);
        Assert.Contains("This concern is kept from the deputy leads, so no deputy was told that an agency's answer is overdue.", string.Join("\n", deputies.Select(c => c.Activity?.Text)), StringComparison.Ordinal);
        foreach (var call in calls)
        {
            var seen = call.ConversationId + JsonSerializer.Serialize(call.Activity) + JsonSerializer.Serialize(call.Parameters);
            Assert.DoesNotContain(People.Dee.ObjectId, seen, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(People.Dee.UserId, seen, StringComparison.Ordinal);
            Assert.DoesNotContain(People.Dee.Name, seen, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(await host.Stores.ReadAsync(concern.Id), e => e.Detail?.Contains("name=Dee Deputy", StringComparison.Ordinal) == true);
    }
}
