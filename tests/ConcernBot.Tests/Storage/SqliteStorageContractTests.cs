using Microsoft.Extensions.Time.Testing;

namespace ConcernBot.Tests.Storage;

public sealed class SqliteStorageContractTests : StorageContractTests
{
    private protected override StorageHarness CreateHarness(FakeTimeProvider time) => new SqliteHarness(time);
}
