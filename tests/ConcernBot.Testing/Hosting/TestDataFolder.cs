using Microsoft.Data.Sqlite;

namespace ConcernBot.Testing;

/// <summary>A test host's data folder (the SQLite file, the key ring), deleted when disposed.</summary>
public sealed class TestDataFolder : IDisposable
{
    public TestDataFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "concernbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string DatabasePath => System.IO.Path.Combine(Path, "concernbot.db");

    public string KeyFolder => System.IO.Path.Combine(Path, "keys");

    /// <summary>Where a host keeps its evidence files (sealed).</summary>
    public string EvidenceFolder => System.IO.Path.Combine(Path, "evidence");

    /// <summary>The settings that put a host's store (SQLite), evidence files and key ring here.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:Sqlite:Path"] = DatabasePath,
        ["DataProtection:KeyFolder"] = KeyFolder,
        ["Storage:Evidence:Folder"] = EvidenceFolder,
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a host that is shutting down; the OS temp cleaner takes it later.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
