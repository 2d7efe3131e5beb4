using ConcernBot.Concerns;
using ConcernBot.Storage;
using Microsoft.Extensions.Time.Testing;
using static ConcernBot.Tests.Storage.StorageTestData;

namespace ConcernBot.Tests.Storage;

public abstract partial class StorageContractTests
{
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
}
