using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;

namespace ConcernBot.Tests.Leads;

/// <summary>
/// An urgent concern nobody acknowledges (due at 15 minutes; deputies 15 minutes later; the escalation contact 15 after
/// that), on the fake clock, through the real host with the connector stood in for: who is reached, when, by which route,
/// and what each is told; and what happens when someone cannot be reached.
/// </summary>
public sealed class EscalationChainTests
{
    /// <summary>Sets the clock to <paramref name="minutes"/> after the concern arrived, scans and delivers; answers what was sent.</summary>
    private static async Task<IReadOnlyList<ConnectorCall>> AtAsync(TestHost host, Concern concern, int minutes)
    {
        host.Connector.Clear();
        var at = concern.ReceivedAt.AddMinutes(minutes);
        host.Clock.Advance(at - host.Clock.GetUtcNow());
        await host.Get<EscalationScanner>().ScanAsync(at, CancellationToken.None);
        await host.DeliverOutboxAsync();
        return [.. host.Connector.Calls];
    }

    private static async Task<(TestHost Host, Concern Concern, LeadsCardPost Post)> RouteAsync(Dictionary<string, string?>? settings = null, Action<TestHost>? arrange = null)
    {
        var host = TestHost.Leads(new() { Preset = settings });
        arrange?.Invoke(host);
        var concern = SampleConcerns.Create(urgent: true);
        var post = await LeadsFlow.RouteAsync(host, concern);
        return (host, concern, post);
    }

    private static IEnumerable<string> OneToOneWith(IEnumerable<ConnectorCall> calls) =>
        calls.Where(c => c.Operation == "create" && c.Parameters?.IsGroup != true).Select(c => c.Parameters!.Members![0].Id!)
            .Where(id => id != People.Rita.ObjectId && id != People.Rita.UserId); // the reporter's own chat is not the chain

    private static string TextTo(IEnumerable<ConnectorCall> calls, string memberId) =>
        string.Join("\n", calls.Where(c => c.Operation == "send" && c.ConversationId == "a:personal-" + memberId).Select(c => c.Activity!.Text));

    private static string Thread(IEnumerable<ConnectorCall> calls, LeadsCardPost post) =>
        string.Join("\n", calls.Where(c => c.Operation == "send" && c.ConversationId?.StartsWith(People.LeadsChannel, StringComparison.Ordinal) == true && c.Activity?.ReplyToId == post.ActivityId).Select(c => c.Activity!.Text));

