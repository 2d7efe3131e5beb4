using ConcernBot.Concerns;
using ConcernBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static ConcernBot.Tests.Storage.StorageTestData;

namespace ConcernBot.Tests.Storage;

/// <summary>The background services as the host runs them, on SQLite, with the clock driven by the test.</summary>
#pragma warning disable CA1001 // xunit disposes the harness through IAsyncLifetime.DisposeAsync.
public sealed class StorageServiceTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private StorageHarness? harness;

    public Task InitializeAsync()
    {
        harness = new SqliteHarness(time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await harness!.DisposeAsync();

    [Fact]
    public async Task The_running_dispatcher_delivers_a_message_when_its_time_comes_and_stops_with_the_host()
    {
        var stores = harness!.Open();
        var handler = new RecordingHandler("leads.card", time);
        using var dispatcher = Dispatcher(stores.Outbox, time, handler);
        await stores.Outbox.EnqueueAsync([Message("anon-card", time.GetUtcNow(), notBefore: time.GetUtcNow().AddMinutes(7))]);

        await dispatcher.StartAsync(CancellationToken.None);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (handler.Deliveries.IsEmpty && DateTime.UtcNow < deadline)
            {
                time.Advance(TimeSpan.FromSeconds(30));
                await Task.Delay(20);
            }
        }
        finally
        {
            await dispatcher.StopAsync(CancellationToken.None);
        }

        var delivery = Assert.Single(handler.Log);
        Assert.Equal("anon-card", delivery.Key);
        Assert.True(delivery.At >= new DateTimeOffset(2026, 3, 2, 9, 7, 0, TimeSpan.Zero), "delivered before its time");
    }

    [Fact]
    public async Task The_retention_purge_uses_the_configured_number_of_years()
    {
        var stores = harness!.Open();
        var now = time.GetUtcNow();
        await stores.Concerns.CreateAsync(Concern("closed-2y", now.AddYears(-2), status: ConcernStatus.Closed, closedAt: now.AddYears(-2)) with { EvidenceCount = 2 }, Entry(now, "Submitted"), []);
        await stores.Concerns.CreateAsync(Concern("closed-6m", now.AddYears(-1), status: ConcernStatus.Closed, closedAt: now.AddMonths(-6)) with { EvidenceCount = 1 }, Entry(now, "Submitted"), []);
        var folder = Directory.CreateTempSubdirectory("concernbot-evidence-");
        try
        {
            var evidence = new ConcernBot.Storage.EvidenceFolder.FolderEvidenceStore(folder.FullName, time);
            await evidence.AddAsync("closed-2y", "f1", new byte[] { 1 }, new byte[] { 2 });
            await evidence.AddAsync("closed-2y", "f2", new byte[] { 1 }, new byte[] { 2 });
            await evidence.AddAsync("closed-6m", "f3", new byte[] { 1 }, new byte[] { 2 });

            var sixYears = new RetentionService(stores.Retention, evidence, time, Options.Create(new StorageOptions()), NullLogger<RetentionService>.Instance);
            Assert.Empty(await sixYears.PurgeOnceAsync(CancellationToken.None));

            var oneYear = new RetentionService(stores.Retention, evidence, time, Options.Create(new StorageOptions { RetentionYears = 1 }), NullLogger<RetentionService>.Instance);
            var proof = Assert.Single(await oneYear.PurgeOnceAsync(CancellationToken.None));
            Assert.Equal("closed-2y", proof.ConcernId);
            Assert.NotNull(await stores.Concerns.GetAsync("closed-6m"));

            // The files went with their concern, and its proof of deletion says how many.
            Assert.Equal(2, proof.FilesPurged);
            Assert.Empty(await evidence.ListAsync("closed-2y"));
            Assert.Single(await evidence.ListAsync("closed-6m"));
            var purged = (await stores.Audit.ReadAsync("closed-2y"))[^1];
            Assert.Contains("\"filesPurged\":2", purged.Detail, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
