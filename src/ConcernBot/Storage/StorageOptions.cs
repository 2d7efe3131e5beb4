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
