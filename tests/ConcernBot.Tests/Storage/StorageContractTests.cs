using ConcernBot.Concerns;
using ConcernBot.Storage;
using Microsoft.Extensions.Time.Testing;
using static ConcernBot.Tests.Storage.StorageTestData;

namespace ConcernBot.Tests.Storage;

/// <summary>
/// The one contract every store implementation keeps. Each subclass runs it against one real store (a temporary SQLite
/// file, or Azurite). Time is a fake clock, so leases, retries, deadlines and retention are driven by the test.
/// </summary>
public abstract class StorageContractTests : IAsyncLifetime
{
    private StorageHarness? harness;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private protected StorageHarness Harness => harness ?? throw new InvalidOperationException("Not initialised.");

    private DateTimeOffset Now => Time.GetUtcNow();

    public Task InitializeAsync()
    {
        harness = CreateHarness(Time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (harness is not null)
        {
            await harness.DisposeAsync();
        }
    }

    private protected abstract StorageHarness CreateHarness(FakeTimeProvider time);

    // ---- conversation state and replayed activities ----

    [Fact]
    public async Task Conversation_state_is_saved_read_and_never_overwritten_with_a_stale_etag()
    {
        var store = Harness.Open().Conversations;
        Assert.Null(await store.GetAsync("a:1"));

        var first = await store.SaveAsync("a:1", new ConversationState { Flow = "intake", Step = "who-at-risk", UpdatedAt = Now }, etag: null);
        var read = await store.GetAsync("a:1");
        Assert.NotNull(read);
        Assert.Equal("who-at-risk", read.Value.Step);
        Assert.Equal(first, read.ETag);

        var second = await store.SaveAsync("a:1", read.Value with { Step = "what-happened" }, read.ETag);
        Assert.NotEqual(first, second);

        // A second turn that read the old state must not overwrite the newer one.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync("a:1", read.Value with { Step = "cancelled" }, first));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync("a:1", new ConversationState(), etag: null));
        Assert.Equal("what-happened", (await store.GetAsync("a:1"))!.Value.Step);

        await store.DeleteAsync("a:1");
        Assert.Null(await store.GetAsync("a:1"));
    }

    [Fact]
    public async Task A_replayed_activity_is_recognised_after_a_round_trip_through_the_store()
    {
        var store = Harness.Open().Conversations;
        var state = new ConversationState { Flow = "intake" };
        string? etag = null;
        for (var i = 1; i <= 40; i++)
        {
            var current = await store.GetAsync("a:replay");
            Assert.False(ActivityReplay.IsReplay(current?.Value, $"activity-{i}"));
            state = ActivityReplay.Remember(current?.Value ?? state, $"activity-{i}");
            etag = await store.SaveAsync("a:replay", state, current?.ETag);
        }

        var stored = (await store.GetAsync("a:replay"))!;
        Assert.Equal(etag, stored.ETag);
        Assert.True(ActivityReplay.IsReplay(stored.Value, "activity-40"));
        Assert.True(ActivityReplay.IsReplay(stored.Value, "activity-9"));
        Assert.False(ActivityReplay.IsReplay(stored.Value, "activity-8"));
        Assert.Equal(ActivityReplay.Capacity, stored.Value.RecentActivityIds.Count);
        Assert.Equal("activity-40", stored.Value.RecentActivityIds[^1]);
    }

    [Fact]
    public async Task Drafts_expiring_before_a_time_are_listed_and_idle_conversations_are_not()
    {
        var store = Harness.Open().Conversations;
        await store.SaveAsync("a:soon", new ConversationState { Flow = "intake", ExpiresAt = Now.AddDays(1) }, null);
        await store.SaveAsync("a:later", new ConversationState { Flow = "intake", ExpiresAt = Now.AddDays(7) }, null);
        await store.SaveAsync("a:idle", new ConversationState(), null);
        var moved = await store.SaveAsync("a:moved", new ConversationState { Flow = "intake", ExpiresAt = Now.AddHours(2) }, null);
        await store.SaveAsync("a:moved", new ConversationState { Flow = "intake", ExpiresAt = Now.AddDays(7) }, moved);

        var expiring = await store.ListExpiringAsync(Now.AddDays(2)).Select(e => e.ConversationId).ToListAsync();
        Assert.Equal(["a:soon"], expiring);

        var all = await store.ListExpiringAsync(Now.AddDays(8)).Select(e => e.ConversationId).OrderBy(x => x, StringComparer.Ordinal).ToListAsync();
        Assert.Equal(["a:later", "a:moved", "a:soon"], all);
    }

    // ---- concerns ----

    [Fact]
    public async Task A_concern_is_created_found_by_id_and_reference_and_updated_with_its_etag()
    {
        var store = Harness.Open().Concerns;
        var concern = Concern("c1", Now) with { Urgent = true };
        Assert.True(await store.CreateAsync(concern, Entry(Now, "Submitted", "Anonymous reporter"), []));

        var read = await store.GetAsync("c1");
        Assert.NotNull(read);
        Assert.Equal(concern.Account, read.Value.Account);
        Assert.Equal(concern.HarmKinds, read.Value.HarmKinds);
        Assert.True(read.Value.Urgent);
        Assert.Equal("c1", (await store.FindByReferenceAsync("SG-C1"))?.Value.Id);
        Assert.Null(await store.FindByReferenceAsync("SG-NOPE"));
        Assert.Null(await store.GetAsync("nope"));

        var acknowledged = read.Value with { Status = ConcernStatus.Acknowledged, AcknowledgedAt = Now, AssignedLeadId = "lead-1" };
        var etag = await store.UpdateAsync(acknowledged, read.ETag, Entry(Now, "Acknowledged"), []);
        var again = await store.GetAsync("c1");
        Assert.Equal(etag, again!.ETag);
        Assert.Equal(ConcernStatus.Acknowledged, again.Value.Status);
    }

    [Fact]
    public async Task Two_leads_acting_at_once_never_overwrite_each_other()
    {
        var store = Harness.Open().Concerns;
        await store.CreateAsync(Concern("c1", Now), Entry(Now, "Submitted"), []);
        var seenByBoth = (await store.GetAsync("c1"))!;

        await store.UpdateAsync(seenByBoth.Value with { AssignedLeadId = "lead-1" }, seenByBoth.ETag, Entry(Now, "Assigned", "lead-1"), []);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.UpdateAsync(seenByBoth.Value with { AssignedLeadId = "lead-2" }, seenByBoth.ETag, Entry(Now, "Assigned", "lead-2"), []));

        Assert.Equal("lead-1", (await store.GetAsync("c1"))!.Value.AssignedLeadId);
        var audit = await Harness.Open().Audit.ReadAsync("c1");
        Assert.Equal(["Submitted", "Assigned"], audit.Select(e => e.Action));
        Assert.Equal("lead-1", audit[1].Actor);
    }

