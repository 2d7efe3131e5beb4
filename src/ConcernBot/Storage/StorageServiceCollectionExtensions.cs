using Azure.Data.Tables;
using Azure.Identity;
using ConcernBot.Storage.AzureTables;
using ConcernBot.Storage.Outbox;
using ConcernBot.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ConcernBot.Storage;
using Microsoft.Extensions.Options;

// In the root namespace (like Microsoft's Add* extensions), so AddConcernBot calls it without a using.
namespace ConcernBot;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the stores chosen by `Storage:Provider` (Sqlite, the default, or AzureTables), the schema creation at
    /// startup, the outbox dispatcher and the retention purge. Features add their outbox handlers as
    /// <c>services.AddSingleton&lt;IOutboxHandler, TheirHandler&gt;()</c>.
    /// </summary>
    public static IServiceCollection AddConcernStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageOptions.SectionName);
        services.Configure<StorageOptions>(section);
        services.Configure<OutboxDispatcherOptions>(section.GetSection("Outbox"));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new SqliteDatabase(SqlitePath(sp)));
        services.AddSingleton(sp => new AzureTablesDatabase(TableService(Options(sp).AzureTables), Options(sp).AzureTables.TablePrefix, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<AzureConcernStore>();

        services.AddSingleton(sp => Choose<IConversationStore>(sp, db => new SqliteConversationStore(db), db => new AzureConversationStore(db)));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IConcernStore>(sp => new SignallingConcernStore(
            Choose<IConcernStore>(sp, db => new SqliteConcernStore(db), _ => sp.GetRequiredService<AzureConcernStore>()),
            sp.GetRequiredService<OutboxSignal>()));
        services.AddSingleton(sp => Choose<IAuditLog>(sp, db => new SqliteAuditLog(db), db => new AzureAuditLog(db)));
        services.AddSingleton<IOutbox>(sp => new SignallingOutbox(
            Choose<IOutbox>(sp, db => new SqliteOutbox(db, sp.GetRequiredService<TimeProvider>()), db => new AzureOutbox(db)),
            sp.GetRequiredService<OutboxSignal>()));
        services.AddSingleton(sp => Choose<ITeamStore>(sp, db => new SqliteTeamStore(db), db => new AzureTeamStore(db)));
        services.AddSingleton(sp => Choose<ISettingsStore>(sp, db => new SqliteSettingsStore(db), db => new AzureSettingsStore(db)));
        services.AddSingleton(sp => Choose<IReplyRouteStore>(sp, db => new SqliteReplyRouteStore(db), db => new AzureReplyRouteStore(db)));
        services.AddSingleton(sp => Choose<IRetentionStore>(sp, db => new SqliteRetentionStore(db), db => new AzureRetentionStore(db, sp.GetRequiredService<AzureConcernStore>())));
        services.AddSingleton(sp => Choose<IStorageSchema>(sp, db => new StorageSchema(db.EnsureCreatedAsync), db => new StorageSchema(db.EnsureCreatedAsync)));

        services.AddSingleton(EvidenceStore);

        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        return services;
    }

    private static StorageOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;

    private static T Choose<T>(IServiceProvider services, Func<SqliteDatabase, T> sqlite, Func<AzureTablesDatabase, T> azureTables) =>
        Options(services).Provider switch
        {
            StorageProvider.Sqlite => sqlite(services.GetRequiredService<SqliteDatabase>()),
            StorageProvider.AzureTables => azureTables(services.GetRequiredService<AzureTablesDatabase>()),
            var other => throw new InvalidOperationException($"Storage:Provider '{other}' is not known; use Sqlite or AzureTables."),
        };

    private static string SqlitePath(IServiceProvider services)
    {
        var path = Options(services).Sqlite.Path;
        return Path.IsPathRooted(path) ? path : Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, path);
    }

    private static IEvidenceStore EvidenceStore(IServiceProvider services)
    {
        var options = Options(services).Evidence;
        if (options.Provider == EvidenceStorageProvider.Folder)
        {
            var folder = Path.IsPathRooted(options.Folder) ? options.Folder : Path.Combine(services.GetRequiredService<IHostEnvironment>().ContentRootPath, options.Folder);
            return new Storage.EvidenceFolder.FolderEvidenceStore(folder, services.GetRequiredService<TimeProvider>());
        }

        return new Storage.AzureBlobs.BlobEvidenceStore(BlobService(options).GetBlobContainerClient(options.Container));
    }

    private static Azure.Storage.Blobs.BlobServiceClient BlobService(EvidenceStorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new Azure.Storage.Blobs.BlobServiceClient(options.ConnectionString);
        }

        if (options.AccountUrl is { } accountUrl)
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
            return new Azure.Storage.Blobs.BlobServiceClient(accountUrl, credential);
        }

        throw new InvalidOperationException("Storage:Evidence:Provider is AzureBlobs: set Storage:Evidence:ConnectionString or Storage:Evidence:AccountUrl.");
    }

    private static TableServiceClient TableService(AzureTablesStorageOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableServiceClient(options.ConnectionString, StorageMetrics.TableClientOptions());
        }

        if (options.AccountUrl is { } accountUrl)
        {
            var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ManagedIdentityClientId });
            return new TableServiceClient(accountUrl, credential, StorageMetrics.TableClientOptions());
        }

        throw new InvalidOperationException("Storage:Provider is AzureTables: set Storage:AzureTables:ConnectionString or Storage:AzureTables:AccountUrl.");
    }
}
