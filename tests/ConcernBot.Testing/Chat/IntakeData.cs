using System.Text;
using System.Text.Json;
using ConcernBot.Concerns;
using ConcernBot.Storage;
using ConcernBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Testing;

/// <summary>
/// A data folder (the real SQLite file and the Data Protection key ring) that outlives one host, so a test can stop the host
/// and start a new one on the same data: a restart. Reads go straight to the file, as someone with the file would.
/// </summary>
public sealed class IntakeData : IDisposable
{
    /// <summary>The organisation of the people who raise the concerns (<see cref="TeamsUser.Make"/>).</summary>
    public const string Organisation = TeamsUser.Organisation;

    private readonly SqliteDatabase _database;

    public IntakeData()
    {
        _database = new SqliteDatabase(Folder.DatabasePath);
        Conversations = new SqliteConversationStore(_database);
    }

    /// <summary>The folder itself: give it to a host (<see cref="TestHost.Intake"/>).</summary>
    public TestDataFolder Folder { get; } = new();

    public IConversationStore Conversations { get; }

    public async Task<IReadOnlyList<Concern>> ConcernsAsync()
    {
        var list = new List<Concern>();
        await foreach (var concern in new SqliteConcernStore(_database).ListByStatusAsync(Organisation, ConcernStatus.Received))
        {
            list.Add(concern);
        }

        return list;
    }

    /// <summary>Stores a concern directly, as if raised earlier.</summary>
    public Task<bool> SeedAsync(Concern concern) =>
        new SqliteConcernStore(_database).CreateAsync(concern, new AuditEntry { Actor = "Seed", At = concern.ReceivedAt, Action = "Concern received" }, []);

    public Task<IReadOnlyList<AuditEntry>> AuditAsync(string concernId) => new SqliteAuditLog(_database).ReadAsync(concernId);

    public async Task<IReadOnlyList<(string Kind, string? ConcernId, string Payload)>> OutboxAsync()
    {
        var rows = new List<(string, string?, string)>();
        await Query("SELECT kind, concern_id, payload FROM outbox", r => rows.Add((r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2))));
        return rows;
    }

    /// <summary>Every value in every table of the SQLite file, as text: what anyone holding the file could read.</summary>
    public async Task<string> EverythingAsync()
    {
        var tables = new List<string>();
        await Query("SELECT name FROM sqlite_master WHERE type = 'table'", r => tables.Add(r.GetString(0)));
        var text = new StringBuilder();
        foreach (var table in tables)
        {
            await Query($"SELECT * FROM \"{table}\"", r =>
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    text.Append(r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\t');
                }

                text.Append('\n');
            });
        }

        return text.ToString();
    }

    /// <summary>The conversation state rows as stored.</summary>
    public async Task<string> ConversationRowsAsync()
    {
        var text = new StringBuilder();
        await Query("SELECT id, state FROM conversations", r => text.Append(r.GetString(0)).Append('\t').Append(r.GetString(1)).Append('\n'));
        return text.ToString();
    }

    public async Task<ConversationState?> StateAsync(string conversationId) => (await Conversations.GetAsync(conversationId))?.Value;

    public void Dispose()
    {
        _database.Dispose();
        Folder.Dispose();
    }

    private async Task Query(string sql, Action<SqliteDataReader> read)
    {
        await using var connection = await _database.OpenAsync("test.read", CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            read(reader);
        }
    }
}