    [Fact]
    public async Task A_replayed_submit_never_makes_a_second_concern_or_a_second_message()
    {
        var stores = Harness.Open();
        var concern = Concern("c1", Now);
        Assert.True(await stores.Concerns.CreateAsync(concern, Entry(Now, "Submitted"), [Message("c1-card", Now)]));
        Assert.False(await stores.Concerns.CreateAsync(concern, Entry(Now, "Submitted"), [Message("c1-card", Now)]));

        Assert.Single(await stores.Audit.ReadAsync("c1"));
        Assert.Single(await stores.Concerns.ListByStatusAsync(Org, ConcernStatus.Received).ToListAsync());
        var claimed = await stores.Outbox.ClaimDueAsync(Now, 10, TimeSpan.FromMinutes(1));
        Assert.Single(claimed);
    }

    [Fact]
    public async Task A_reference_already_used_by_another_concern_is_refused()
    {
        var store = Harness.Open().Concerns;
        await store.CreateAsync(Concern("c1", Now), Entry(Now, "Submitted"), []);
        await Assert.ThrowsAsync<DuplicateReferenceException>(() =>
            store.CreateAsync(Concern("c2", Now) with { Reference = "SG-C1" }, Entry(Now, "Submitted"), []));
        Assert.Null(await store.GetAsync("c2"));
    }

