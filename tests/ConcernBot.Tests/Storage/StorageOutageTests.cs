using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using I = ConcernBot.Resources.Intake;
using S = ConcernBot.Resources.Strings;

namespace ConcernBot.Tests.Storage;

/// <summary>
/// The table service goes down for ten seconds while reporters press Submit, then comes back. Those who pressed during the
/// outage are told plainly to try again in a moment, and their draft is still there; the outbox carries on by itself.
/// Nothing is lost or silently doubled: one concern and one receipt each, and a leads' card each (one posted again as the
/// store went down says it replaces the earlier copy).
/// </summary>
public sealed class StorageOutageTests(PersistentAzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<PersistentAzuriteFixture>
{
    private const int Before = 4;
    private const int During = 4;

    [Fact]
    public async Task Azurite_stopped_during_submits_asks_to_try_again_loses_nothing_and_the_outbox_resumes()
    {
        await using var connector = await LoopbackBotConnector.StartAsync();
        var settings = connector.LeadsSettings();
        settings["Storage:Provider"] = "AzureTables";
        settings["Storage:AzureTables:ConnectionString"] = azurite.ConnectionString;
        settings["Storage:AzureTables:TablePrefix"] = "outage" + Guid.NewGuid().ToString("N")[..12];
        settings["Storage:Outbox:PollInterval"] = "00:00:00.200";
        settings["Storage:Outbox:FirstRetryDelay"] = "00:00:00.500";
        settings["Storage:Outbox:MaxRetryDelay"] = "00:00:02";

        // A claim written just as the store went down may never have been answered: nobody knows it was taken, so it waits
        // for its lease to run out (2 minutes in production). Short here, so the test sees the outbox resume by itself.
        settings["Storage:Outbox:Lease"] = "00:00:05";
        await using var host = TestHost.With(new TestHostOptions { Settings = settings, RealConnector = true });
        var chats = Enumerable.Range(0, Before + During)
            .Select(i => new TeamsChat(host.Client, connector, TeamsUser.Make("Reporter " + i)) { ServiceUrl = connector.ServiceUrl })
            .ToList();
        foreach (var chat in chats)
        {
            await Walkthrough.ToReviewAsync(chat, I.IdentityConfidential);
        }

        await Task.WhenAll(chats.Take(Before).Select(c => c.PressAsync(I.ReviewSubmit)));
        var outage = System.Diagnostics.Stopwatch.StartNew();
        await azurite.StopAsync();
        var duringOutage = await Task.WhenAll(chats.Skip(Before).Select(c => c.PressAsync(I.ReviewSubmit)));
        await Task.Delay(TimeSpan.FromSeconds(10) - outage.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        await azurite.StartAgainAsync();
        var down = outage.Elapsed;

        Assert.All(duringOutage, answer => Assert.Equal(S.TryAgainShortly, Assert.Single(answer.All).Words.Trim()));
        var again = await Task.WhenAll(chats.Skip(Before).Select(c => c.PressAsync(I.ReviewSubmit)));

        var receipts = await Eventually.WaitForAsync(() => chats.Select(c => connector.ReceiptsIn(c.User.ConversationId).Plain).ToList(), r => r.All(n => n >= 1));
        var cards = await Eventually.WaitForAsync(() => connector.Threads.Count, n => n >= chats.Count);
        await Task.Delay(TimeSpan.FromSeconds(1));
        receipts = [.. chats.Select(c => connector.ReceiptsIn(c.User.ConversationId).Plain)];
        cards = connector.Threads.Count;

        // A card posted just as the store went down, whose posting could not be recorded, is posted again once it is
        // back, saying it replaces the earlier copy (Teams cannot be asked whether the first arrived): never silently twice.
        var unlabelled = connector.LeadsCards().ToDictionary(c => c.Key, c => c.Value.Plain);
        var concerns = await host.Services.GetRequiredService<ConcernBot.Storage.IConcernStore>().ListByStatusAsync(chats[0].User.TenantId, ConcernBot.Concerns.ConcernStatus.Received).ToListAsync();
        output.WriteLine($"Azurite down {down.TotalSeconds:0.0} s: {chats.Count} reporters, {During} asked to try again; concerns {concerns.Count}, receipts {receipts.Sum()}, leads' cards {cards} ({cards - unlabelled.Values.Sum()} labelled replacements), unlabelled duplicates {receipts.Sum(n => Math.Max(0, n - 1)) + unlabelled.Values.Sum(n => n - 1)}, lost {chats.Count - concerns.Count}");

        Assert.Equal(chats.Count, concerns.Count);
        Assert.All(receipts, n => Assert.Equal(1, n));
        Assert.All(concerns, c => Assert.True(connector.LeadsCards().ContainsKey(c.Reference), $"{c.Reference} has no leads' card"));
        Assert.All(unlabelled, u => Assert.True(u.Value == 1, $"{u.Key}: {u.Value} cards without the label"));
        Assert.DoesNotContain(again, a => a.Words.Contains(S.TryAgainShortly, StringComparison.Ordinal));
    }

}
