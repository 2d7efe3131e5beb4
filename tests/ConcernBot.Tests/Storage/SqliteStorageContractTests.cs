using ConcernBot.Storage;
using ConcernBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ConcernBot.Tests.Storage;

public sealed class SqliteStorageContractTests : StorageContractTests
{
    private protected override StorageHarness CreateHarness(FakeTimeProvider time) => new SqliteHarness(time);

    [Fact]
    public async Task A_conversation_state_is_stored_as_text_that_any_sqlite_tool_reads_as_json()
    {
        var path = Path.Combine(Path.GetTempPath(), $"concernbot-text-{Guid.NewGuid():N}.db");
        try
        {
            await using (var database = new SqliteDatabase(path))
            {
                var store = new SqliteConversationStore(database);
                var etag = await store.SaveAsync("a:text", new ConversationState { Flow = "intake", Step = "where" }, etag: null);
                await store.SaveAsync("a:text", new ConversationState { Flow = "intake", Step = "ongoing" }, etag);
            }

            await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT typeof(state), json_extract(state, '$.step') FROM conversations WHERE id = 'a:text'";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("text", reader.GetString(0));
            Assert.Equal("ongoing", reader.GetString(1));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
