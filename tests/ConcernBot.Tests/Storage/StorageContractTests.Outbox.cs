using ConcernBot.Concerns;
using ConcernBot.Storage;
using ConcernBot.Storage.Outbox;
using Microsoft.Extensions.Time.Testing;
using static ConcernBot.Tests.Storage.StorageTestData;

namespace ConcernBot.Tests.Storage;

public abstract partial class StorageContractTests
{
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

    [Fact]
    public async Task Several_concerns_are_delivered_at_once_and_each_concerns_own_messages_in_the_order_written()
    {
        var stores = Harness.Open();
        for (var i = 0; i < 3; i++)
        {
            await stores.Concerns.CreateAsync(Concern($"c{i}", Now), Entry(Now, "Submitted"), [Message($"c{i}-1-card", Now, concernId: $"c{i}"), Message($"c{i}-2-update", Now, concernId: $"c{i}")]);
        }

        var connector = new OverlapRecordingHandler("leads.card", expectedAtOnce: 3);
        var dispatcher = Dispatcher(stores.Outbox, Time, [connector], batchSize: 16);

        Assert.Equal(6, await dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Equal(3, connector.MostAtOnce);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(connector.Finished.IndexOf($"c{i}-1-card") < connector.Started.IndexOf($"c{i}-2-update"), $"concern c{i}'s second message waited for its first");
        }
    }
}

/// <summary>Records deliveries that overlap: each waits (at most a second) until <c>expectedAtOnce</c> are in flight.</summary>
internal sealed class OverlapRecordingHandler(string kind, int expectedAtOnce) : IOutboxHandler
{
    private readonly Lock _lock = new();
    private int _inFlight;

    public string Kind => kind;

    public List<string> Started { get; } = [];

    public List<string> Finished { get; } = [];

    public int MostAtOnce { get; private set; }

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Started.Add(message.Id);
            MostAtOnce = Math.Max(MostAtOnce, ++_inFlight);
        }

        for (var waited = 0; waited < 1000 && Volatile.Read(ref _inFlight) < expectedAtOnce && MostAtOnce < expectedAtOnce; waited += 10)
        {
            await Task.Delay(10, cancellationToken);
        }

        lock (_lock)
        {
            _inFlight--;
            Finished.Add(message.Id);
        }
    }
}
