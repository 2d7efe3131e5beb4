using ConcernBot.Storage;
using ConcernBot.Storage.AzureTables;
using ConcernBot.Storage.Outbox;
using ConcernBot.Storage.Sqlite;
using ConcernBot.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConcernBot.Tests.Storage;

public sealed class StorageWiringTests
{
    [Fact]
    public async Task The_host_creates_the_sqlite_database_with_its_schema_on_first_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"concernbot-host-{Guid.NewGuid():N}");
        var path = Path.Combine(folder, "data", "concernbot.db");
        try
        {
            await using (var host = TestHost.With(new() { Settings = new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = path } }))
            {
                using var client = host.CreateClient();
                var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                Assert.True(health.IsSuccessStatusCode);

                Assert.IsType<SqliteConcernStore>(Assert.IsType<SignallingConcernStore>(host.Services.GetRequiredService<IConcernStore>()).Inner);
                Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is OutboxDispatcher);
                Assert.Contains(host.Services.GetServices<IHostedService>(), s => s is RetentionService);
            }

            Assert.True(File.Exists(path));
            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode; SELECT count(*) FROM sqlite_master WHERE type = 'table';";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("wal", reader.GetString(0));
            Assert.True(await reader.NextResultAsync() && await reader.ReadAsync());
            Assert.Equal(8, reader.GetInt64(0));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Azure_tables_are_chosen_by_configuration()
    {
        using var services = Build(new()
        {
            ["Storage:Provider"] = "AzureTables",
            ["Storage:AzureTables:ConnectionString"] = "UseDevelopmentStorage=true",
        });

        Assert.IsType<AzureConcernStore>(Assert.IsType<SignallingConcernStore>(services.GetRequiredService<IConcernStore>()).Inner);
        Assert.IsType<AzureConversationStore>(services.GetRequiredService<IConversationStore>());
        Assert.IsType<AzureOutbox>(Assert.IsType<SignallingOutbox>(services.GetRequiredService<IOutbox>()).Inner);
        Assert.IsType<AzureReplyRouteStore>(services.GetRequiredService<IReplyRouteStore>());
    }

    [Fact]
    public void Azure_tables_without_a_connection_string_or_account_url_says_what_to_set()
    {
        using var services = Build(new() { ["Storage:Provider"] = "AzureTables" });

        var error = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IConcernStore>());
        Assert.Contains("Storage:AzureTables:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddConcernStorage(configuration);
        return services.BuildServiceProvider();
    }
}
