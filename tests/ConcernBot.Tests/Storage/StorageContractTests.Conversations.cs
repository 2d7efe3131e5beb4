using ConcernBot.Concerns;
using ConcernBot.Storage;
using Microsoft.Extensions.Time.Testing;
using static ConcernBot.Tests.Storage.StorageTestData;

namespace ConcernBot.Tests.Storage;

public abstract partial class StorageContractTests
{
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
    public async Task Answers_in_any_language_come_back_as_they_were_written()
    {
        var store = Harness.Open().Conversations;
        const string Words = "Gwelais i ofalwr yn gafael yn ei arddwrn — رأيت مقدم رعاية يمسك معصمه — złapał go 🙁";
        await store.SaveAsync("a:words", new ConversationState { Flow = "intake", Step = "happened", Data = new System.Text.Json.Nodes.JsonObject { ["happened"] = Words }, UpdatedAt = Now }, etag: null);

        var read = await store.GetAsync("a:words");

        Assert.Equal(Words, (string?)read!.Value.Data!["happened"]);
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
}
