using ConcernBot.Concerns;

namespace ConcernBot.Storage.AzureTables;

/// <summary>
/// The index rows a concern should have, derived from its document alone. A listing trusts an index row only if the
/// concern it points to still derives that same row, so rows left behind by a change or by a crash are harmless.
/// </summary>
internal static class ConcernIndexKeys
{
    public static IEnumerable<(string PartitionKey, string RowKey)> For(Concern concern)
    {
        var id = TableKeys.Encode(concern.Id);
        var received = TableKeys.Ticks(concern.ReceivedAt.UtcTicks);
        yield return (StatusPartition(concern.OrganisationId, concern.Status), $"{received}|{id}");
        if (concern.Status != ConcernStatus.Closed && concern.NextDeadline is { } deadline)
        {
            yield return (DeadlinePartition(concern.OrganisationId), $"{TableKeys.Ticks(deadline.UtcTicks)}|{id}");
        }

        if (concern.ReporterReference is { } reporter)
        {
            yield return (ReporterPartition(concern.OrganisationId, reporter), $"{received}|{id}");
        }

        if (concern.Status == ConcernStatus.Closed && concern.ClosedAt is { } closed)
        {
            yield return (ClosedPartition, $"{TableKeys.Ticks(closed.UtcTicks)}|{id}");
        }

    }

    public static bool Derives(Concern concern, string partitionKey, string rowKey) =>
        For(concern).Any(k => k.PartitionKey == partitionKey && k.RowKey == rowKey);

    public static string StatusPartition(string organisationId, ConcernStatus status) => $"status|{TableKeys.Encode(organisationId)}|{status}";

    public static string DeadlinePartition(string organisationId) => $"deadline|{TableKeys.Encode(organisationId)}";

    public static string ReporterPartition(string organisationId, string reporterReference) =>
        $"reporter|{TableKeys.Encode(organisationId)}|{TableKeys.Encode(reporterReference)}";

    /// <summary>One partition across organisations: the retention purge runs for the whole deployment.</summary>
    public const string ClosedPartition = "closed";

    public static string ReferencePartition(string reference) => $"ref|{TableKeys.Encode(reference)}";

    public const string ReferenceRowKey = "-";
}
