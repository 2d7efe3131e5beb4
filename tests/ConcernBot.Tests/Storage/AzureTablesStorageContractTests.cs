using ConcernBot.Concerns;
using ConcernBot.Storage;
using Microsoft.Extensions.Time.Testing;
using static ConcernBot.Tests.Storage.StorageTestData;

namespace ConcernBot.Tests.Storage;

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