    [Fact]
    public async Task Listing_by_status_is_in_order_of_receipt_for_one_organisation_only()
    {
        var store = Harness.Open().Concerns;
        await store.CreateAsync(Concern("c3", Now.AddHours(3)), Entry(Now, "Submitted"), []);
        await store.CreateAsync(Concern("c1", Now.AddHours(1)), Entry(Now, "Submitted"), []);
        await store.CreateAsync(Concern("c2", Now.AddHours(2)), Entry(Now, "Submitted"), []);
        await store.CreateAsync(Concern("x1", Now, OtherOrg), Entry(Now, "Submitted"), []);

        var c2 = (await store.GetAsync("c2"))!;
        await store.UpdateAsync(c2.Value with { Status = ConcernStatus.Acknowledged }, c2.ETag, Entry(Now, "Acknowledged"), []);

        Assert.Equal(["c1", "c3"], await Ids(store.ListByStatusAsync(Org, ConcernStatus.Received)));
        Assert.Equal(["c2"], await Ids(store.ListByStatusAsync(Org, ConcernStatus.Acknowledged)));
        Assert.Equal(["x1"], await Ids(store.ListByStatusAsync(OtherOrg, ConcernStatus.Received)));
        Assert.Empty(await Ids(store.ListByStatusAsync(Org, ConcernStatus.Closed)));

        // A concern moved back is listed again (index rows are derived from the concern, not from its history).
        c2 = (await store.GetAsync("c2"))!;
        await store.UpdateAsync(c2.Value with { Status = ConcernStatus.Received }, c2.ETag, Entry(Now, "Reopened"), []);
        Assert.Equal(["c1", "c2", "c3"], await Ids(store.ListByStatusAsync(Org, ConcernStatus.Received)));
    }

    [Fact]
    public async Task Listing_by_deadline_gives_open_concerns_due_before_a_time_oldest_deadline_first()
    {
        var store = Harness.Open().Concerns;
        await store.CreateAsync(Concern("late", Now, deadline: Now.AddHours(4)), Entry(Now, "Submitted"), []);
        await store.CreateAsync(Concern("urgent", Now, deadline: Now.AddMinutes(15)), Entry(Now, "Submitted"), []);
        await store.CreateAsync(Concern("later", Now, deadline: Now.AddDays(3)), Entry(Now, "Submitted"), []);
        await store.CreateAsync(Concern("none", Now), Entry(Now, "Submitted"), []);
        await store.CreateAsync(Concern("closed", Now, status: ConcernStatus.Closed, deadline: Now.AddMinutes(5), closedAt: Now), Entry(Now, "Submitted"), []);
        await store.CreateAsync(Concern("elsewhere", Now, OtherOrg, deadline: Now.AddMinutes(1)), Entry(Now, "Submitted"), []);

        Assert.Equal(["urgent", "late"], await Ids(store.ListByDeadlineAsync(Org, Now.AddDays(1))));

        // Acknowledging moves the next deadline on; the old one no longer lists it.
        var urgent = (await store.GetAsync("urgent"))!;
        await store.UpdateAsync(urgent.Value with { Status = ConcernStatus.Acknowledged, NextDeadline = Now.AddDays(2) }, urgent.ETag, Entry(Now, "Acknowledged"), []);
        Assert.Equal(["late", "urgent"], await Ids(store.ListByDeadlineAsync(Org, Now.AddDays(2).AddMinutes(1))));
        Assert.Equal(["late"], await Ids(store.ListByDeadlineAsync(Org, Now.AddDays(1))));
    }

    [Fact]
    public async Task Listing_by_reporter_gives_that_reporters_concerns_in_their_organisation()
    {
        var store = Harness.Open().Concerns;
        await store.CreateAsync(Concern("c2", Now.AddHours(2), reporterReference: "rep-a"), Entry(Now, "Submitted"), []);
        await store.CreateAsync(Concern("c1", Now.AddHours(1), reporterReference: "rep-a"), Entry(Now, "Submitted"), []);
        await store.CreateAsync(Concern("c3", Now, reporterReference: "rep-b"), Entry(Now, "Submitted"), []);
        await store.CreateAsync(Concern("c4", Now), Entry(Now, "Submitted"), []);
        await store.CreateAsync(Concern("x1", Now, OtherOrg, reporterReference: "rep-a"), Entry(Now, "Submitted"), []);

        Assert.Equal(["c1", "c2"], await Ids(store.ListByReporterAsync(Org, "rep-a")));
        Assert.Equal(["c3"], await Ids(store.ListByReporterAsync(Org, "rep-b")));
        Assert.Equal(["x1"], await Ids(store.ListByReporterAsync(OtherOrg, "rep-a")));
        Assert.Empty(await Ids(store.ListByReporterAsync(Org, "rep-c")));
    }

    // ---- audit ----

