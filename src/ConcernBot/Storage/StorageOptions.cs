namespace ConcernBot.Storage;

/// <summary>The `Storage` configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>`Sqlite` (the first-run default) or `AzureTables`.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Closed concerns are purged this many years after they were closed.</summary>
    public int RetentionYears { get; set; } = 6;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public AzureTablesStorageOptions AzureTables { get; set; } = new();

    /// <summary>Where evidence files go (sealed): a local folder, or Azure Blob Storage.</summary>
    public EvidenceStorageOptions Evidence { get; set; } = new();
}

public enum EvidenceStorageProvider
{
    Folder,
    AzureBlobs,
}

public sealed class EvidenceStorageOptions
{
    public EvidenceStorageProvider Provider { get; set; } = EvidenceStorageProvider.Folder;

    /// <summary>The folder (relative paths are under the content root); beside the SQLite file by default.</summary>
    public string Folder { get; set; } = ".data/evidence";

    /// <summary>A storage connection string (development, Azurite). Takes precedence over <see cref="AccountUrl"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob endpoint, e.g. https://account.blob.core.windows.net, used with the managed identity.</summary>
    public Uri? AccountUrl { get; set; }

    /// <summary>With <see cref="AccountUrl"/>: a user-assigned managed identity's client id; otherwise DefaultAzureCredential.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The private container (created with no public access if missing).</summary>
    public string Container { get; set; } = "evidence";
}

public enum StorageProvider
{
    Sqlite,
    AzureTables,
}

public sealed class SqliteStorageOptions
{
    /// <summary>The database file; a relative path is under the content root. Created with its schema on first start.</summary>
    public string Path { get; set; } = ".data/concernbot.db";
}

public sealed class AzureTablesStorageOptions
{
    /// <summary>A storage connection string (development, Azurite). Takes precedence over <see cref="AccountUrl"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table endpoint, e.g. https://account.table.core.windows.net, used with an Entra credential.</summary>
    public Uri? AccountUrl { get; set; }

    /// <summary>With <see cref="AccountUrl"/>: a user-assigned managed identity's client id; otherwise DefaultAzureCredential.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefixed to every table name (letters and digits), so deployments or test runs can share an account.</summary>
    public string TablePrefix { get; set; } = "ConcernBot";
}
