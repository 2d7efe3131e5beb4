using ConcernBot.Concerns;
using ConcernBot.Storage;
using Microsoft.Extensions.Time.Testing;
using static ConcernBot.Tests.Storage.StorageTestData;

namespace ConcernBot.Tests.Storage;

public abstract partial class StorageContractTests
{
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
}
