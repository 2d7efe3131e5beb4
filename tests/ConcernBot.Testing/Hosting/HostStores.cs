using System.Globalization;
using ConcernBot.Concerns;
using ConcernBot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Testing;

/// <summary>The host's real stores (SQLite on a temporary file), and a direct look at its outbox table.</summary>
public sealed class HostStores(IServiceProvider services, string databasePath)
{
    public IConcernStore Concerns => services.GetRequiredService<IConcernStore>();
    public IAuditLog Audit => services.GetRequiredService<IAuditLog>();
    public ITeamStore Teams => services.GetRequiredService<ITeamStore>();
    public ISettingsStore Settings => services.GetRequiredService<ISettingsStore>();

    public Task<bool> CreateAsync(Concern concern, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox) => Concerns.CreateAsync(concern, entry, outbox);

    public Task<Versioned<Concern>?> GetAsync(string concernId) => Concerns.GetAsync(concernId);

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(string concernId) => Audit.ReadAsync(concernId);

    /// <summary>Every outbox message written so far, oldest first, with whether it was delivered.</summary>
    public IReadOnlyList<OutboxMessage> OutboxMessages() => [.. OutboxRows().Select(r => r.Message)];

    public IReadOnlyList<(OutboxMessage Message, bool Delivered, long DueTicks)> OutboxRows()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, concern_id, kind, payload, created_at, not_before, attempts, delivered_at, due_at FROM outbox ORDER BY created_at, rowid";
        using var reader = command.ExecuteReader();
        var rows = new List<(OutboxMessage, bool, long)>();
        while (reader.Read())
        {
            var message = new OutboxMessage
            {
                Id = reader.GetString(0),
                ConcernId = reader.IsDBNull(1) ? null : reader.GetString(1),
                Kind = reader.GetString(2),
                Payload = reader.GetString(3),
                CreatedAt = DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                NotBefore = DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture),
                Attempts = reader.GetInt32(6),
            };
            rows.Add((message, !reader.IsDBNull(7), reader.GetInt64(8)));
        }

        return rows;
    }
}
