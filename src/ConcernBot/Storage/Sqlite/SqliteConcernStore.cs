using System.Runtime.CompilerServices;
using ConcernBot.Concerns;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Storage.Sqlite;

internal sealed class SqliteConcernStore(SqliteDatabase database) : IConcernStore
{
    private const string Columns = "document, version";

    public Task<bool> CreateAsync(Concern concern, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(concern);
        ArgumentNullException.ThrowIfNull(outbox);
        return database.WriteAsync("concerns.write", (connection, transaction, token) => CreateAsync(connection, transaction, concern, entry, outbox, token), cancellationToken);
    }

    public async Task<Versioned<Concern>?> GetAsync(string concernId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("concerns.read", cancellationToken);
        return await QueryAsync(connection, $"SELECT {Columns} FROM concerns WHERE id = $id", cancellationToken, ("$id", concernId)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Versioned<Concern>?> FindByReferenceAsync(string reference, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("concerns.read", cancellationToken);
        return await QueryAsync(connection, $"SELECT {Columns} FROM concerns WHERE reference = $reference", cancellationToken, ("$reference", reference)).FirstOrDefaultAsync(cancellationToken);
    }

    public Task<string> UpdateAsync(Concern concern, string etag, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(concern);
        ArgumentNullException.ThrowIfNull(outbox);
        return database.WriteAsync("concerns.write", (connection, transaction, token) => UpdateAsync(connection, transaction, concern, etag, entry, outbox, token), cancellationToken);
    }

    private static async Task<bool> CreateAsync(SqliteConnection connection, SqliteTransaction transaction, Concern concern, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken)
    {
        // A purged concern keeps its audit head, so a replayed submit after a purge makes nothing either.
        var known = await connection.ScalarAsync(
            transaction,
            "SELECT 1 FROM concerns WHERE id = $id UNION ALL SELECT 1 FROM audit_heads WHERE concern_id = $id",
            cancellationToken,
            ("$id", concern.Id));
        if (known is not null)
        {
            return false;
        }

        try
        {
            await connection.ExecuteAsync(
                transaction,
                """
                INSERT INTO concerns (id, reference, organisation_id, status, received_at, next_deadline, reporter_reference, closed_at, document, version)
                VALUES ($id, $reference, $organisation, $status, $received, $deadline, $reporter, $closed, $document, 1)
                """,
                cancellationToken,
                Parameters(concern));
        }
        catch (SqliteException exception) when (SqliteCommands.IsUniqueViolation(exception))
        {
            throw new DuplicateReferenceException("Another concern already has this reference.", exception);
        }

        await SqliteAuditLog.AppendAsync(connection, transaction, concern.Id, entry, cancellationToken);
        await SqliteOutbox.InsertAsync(connection, transaction, [.. outbox.Select(m => m with { ConcernId = concern.Id })], cancellationToken);
        return true;
    }

    private static async Task<string> UpdateAsync(SqliteConnection connection, SqliteTransaction transaction, Concern concern, string etag, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken)
    {
        var version = SqliteCommands.FromETag(etag);
        int updated;
        try
        {
            updated = await connection.ExecuteAsync(
                transaction,
                """
                UPDATE concerns SET reference = $reference, organisation_id = $organisation, status = $status, received_at = $received,
                    next_deadline = $deadline, reporter_reference = $reporter, closed_at = $closed, document = $document, version = version + 1
                WHERE id = $id AND version = $version
                """,
                cancellationToken,
                [.. Parameters(concern), ("$version", version)]);
        }
        catch (SqliteException exception) when (SqliteCommands.IsUniqueViolation(exception))
        {
            throw new DuplicateReferenceException("Another concern already has this reference.", exception);
        }

        if (updated != 1)
        {
            throw new ConcurrencyConflictException();
        }

        await SqliteAuditLog.AppendAsync(connection, transaction, concern.Id, entry, cancellationToken);
        await SqliteOutbox.InsertAsync(connection, transaction, [.. outbox.Select(m => m with { ConcernId = concern.Id })], cancellationToken);
        return SqliteCommands.ToETag(version + 1);
    }

    public async IAsyncEnumerable<Concern> ListByStatusAsync(string organisationId, ConcernStatus status, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("concerns.read", cancellationToken);
        var rows = QueryAsync(
            connection,
            $"SELECT {Columns} FROM concerns WHERE organisation_id = $organisation AND status = $status ORDER BY received_at, id",
            cancellationToken,
            ("$organisation", organisationId),
            ("$status", status.ToString()));
        await foreach (var row in rows)
        {
            yield return row.Value;
        }
    }

    public async IAsyncEnumerable<Concern> ListByDeadlineAsync(string organisationId, DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("concerns.read", cancellationToken);
        var rows = QueryAsync(
            connection,
            $"""
            SELECT {Columns} FROM concerns
            WHERE organisation_id = $organisation AND next_deadline IS NOT NULL AND status <> 'Closed' AND next_deadline < $before
            ORDER BY next_deadline, id
            """,
            cancellationToken,
            ("$organisation", organisationId),
            ("$before", before.UtcTicks));
        await foreach (var row in rows)
        {
            yield return row.Value;
        }
    }

    public async IAsyncEnumerable<Concern> ListByReporterAsync(string organisationId, string reporterReference, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync("concerns.read", cancellationToken);
        var rows = QueryAsync(
            connection,
            $"""
            SELECT {Columns} FROM concerns
            WHERE organisation_id = $organisation AND reporter_reference IS NOT NULL AND reporter_reference = $reporter
            ORDER BY received_at, id
            """,
            cancellationToken,
            ("$organisation", organisationId),
            ("$reporter", reporterReference));
        await foreach (var row in rows)
        {
            yield return row.Value;
        }
    }

    private static (string, object?)[] Parameters(Concern concern) =>
    [
        ("$id", concern.Id),
        ("$reference", concern.Reference),
        ("$organisation", concern.OrganisationId),
        ("$status", concern.Status.ToString()),
        ("$received", concern.ReceivedAt.UtcTicks),
        ("$deadline", concern.NextDeadline?.UtcTicks),
        ("$reporter", concern.ReporterReference),
        ("$closed", concern.ClosedAt?.UtcTicks),
        ("$document", StorageJson.Serialize(concern)),
    ];

    private static async IAsyncEnumerable<Versioned<Concern>> QueryAsync(SqliteConnection connection, string sql, [EnumeratorCancellation] CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = connection.Command(null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new(StorageJson.Deserialize<Concern>(reader.Utf8(0)), SqliteCommands.ToETag(reader.GetInt64(1)));
        }
    }
}
