using System.Text.Json;
using ConcernBot.Channels.Turns;
using ConcernBot.Storage;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Tests.Anonymity;

/// <summary>The conversation store keeps a chat's draft without its id or its way back in the clear.</summary>
public sealed class SealedConversationStoreTests
{
    [Fact]
    public async Task A_draft_is_kept_under_a_pseudonym_with_its_reference_sealed_and_reads_back_whole()
    {
        await using var harness = AnonymityHarness.Create();
        var reference = JsonSerializer.Serialize(ConversationReference.FromActivity(Distinctive.Message("hi").ToActivity()));
        await using (var host = harness.Start())
        {
            var store = host.Services.GetRequiredService<IConversationStore>();
            var state = new ConversationState { Flow = "intake", Step = "what", ReferenceJson = reference, UpdatedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(5) };
            var etag = await store.SaveAsync(Distinctive.ConversationId, state, null);

            var read = await store.GetAsync(Distinctive.ConversationId);
            Assert.Equal((reference, etag), (read!.Value.ReferenceJson, read.ETag));

            // The expiry service gets a pseudonym, and can save by it.
            var (listedId, listed) = Assert.Single(await ToListAsync(store.ListExpiringAsync(DateTimeOffset.UtcNow.AddHours(1))));
            Assert.StartsWith("p:", listedId, StringComparison.Ordinal);
            Assert.Equal(reference, listed.Value.ReferenceJson);
            await store.SaveAsync(listedId, listed.Value with { ReminderSent = true }, listed.ETag);
            Assert.True((await store.GetAsync(Distinctive.ConversationId))!.Value.ReminderSent);
        }

        var found = (await LeakScan.SqliteRowsAsync(harness.DatabasePath)).Concat(LeakScan.Files(harness.Folder))
            .SelectMany(p => LeakScan.Find(p.Where, p.Text, Distinctive.Identifiers)).ToList();
        Assert.True(found.Count == 0, "Identifiers were kept:\n" + string.Join("\n", found));
    }

    [Fact]
    public async Task A_reference_saved_back_unchanged_keeps_its_sealed_form_a_changed_one_is_sealed_anew_and_a_restart_reads_both()
    {
        await using var harness = AnonymityHarness.Create();
        var first = JsonSerializer.Serialize(ConversationReference.FromActivity(Distinctive.Message("hi").ToActivity())! with { ActivityId = null });
        var changed = JsonSerializer.Serialize(ConversationReference.FromActivity(Distinctive.Message("hi").ToActivity())! with { ActivityId = null, Locale = "cy-GB" });
        var state = new ConversationState { Flow = "intake", Step = "what", ReferenceJson = first, UpdatedAt = DateTimeOffset.UtcNow };
        string sealedFirst;
        await using (var host = harness.Start())
        {
            var store = host.Services.GetRequiredService<IConversationStore>();
            var etag = await store.SaveAsync(Distinctive.ConversationId, state, null);
            sealedFirst = await SealedReferenceAsync(harness);

            // A turn: read, saved back with the same way back to the chat.
            var read = (await store.GetAsync(Distinctive.ConversationId))!;
            etag = await store.SaveAsync(Distinctive.ConversationId, read.Value with { Step = "when" }, read.ETag);
            Assert.Equal(sealedFirst, await SealedReferenceAsync(harness));

            await store.SaveAsync(Distinctive.ConversationId, read.Value with { ReferenceJson = changed }, etag);
            Assert.NotEqual(sealedFirst, await SealedReferenceAsync(harness));
            Assert.Equal(changed, (await store.GetAsync(Distinctive.ConversationId))!.Value.ReferenceJson);
        }

        // A new process knows none of it from memory, and opens the sealed form with the key ring.
        await using (var restarted = harness.Start())
        {
            var store = restarted.Services.GetRequiredService<IConversationStore>();
            Assert.Equal(changed, (await store.GetAsync(Distinctive.ConversationId))!.Value.ReferenceJson);
        }
    }

    private static async Task<string> SealedReferenceAsync(AnonymityHarness harness)
    {
        var row = Assert.Single(await LeakScan.SqliteRowsAsync(harness.DatabasePath), r => r.Where == "sqlite conversations");
        var json = row.Text[row.Text.IndexOf('{', StringComparison.Ordinal)..(row.Text.LastIndexOf('}') + 1)];
        var sealedReference = JsonDocument.Parse(json).RootElement.GetProperty("referenceJson").GetString()!;
        Assert.DoesNotContain(Distinctive.ConversationId, sealedReference, StringComparison.Ordinal);
        return sealedReference;
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
