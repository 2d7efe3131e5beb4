namespace ConcernBot.Storage.Sqlite;

/// <summary>
/// The schema. Times used for ordering are UTC ticks (INTEGER); each changeable record has a version column that is
/// its ETag. The partial indexes serve exactly the listings the stores offer, so none of them reads the whole table.
/// </summary>
internal static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS conversations (
            id TEXT NOT NULL PRIMARY KEY,
            state TEXT NOT NULL,
            expires_at INTEGER NULL,
            version INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_conversations_expires ON conversations (expires_at) WHERE expires_at IS NOT NULL;

        CREATE TABLE IF NOT EXISTS concerns (
            id TEXT NOT NULL PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            organisation_id TEXT NOT NULL,
            status TEXT NOT NULL,
            received_at INTEGER NOT NULL,
            next_deadline INTEGER NULL,
            reporter_reference TEXT NULL,
            closed_at INTEGER NULL,
            document TEXT NOT NULL,
            version INTEGER NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_concerns_status ON concerns (organisation_id, status, received_at);
        CREATE INDEX IF NOT EXISTS ix_concerns_deadline ON concerns (organisation_id, next_deadline)
            WHERE next_deadline IS NOT NULL AND status <> 'Closed';
        CREATE INDEX IF NOT EXISTS ix_concerns_reporter ON concerns (organisation_id, reporter_reference, received_at)
            WHERE reporter_reference IS NOT NULL;
        CREATE INDEX IF NOT EXISTS ix_concerns_closed ON concerns (closed_at) WHERE status = 'Closed';

        CREATE TABLE IF NOT EXISTS audit_heads (
            concern_id TEXT NOT NULL PRIMARY KEY,
            count INTEGER NOT NULL,
            head_hash TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS audit (
            concern_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            actor TEXT NOT NULL,
            at TEXT NOT NULL,
            action TEXT NOT NULL,
            reason TEXT NULL,
            detail TEXT NULL,
            previous_hash TEXT NULL,
            hash TEXT NOT NULL,
            PRIMARY KEY (concern_id, sequence)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS outbox (
            id TEXT NOT NULL PRIMARY KEY,
            concern_id TEXT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at TEXT NOT NULL,
            not_before TEXT NOT NULL,
            due_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            claim_token TEXT NULL,
            lease_until INTEGER NOT NULL DEFAULT 0,
            delivered_at INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS ix_outbox_due ON outbox (due_at) WHERE delivered_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_outbox_concern ON outbox (concern_id) WHERE concern_id IS NOT NULL;

        CREATE TABLE IF NOT EXISTS teams (
            organisation_id TEXT NOT NULL,
            team_id TEXT NOT NULL,
            document TEXT NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (organisation_id, team_id)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS settings (
            key TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL,
            version INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS reply_routes (
            token TEXT NOT NULL PRIMARY KEY,
            sealed TEXT NOT NULL
        ) WITHOUT ROWID;
        """;
}
