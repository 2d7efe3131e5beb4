using Azure.Data.Tables;

namespace ConcernBot.Storage.AzureTables;

/// <summary>
/// The rows of one concern's partition in the Concerns table. Everything that must change together (the document, the
/// audit chain and its head, the outbox rows) lives here, so one entity group transaction writes it all or nothing.
/// </summary>
internal static class ConcernPartition
{
    public const string ConcernRow = "concern";
    public const string HeadRow = "head";
    public const string AuditPrefix = "audit-";
    public const string OutboxPrefix = "outbox-";
    public const string Pending = "Pending";
    public const string Delivered = "Delivered";

    public static string Key(string concernId) => TableKeys.Encode(concernId);

    public static string AuditRow(long sequence) => AuditPrefix + TableKeys.Ticks(sequence);

    public static string OutboxRow(string messageId) => OutboxPrefix + TableKeys.Encode(messageId);

    public static TableEntity Head(string concernId, long count, string hash) => new(Key(concernId), HeadRow)
    {
        ["Count"] = count,
        ["Hash"] = hash,
    };

    public static TableEntity Audit(string concernId, AuditEntry entry) => new(Key(concernId), AuditRow(entry.Sequence))
    {
        ["Sequence"] = entry.Sequence,
        ["Actor"] = entry.Actor,
        ["At"] = AuditChain.FormatTime(entry.At),
        ["Action"] = entry.Action,
        ["Reason"] = entry.Reason,
        ["Detail"] = entry.Detail,
        ["PreviousHash"] = entry.PreviousHash,
        ["Hash"] = entry.Hash,
    };

    public static AuditEntry ReadAudit(TableEntity row) => new()
    {
        Sequence = row.GetInt64("Sequence") ?? 0,
        Actor = row.GetString("Actor") ?? string.Empty,
        At = AuditChain.ParseTime(row.GetString("At") ?? string.Empty),
        Action = row.GetString("Action") ?? string.Empty,
        Reason = row.GetString("Reason"),
        Detail = row.GetString("Detail"),
        PreviousHash = row.GetString("PreviousHash"),
        Hash = row.GetString("Hash"),
    };

    public static TableEntity OutboxHome(string concernId, OutboxMessage message) => new(Key(concernId), OutboxRow(message.Id))
    {
        ["Kind"] = message.Kind,
        ["Status"] = Pending,
    };
}
