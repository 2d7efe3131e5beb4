using ConcernBot.Concerns;
using ConcernBot.Storage;
using Microsoft.Extensions.Time.Testing;
using static ConcernBot.Tests.Storage.StorageTestData;

namespace ConcernBot.Tests.Storage;

public abstract partial class StorageContractTests
{
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
}
