using ConcernBot.Concerns;
using ConcernBot.Storage;
using Microsoft.Extensions.Time.Testing;
using static ConcernBot.Tests.Storage.StorageTestData;

namespace ConcernBot.Tests.Storage;

/// <summary>
/// The one contract every store implementation keeps. Each subclass runs it against one real store (a temporary SQLite
/// file, or Azurite). Time is a fake clock, so leases, retries, deadlines and retention are driven by the test.
/// </summary>
public abstract partial class StorageContractTests : IAsyncLifetime
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

    private async Task ConcernWithThreeEntriesAsync(Stores stores)
    {
        await stores.Concerns.CreateAsync(Concern("c1", Now), Entry(Now, "Submitted", "Anonymous reporter"), []);
        var read = (await stores.Concerns.GetAsync("c1"))!;
        await stores.Concerns.UpdateAsync(read.Value with { Status = ConcernStatus.Acknowledged }, read.ETag, Entry(Now.AddMinutes(5), "Acknowledged", reason: "Safeguarding lead on call"), []);
        await stores.Audit.AppendAsync("c1", Entry(Now.AddMinutes(6), "Viewed the detail", "lead-2"));
    }

    private static Task<List<string>> Ids(IAsyncEnumerable<Concern> concerns) => concerns.Select(c => c.Id).ToListAsync().AsTask();
}