    [Fact]
    public async Task The_audit_is_a_hash_chain_that_verifies()
    {
        var stores = Harness.Open();
        await ConcernWithThreeEntriesAsync(stores);

        var entries = await stores.Audit.ReadAsync("c1");
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Sequence));
        Assert.Equal(["Submitted", "Acknowledged", "Viewed the detail"], entries.Select(e => e.Action));
        Assert.Null(entries[0].PreviousHash);
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
        Assert.Equal(entries[1].Hash, entries[2].PreviousHash);
        Assert.Equal("Safeguarding lead on call", entries[1].Reason);
        Assert.Equal(Now.AddMinutes(5), entries[1].At);
        Assert.Equal(TimeSpan.Zero, entries[1].At.Offset);

        var verification = await stores.Audit.VerifyAsync("c1");
        Assert.True(verification.IsIntact, verification.Problem);
    }

    [Fact]
    public async Task Viewing_the_detail_while_another_lead_acts_does_not_block_the_action()
    {
        var stores = Harness.Open();
        await stores.Concerns.CreateAsync(Concern("c1", Now), Entry(Now, "Submitted"), []);
        var read = (await stores.Concerns.GetAsync("c1"))!;
        await stores.Audit.AppendAsync("c1", Entry(Now, "Viewed the detail", "lead-2"));

        await stores.Concerns.UpdateAsync(read.Value with { Status = ConcernStatus.Acknowledged }, read.ETag, Entry(Now, "Acknowledged"), []);

        var entries = await stores.Audit.ReadAsync("c1");
        Assert.Equal(["Submitted", "Viewed the detail", "Acknowledged"], entries.Select(e => e.Action));
        Assert.True((await stores.Audit.VerifyAsync("c1")).IsIntact);
    }

    [Theory]
    [InlineData(AuditTamper.Edit, 2L)]
    [InlineData(AuditTamper.Delete, 2L)]
    [InlineData(AuditTamper.Reorder, 2L)]
    [InlineData(AuditTamper.Truncate, 3L)]
    public async Task A_tampered_audit_is_detected(AuditTamper tamper, long firstBroken)
    {
        var stores = Harness.Open();
        await ConcernWithThreeEntriesAsync(stores);
        Assert.True((await stores.Audit.VerifyAsync("c1")).IsIntact);

        await Harness.TamperAsync("c1", tamper);

        var verification = await stores.Audit.VerifyAsync("c1");
        Assert.False(verification.IsIntact);
        Assert.Equal(firstBroken, verification.FirstBrokenSequence);
        Assert.False(string.IsNullOrEmpty(verification.Problem));
    }

    // ---- outbox ----

    [Fact]
    public async Task The_outbox_claims_due_messages_once_releases_them_for_later_and_completes_them()
    {
        var outbox = Harness.Open().Outbox;
        await outbox.EnqueueAsync([Message("m1", Now), Message("m2", Now, notBefore: Now.AddMinutes(10))]);
        await outbox.EnqueueAsync([Message("m1", Now)]); // the same message again changes nothing

        var claimed = await outbox.ClaimDueAsync(Now, 10, TimeSpan.FromMinutes(1));
        Assert.Equal(["m1"], claimed.Select(c => c.Message.Id));
        Assert.Equal("""{"card":"m1"}""", claimed[0].Message.Payload);
        Assert.Equal("m1", claimed[0].Message.IdempotencyKey);
        Assert.Empty(await outbox.ClaimDueAsync(Now, 10, TimeSpan.FromMinutes(1)));

        await outbox.ReleaseAsync(claimed[0], Now.AddSeconds(30));
        Assert.Empty(await outbox.ClaimDueAsync(Now.AddSeconds(29), 10, TimeSpan.FromMinutes(1)));
        var retried = await outbox.ClaimDueAsync(Now.AddSeconds(30), 10, TimeSpan.FromMinutes(1));
        Assert.Single(retried);
        Assert.Equal(1, retried[0].Message.Attempts);

        Assert.True(await outbox.CompleteAsync(retried[0]));
        Assert.False(await outbox.CompleteAsync(retried[0]));
        Assert.False(await outbox.CompleteAsync(claimed[0])); // a stale claim completes nothing

        var later = await outbox.ClaimDueAsync(Now.AddHours(1), 10, TimeSpan.FromMinutes(1));
        Assert.Equal(["m2"], later.Select(c => c.Message.Id));
    }

    [Fact]
    public async Task An_expired_claim_passes_to_another_instance_and_the_old_claim_can_no_longer_complete()
    {
        var first = Harness.Open().Outbox;
        var second = Harness.Open().Outbox;
        await first.EnqueueAsync([Message("m1", Now)]);

        var lost = Assert.Single(await first.ClaimDueAsync(Now, 10, TimeSpan.FromMinutes(1)));
        Assert.Empty(await second.ClaimDueAsync(Now.AddSeconds(59), 10, TimeSpan.FromMinutes(1)));
        var won = Assert.Single(await second.ClaimDueAsync(Now.AddMinutes(1), 10, TimeSpan.FromMinutes(1)));

        Assert.False(await first.CompleteAsync(lost));
        Assert.True(await second.CompleteAsync(won));
    }

    [Fact]
    public async Task Two_dispatchers_on_one_store_deliver_each_message_exactly_once()
    {
        var writer = Harness.Open();
        for (var i = 0; i < 6; i++)
        {
            await writer.Concerns.CreateAsync(Concern($"c{i}", Now), Entry(Now, "Submitted"), [Message($"c{i}-card", Now), Message($"c{i}-receipt", Now, "reporter.receipt")]);
        }

        await writer.Outbox.EnqueueAsync([Message("reminder-1", Now, "reporter.receipt"), Message("reminder-2", Now, "reporter.receipt")]);

        var cards = new RecordingHandler("leads.card", Time);
        var receipts = new RecordingHandler("reporter.receipt", Time);
        var one = Dispatcher(Harness.Open().Outbox, Time, cards, receipts);
        var two = Dispatcher(Harness.Open().Outbox, Time, cards, receipts);

        for (var round = 0; round < 20 && cards.Deliveries.Count + receipts.Deliveries.Count < 14; round++)
        {
            await Task.WhenAll(one.DispatchDueAsync(CancellationToken.None), two.DispatchDueAsync(CancellationToken.None));
        }

        Assert.Equal(6, cards.Deliveries.Count);
        Assert.Equal(8, receipts.Deliveries.Count);
        Assert.All(cards.Deliveries.Values.Concat(receipts.Deliveries.Values), count => Assert.Equal(1, count));
        Assert.Equal(0, await one.DispatchDueAsync(CancellationToken.None) + await two.DispatchDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_concern_submitted_while_the_connector_is_down_reaches_the_leads_once_when_it_is_back()
    {
        var stores = Harness.Open();
        var submittedAt = Now;
        await stores.Concerns.CreateAsync(Concern("c1", Now), Entry(Now, "Submitted"), [Message("c1-card", Now)]);
        var connector = new RecordingHandler("leads.card", Time, failures: 3);
        var dispatcher = Dispatcher(stores.Outbox, Time, connector);

        // Down: 3 failed tries, 5 s, 10 s and 20 s apart; nothing is tried before its retry time.
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        foreach (var wait in new[] { 5, 10 })
        {
            Time.Advance(TimeSpan.FromSeconds(wait - 1));
            Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
            Time.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));
        }

        Assert.Equal(3, connector.Calls);
        Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(1, await dispatcher.DispatchDueAsync(CancellationToken.None));
        Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await dispatcher.DispatchDueAsync(CancellationToken.None));

        var delivery = Assert.Single(connector.Log);
        Assert.Equal("c1-card", delivery.Key);
        Assert.Equal(submittedAt.AddSeconds(35), delivery.At);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal(4, connector.Calls);
    }

    [Fact]
    public async Task A_process_killed_between_the_change_and_delivery_delivers_on_restart()
    {
        var before = Harness.Open();
        await before.Concerns.CreateAsync(Concern("c1", Now), Entry(Now, "Submitted"), [Message("c1-card", Now)]);
        await before.Concerns.CreateAsync(Concern("c2", Now), Entry(Now, "Submitted"), [Message("c2-card", Now)]);

        // The old process had claimed c2's card and died while posting it; c1's card it never reached.
        var abandoned = await before.Outbox.ClaimDueAsync(Now, 1, TimeSpan.FromMinutes(2));
        Assert.Single(abandoned);

        var connector = new RecordingHandler("leads.card", Time);
        var restarted = Dispatcher(Harness.Open().Outbox, Time, connector);
        Assert.Equal(1, await restarted.DispatchDueAsync(CancellationToken.None));
        Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await restarted.DispatchDueAsync(CancellationToken.None));
        Time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await restarted.DispatchDueAsync(CancellationToken.None));

        Assert.Equal(["c1-card", "c2-card"], connector.Deliveries.Keys.Order(StringComparer.Ordinal));
        Assert.All(connector.Deliveries.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task Messages_of_a_change_that_lost_its_etag_race_are_never_delivered()
    {
        var stores = Harness.Open();
        await stores.Concerns.CreateAsync(Concern("c1", Now), Entry(Now, "Submitted"), []);
        var stale = (await stores.Concerns.GetAsync("c1"))!;
        await stores.Concerns.UpdateAsync(stale.Value with { Status = ConcernStatus.Acknowledged }, stale.ETag, Entry(Now, "Acknowledged", "lead-1"), [Message("ack-by-lead-1", Now, "reporter.update")]);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            stores.Concerns.UpdateAsync(stale.Value with { Status = ConcernStatus.Acknowledged }, stale.ETag, Entry(Now, "Acknowledged", "lead-2"), [Message("ack-by-lead-2", Now, "reporter.update")]));

        var reporter = new RecordingHandler("reporter.update", Time);
        var dispatcher = Dispatcher(stores.Outbox, Time, reporter);
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(15));
        await dispatcher.DispatchDueAsync(CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(15));
        await dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(["ack-by-lead-1"], reporter.Deliveries.Keys);
    }

    // ---- retention ----

    [Fact]
    public async Task Closed_concerns_past_retention_are_purged_leaving_a_proof_in_the_audit()
    {
        var stores = Harness.Open();
        var longAgo = Now.AddYears(-7);
        await stores.Concerns.CreateAsync(Concern("old", longAgo, reporterReference: "rep-a"), Entry(longAgo, "Submitted"), [Message("old-card", longAgo)]);
        var old = (await stores.Concerns.GetAsync("old"))!;
        await stores.Concerns.UpdateAsync(old.Value with { Status = ConcernStatus.Closed, ClosedAt = longAgo.AddDays(20) }, old.ETag, Entry(longAgo.AddDays(20), "Closed"), []);
        await stores.Concerns.CreateAsync(Concern("recent", Now.AddYears(-2), status: ConcernStatus.Closed, closedAt: Now.AddYears(-1)), Entry(Now, "Submitted"), []);
        await stores.Concerns.CreateAsync(Concern("open", longAgo), Entry(longAgo, "Submitted"), []);
        var headBefore = (await stores.Audit.ReadAsync("old"))[^1].Hash;

        var proofs = await stores.Retention.PurgeClosedBeforeAsync(Now.AddYears(-6), Now);

        var proof = Assert.Single(proofs);
        Assert.Equal("old", proof.ConcernId);
        Assert.Equal("SG-OLD", proof.Reference);
        Assert.Equal(longAgo.AddDays(20), proof.ClosedAt);
        Assert.Equal(2, proof.EntriesPurged);
        Assert.Null(await stores.Concerns.GetAsync("old"));
        Assert.Null(await stores.Concerns.FindByReferenceAsync("SG-OLD"));
        Assert.Empty(await Ids(stores.Concerns.ListByReporterAsync(Org, "rep-a")));
        Assert.Equal(["recent"], await Ids(stores.Concerns.ListByStatusAsync(Org, ConcernStatus.Closed)));
        Assert.NotNull(await stores.Concerns.GetAsync("open"));

        var remaining = Assert.Single(await stores.Audit.ReadAsync("old"));
        Assert.Equal("Purged", remaining.Action);
        Assert.Equal(3, remaining.Sequence);
        Assert.Equal(headBefore, remaining.PreviousHash);
        Assert.Equal(proof.FinalHash, remaining.Hash);
        Assert.Contains("SG-OLD", remaining.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("made-up account", remaining.Detail, StringComparison.Ordinal);
        Assert.True((await stores.Audit.VerifyAsync("old")).IsIntact);

        // A replayed submit of a purged concern does not bring it back, and a second purge finds nothing.
        Assert.False(await stores.Concerns.CreateAsync(Concern("old", longAgo), Entry(Now, "Submitted"), []));
        Assert.Empty(await stores.Retention.PurgeClosedBeforeAsync(Now.AddYears(-6), Now));
    }

    // ---- teams, settings, reply routes ----

    [Fact]
    public async Task Teams_are_stored_per_organisation_with_their_channels_and_the_leads_channel()
    {
        var store = Harness.Open().Teams;
        var team = new TeamRecord
        {
            OrganisationId = Org,
            TeamId = "19:team-a@thread.tacv2",
            Name = "Safeguarding",
            AadGroupId = "group-a",
            ServiceUrl = "https://smba.trafficmanager.net/uk/",
            Channels = [new("19:team-a@thread.tacv2", "General"), new("19:leads@thread.tacv2", "Leads")],
            InstalledAt = Now,
        };
        var etag = await store.SaveAsync(team, null);
        await store.SaveAsync(team with { OrganisationId = OtherOrg, TeamId = "19:team-x@thread.tacv2" }, null);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(team, null));

        var chosen = await store.SaveAsync(team with { LeadsChannelId = "19:leads@thread.tacv2" }, etag);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(team with { LeadsChannelId = "19:team-a@thread.tacv2" }, etag));

        var read = (await store.GetAsync(Org, "19:team-a@thread.tacv2"))!;
        Assert.Equal(chosen, read.ETag);
        Assert.Equal("19:leads@thread.tacv2", read.Value.LeadsChannelId);
        Assert.Equal(team.Channels, read.Value.Channels);
        Assert.Equal(["19:team-a@thread.tacv2"], await store.ListAsync(Org).Select(t => t.Value.TeamId).ToListAsync());

        Assert.True(await store.DeleteAsync(Org, "19:team-a@thread.tacv2"));
        Assert.False(await store.DeleteAsync(Org, "19:team-a@thread.tacv2"));
        Assert.Null(await store.GetAsync(Org, "19:team-a@thread.tacv2"));
        Assert.NotNull(await store.GetAsync(OtherOrg, "19:team-x@thread.tacv2"));
    }

    [Fact]
    public async Task Settings_are_saved_with_etags_listed_by_prefix_and_deleted()
    {
        var store = Harness.Open().Settings;
        var etag = await store.SaveAsync("leads/designated", "oid-1,oid-2", null);
        await store.SaveAsync("leads/deputies", "oid-3", null);
        await store.SaveAsync("leadsChannel", "19:leads@thread.tacv2", null);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync("leads/designated", "oid-9", null));

        var changed = await store.SaveAsync("leads/designated", "oid-1", etag);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync("leads/designated", "oid-9", etag));
        Assert.Equal("oid-1", (await store.GetAsync("leads/designated"))!.Value);

        var listed = await store.ListAsync("leads/").Select(s => s.Key).ToListAsync();
        Assert.Equal(["leads/deputies", "leads/designated"], listed);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.DeleteAsync("leads/designated", etag));
        Assert.True(await store.DeleteAsync("leads/designated", changed));
        Assert.Null(await store.GetAsync("leads/designated"));
        Assert.False(await store.DeleteAsync("leads/designated", changed));
    }

    [Fact]
    public async Task Reply_routes_are_kept_under_their_token_until_contact_ends()
    {
        var store = Harness.Open().ReplyRoutes;
        await store.CreateAsync("tok-1", "sealed-blob-1");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CreateAsync("tok-1", "sealed-blob-2"));
        Assert.Equal("sealed-blob-1", await store.GetAsync("tok-1"));
        Assert.Null(await store.GetAsync("tok-2"));

        Assert.True(await store.DeleteAsync("tok-1"));
        Assert.Null(await store.GetAsync("tok-1"));
        Assert.False(await store.DeleteAsync("tok-1"));
    }

    private async Task ConcernWithThreeEntriesAsync(Stores stores)
    {
        await stores.Concerns.CreateAsync(Concern("c1", Now), Entry(Now, "Submitted", "Anonymous reporter"), []);
        var read = (await stores.Concerns.GetAsync("c1"))!;
        await stores.Concerns.UpdateAsync(read.Value with { Status = ConcernStatus.Acknowledged }, read.ETag, Entry(Now.AddMinutes(5), "Acknowledged", reason: "Safeguarding lead on call"), []);
        await stores.Audit.AppendAsync("c1", Entry(Now.AddMinutes(6), "Viewed the detail", "lead-2"));
    }

    private static Task<List<string>> Ids(IAsyncEnumerable<Concern> concerns) => concerns.Select(c => c.Id).ToListAsync().AsTask();
}