    [Fact]
    public async Task A_deputy_in_the_channel_is_told_at_30_minutes_and_the_contact_at_45_hears_who_was_told()
    {
        var (host, concern, post) = await RouteAsync();
        await using var _ = host;

        Assert.Contains("has not been acknowledged yet", Thread(await AtAsync(host, concern, 16), post), StringComparison.Ordinal);
        Assert.Empty(OneToOneWith(await AtAsync(host, concern, 29)));

        var deputies = await AtAsync(host, concern, 31);
        Assert.Equal([People.Dee.UserId], OneToOneWith(deputies));
        Assert.Contains("open it in the leads' channel", TextTo(deputies, People.Dee.UserId), StringComparison.Ordinal);

        var contact = await AtAsync(host, concern, 46);
        Assert.Equal([People.Erin.UserId], OneToOneWith(contact));
        var toErin = TextTo(contact, People.Erin.UserId);
        Assert.Contains("Deputies told: Dee Deputy.", toErin, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not be reached", toErin, StringComparison.Ordinal);
        var notices = (await SampleConcerns.CurrentAsync(host, concern)).Leads.EscalationNotices;
        Assert.Equal([(EscalationRole.Deputy, "Dee Deputy", true, EscalationRoutes.Roster), (EscalationRole.EscalationContact, "Erin Trustee", true, EscalationRoutes.SettingsUserId)],
            notices.Select(n => (n.Role, n.Name, n.Reached, n.Route)).ToList());
    }

    [Fact]
    public async Task A_deputy_outside_the_channel_with_only_an_object_id_gets_a_1to1_with_the_card_to_acknowledge_on()
    {
        var (host, concern, _) = await RouteAsync(arrange: h => h.Connector.Members[People.LeadsChannel] = [People.Asha.AsMember(), People.Ben.AsMember()]);
        await using var __ = host;
        await AtAsync(host, concern, 16);

        var deputies = await AtAsync(host, concern, 31);

        Assert.Equal([People.Dee.ObjectId], OneToOneWith(deputies));
        var send = Assert.Single(deputies, c => c.Operation == "send" && c.ConversationId == "a:personal-" + People.Dee.ObjectId);
        Assert.Contains("acknowledge it on the card below", send.Activity!.Text, StringComparison.Ordinal);
        Assert.Contains("SG-7K3-Q9P", send.CardJson, StringComparison.Ordinal);
        var dees = (await SampleConcerns.CurrentAsync(host, concern)).Leads.Posts.Single(p => p.ConversationId == "a:personal-" + People.Dee.ObjectId);
        await LeadsFlow.ActAsync(host, People.Dee, dees, LeadsVerbs.Acknowledge, concern.Id);
        Assert.Equal(ConcernStatus.Acknowledged, (await SampleConcerns.CurrentAsync(host, concern)).Status);
        Assert.Empty(OneToOneWith(await AtAsync(host, concern, 46)));
    }

    [Fact]
    public async Task A_deputy_with_a_user_id_in_the_settings_is_reached_by_it()
    {
        var settings = People.Settings();
        settings["Leads:Deputies:0:UserId"] = "29:dee-from-settings";
        var (host, concern, _) = await RouteAsync(settings, h => h.Connector.Members[People.LeadsChannel] = [People.Asha.AsMember(), People.Ben.AsMember()]);
        await using var __ = host;
        await AtAsync(host, concern, 16);

        Assert.Equal(["29:dee-from-settings"], OneToOneWith(await AtAsync(host, concern, 31)));
        Assert.Equal(EscalationRoutes.SettingsUserId, Assert.Single((await SampleConcerns.CurrentAsync(host, concern)).Leads.EscalationNotices).Route);
    }

    [Fact]
    public async Task A_deputy_who_cannot_be_reached_is_recorded_the_thread_is_told_and_the_contact_is_told_at_once_and_truly()
    {
        var (host, concern, post) = await RouteAsync(arrange: h =>
        {
            h.Connector.Members[People.LeadsChannel] = [People.Asha.AsMember(), People.Ben.AsMember()];
            h.Connector.Unreachable[People.Dee.ObjectId] = true;
        });
        await using var _ = host;
        await AtAsync(host, concern, 16);

        var at30 = await AtAsync(host, concern, 31);

        Assert.Contains(People.Dee.ObjectId, OneToOneWith(at30));
        Assert.Contains("could not reach Dee Deputy", Thread(at30, post), StringComparison.Ordinal);
        Assert.Contains("The escalation contact is being told now", Thread(at30, post), StringComparison.Ordinal);
        var toErin = TextTo(at30, People.Erin.UserId);
        Assert.Contains("Could not be reached: Dee Deputy.", toErin, StringComparison.Ordinal);
        Assert.DoesNotContain("Deputies told", toErin, StringComparison.Ordinal);

        var audit = await host.Stores.ReadAsync(concern.Id);
        Assert.Contains(audit, e => e.Action == LeadsAudit.EscalationNotReached && e.Detail!.Contains("name=Dee Deputy", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == LeadsAudit.EscalationReached && e.Detail!.Contains("name=Erin Trustee", StringComparison.Ordinal));
        Assert.Empty(OneToOneWith(await AtAsync(host, concern, 46)));
    }

    [Fact]
    public async Task With_no_deputies_the_thread_is_told_and_the_contact_hears_it_at_30_minutes_not_45()
    {
        var settings = People.Settings();
        settings.Remove("Leads:Deputies:0:ObjectId");
        settings.Remove("Leads:Deputies:0:Name");
        var (host, concern, post) = await RouteAsync(settings);
        await using var _ = host;
        await AtAsync(host, concern, 16);

        var at30 = await AtAsync(host, concern, 31);

        Assert.Equal([People.Erin.UserId], OneToOneWith(at30));
        Assert.Contains("No deputy leads are set up.", TextTo(at30, People.Erin.UserId), StringComparison.Ordinal);
        Assert.Contains("No deputy leads are set up, so no deputy was told", Thread(at30, post), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concern_about_the_only_deputy_tells_the_contact_the_truth_that_the_deputies_were_kept_out()
    {
        var (host, concern, post) = await RouteAsync();
        await using var _ = host;
        // Routed as a concern about Dee (the only deputy) would be: the subject set on the stored concern.
        var stored = (await host.Stores.GetAsync(concern.Id))!;
        var about = stored.Value with { Subject = new ConcernSubject { Kind = SubjectKind.SafeguardingLead, LeadAadObjectId = People.Dee.ObjectId } };
        await host.Stores.Concerns.UpdateAsync(about, stored.ETag, new ConcernBot.Storage.AuditEntry { Actor = "test", At = host.Clock.GetUtcNow(), Action = "test.subject" }, [], CancellationToken.None);
        await AtAsync(host, concern, 16);

        var at30 = await AtAsync(host, concern, 31);

        Assert.DoesNotContain(People.Dee.UserId, OneToOneWith(at30));
        Assert.Contains("The deputy leads were not told, because this concern is kept from them.", TextTo(at30, People.Erin.UserId), StringComparison.Ordinal);
        Assert.DoesNotContain("No deputy leads are set up", TextTo(at30, People.Erin.UserId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_escalation_contact_the_thread_is_told_that_nobody_outside_the_leads_was()
    {
        var settings = People.Settings();
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Leads:EscalationContact", StringComparison.Ordinal)).ToList())
        {
            settings.Remove(key);
        }

        var (host, concern, post) = await RouteAsync(settings);
        await using var _ = host;
        await AtAsync(host, concern, 16);
        Assert.Equal([People.Dee.UserId], OneToOneWith(await AtAsync(host, concern, 31)));

        var at45 = await AtAsync(host, concern, 46);

        Assert.Empty(OneToOneWith(at45));
        Assert.Contains("No escalation contact is set up", Thread(at45, post), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retry_of_the_step_never_tells_anyone_twice()
    {
        var (host, concern, _) = await RouteAsync();
        await using var __ = host;
        await AtAsync(host, concern, 16);
        await AtAsync(host, concern, 31);
        host.Connector.Clear();

        var stored = await SampleConcerns.CurrentAsync(host, concern);
        var handler = host.Get<IEnumerable<ConcernBot.Storage.Outbox.IOutboxHandler>>().Single(h => h.Kind == LeadsOutbox.Escalation);
        await handler.DeliverAsync(LeadsOutbox.Create(LeadsOutbox.Escalation, concern.Id, new StagePayload(concern.Id, EscalationStep.AckDeputies), host.Clock.GetUtcNow()), CancellationToken.None);

        Assert.Empty(OneToOneWith(host.Connector.Calls));
        Assert.Single((await SampleConcerns.CurrentAsync(host, concern)).Leads.EscalationNotices, n => n.Step == EscalationStep.AckDeputies);
        Assert.Equal(stored.Leads.EscalationNotices.Count, (await SampleConcerns.CurrentAsync(host, concern)).Leads.EscalationNotices.Count);
    }

    [Fact]
    public async Task Test_escalation_sends_each_person_a_marked_test_reports_who_got_it_and_makes_no_concern()
    {
        await using var host = TestHost.Leads();
        host.Connector.Members[People.LeadsChannel] = [People.Asha.AsMember(), People.Ben.AsMember()];
        host.Connector.Unreachable[People.Dee.ObjectId] = true;

        var (status, _) = await host.TurnAsync(TestActivity.ChannelMessage(People.Ada, "test escalation"));

        Assert.Equal(200, status);
        var tests = host.Connector.Calls.Where(c => c.Operation == "send" && c.ConversationId!.StartsWith("a:personal-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["a:personal-" + People.Asha.UserId, "a:personal-" + People.Ben.UserId, "a:personal-" + People.Erin.UserId], tests.Select(t => t.ConversationId).ToList());
        Assert.All(tests, t => Assert.StartsWith("TEST ONLY, no concern", t.Activity!.Text, StringComparison.Ordinal));
        var report = host.Connector.Calls.Last(c => c.Operation == "send" && c.ConversationId!.StartsWith(People.LeadsChannel, StringComparison.Ordinal)).Activity!.Text!;
        Assert.Contains("Asha Designated (designated lead): reached", report, StringComparison.Ordinal);
        Assert.Contains("Dee Deputy (deputy lead): **could not be reached**", report, StringComparison.Ordinal);
        Assert.Contains("Erin Trustee (escalation contact): reached, by Teams user id", report, StringComparison.Ordinal);
        Assert.Empty(await host.Stores.Concerns.ListByStatusAsync(People.Tenant, ConcernStatus.Received).ToListAsync());
        Assert.Contains(await host.Stores.ReadAsync(EscalationDrill.AuditStream(null)), e => e.Action == LeadsAudit.EscalationDrill && e.Actor == People.Ada.Name);

        host.Connector.Clear();
        await host.TurnAsync(TestActivity.ChannelMessage(People.Asha, "test escalation"));
        Assert.DoesNotContain(host.Connector.Calls, c => c.ConversationId!.StartsWith("a:personal-", StringComparison.Ordinal));
        Assert.Contains("Only the people named as ConcernBot admins", host.Connector.Calls.Single().Activity!.Text, StringComparison.Ordinal);
    }
}