public sealed class SqliteStorageContractTests : StorageContractTests
{
    private protected override StorageHarness CreateHarness(FakeTimeProvider time) => new SqliteHarness(time);
}

public sealed class AzureTablesStorageContractTests(AzuriteFixture azurite) : StorageContractTests, IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task An_ordinary_conversation_turn_is_two_round_trips_to_the_table_service()
    {
        var harness = (AzureTablesHarness)Harness;
        var store = harness.Open().Conversations;
        var now = Time.GetUtcNow();
        await store.SaveAsync("a:turns", new ConversationState { Flow = "intake", Step = "who", ExpiresAt = now.AddDays(7) }, null);

        harness.Requests.Reset();
        var read = (await store.GetAsync("a:turns"))!;
        await store.SaveAsync("a:turns", read.Value with { Step = "what", ExpiresAt = now.AddMinutes(1).AddDays(7) }, read.ETag);
        Assert.Equal(2, harness.Requests.Count);

        // Once a day the draft's expiry moves to a new day, and its expiry index row is written too.
        harness.Requests.Reset();
        read = (await store.GetAsync("a:turns"))!;
        await store.SaveAsync("a:turns", read.Value with { Step = "when", ExpiresAt = now.AddDays(8) }, read.ETag);
        Assert.Equal(3, harness.Requests.Count);
    }

    [Fact]
    public async Task Rows_left_by_a_write_that_never_finished_are_ignored_and_later_removed()
    {
        var harness = (AzureTablesHarness)Harness;
        var stores = harness.Open();
        var now = Time.GetUtcNow();
        await stores.Concerns.CreateAsync(StorageTestData.Concern("c1", now), StorageTestData.Entry(now, "Submitted"), []);
        var c1 = (await stores.Concerns.GetAsync("c1"))!;
        await stores.Concerns.UpdateAsync(c1.Value with { Status = ConcernStatus.Acknowledged }, c1.ETag, StorageTestData.Entry(now, "Acknowledged"), []);

        // A process that died after writing ahead (index row, outbox due row) and before the concern's transaction.
        var index = harness.Table("Index");
        var receivedPartition = $"status|{StorageTestData.Org}|Received";
        await index.AddEntityAsync(new Azure.Data.Tables.TableEntity(receivedPartition, $"{now.UtcTicks:D19}|ghost") { ["Target"] = "ghost", ["WrittenTicks"] = now.UtcTicks });
        var outbox = harness.Table("Outbox");
        await outbox.AddEntityAsync(new Azure.Data.Tables.TableEntity("due", "ghost-card")
        {
            ["MessageId"] = "ghost-card", ["Kind"] = "leads.card", ["PN"] = 0, ["CreatedAt"] = "2026-03-02T09:00:00.0000000+00:00",
            ["NotBefore"] = "2026-03-02T09:00:00.0000000+00:00", ["DueTicks"] = now.UtcTicks, ["LeaseTicks"] = 0L, ["Attempts"] = 0,
            ["Home"] = "ghost", ["Confirmed"] = false, ["WrittenTicks"] = now.UtcTicks,
        });

        Assert.Empty(await stores.Concerns.ListByStatusAsync(StorageTestData.Org, ConcernStatus.Received).ToListAsync());
        Assert.Empty(await stores.Outbox.ClaimDueAsync(now, 10, TimeSpan.FromMinutes(1)));
        Assert.Equal(2, await CountAsync(index, receivedPartition)); // c1's old row and the ghost: kept while a write may be in flight
        Assert.Equal(1, await CountAsync(outbox, "due"));

        Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Empty(await stores.Concerns.ListByStatusAsync(StorageTestData.Org, ConcernStatus.Received).ToListAsync());
        Assert.Empty(await stores.Outbox.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1)));
        Assert.Equal(0, await CountAsync(index, receivedPartition));
        Assert.Equal(0, await CountAsync(outbox, "due"));
        Assert.Equal(["c1"], (await stores.Concerns.ListByStatusAsync(StorageTestData.Org, ConcernStatus.Acknowledged).ToListAsync()).Select(c => c.Id));
    }

    private static async Task<int> CountAsync(Azure.Data.Tables.TableClient table, string partition)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
        {
            count++;
        }

        return count;
    }

    private protected override StorageHarness CreateHarness(FakeTimeProvider time) => new AzureTablesHarness(azurite.ConnectionString, time);
}
