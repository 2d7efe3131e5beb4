using System.Diagnostics.Metrics;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace ConcernBot.Storage;

/// <summary>
/// The <c>ConcernBot.Storage</c> meter: how often the bot goes to its store. A round trip is one request to the table
/// service (retries included), or one operation on the SQLite file (one pooled connection, one statement or transaction).
/// Nothing is recorded unless a listener (OpenTelemetry, dotnet-counters, the benchmark's probe) is attached.
/// </summary>
internal static class StorageMetrics
{
    public const string MeterName = "ConcernBot.Storage";

    private static readonly Meter Meter = new(MeterName);

    public const string OperationTag = "concernbot.storage.operation";

    public static Counter<long> RoundTrips { get; } = Meter.CreateCounter<long>("concernbot.storage.round_trips", "{round_trip}", "Requests to the table service, or operations on the SQLite file.");

    /// <summary>One round trip, tagged with what it was for (e.g. "conversations.read").</summary>
    public static void CountRoundTrip(string operation)
    {
        if (RoundTrips.Enabled)
        {
            RoundTrips.Add(1, new KeyValuePair<string, object?>(OperationTag, operation));
        }
    }

    /// <summary>Table service client options that count every request sent.</summary>
    public static TableClientOptions TableClientOptions()
    {
        var options = new TableClientOptions();
        options.AddPolicy(new RoundTripCountingPolicy(), HttpPipelinePosition.PerRetry);
        return options;
    }
}

/// <summary>Counts each request the Azure SDK sends (after retries are decided, so each retry counts).</summary>
internal sealed class RoundTripCountingPolicy : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (StorageMetrics.RoundTrips.Enabled)
        {
            StorageMetrics.CountRoundTrip(Operation(message.Request));
        }
    }

    /// <summary>"conversations.read", "outbox.write", "batch.write": the table and whether the request reads or writes.</summary>
    private static string Operation(Request request)
    {
        // The last path segment is the table (Azurite puts the account name first), or $batch.
        var path = request.Uri.Path.TrimEnd('/');
        var segment = path[(path.LastIndexOf('/') + 1)..];
        var end = segment.IndexOf('(', StringComparison.Ordinal);
        var table = (end < 0 ? segment : segment[..end]).TrimStart('$').ToLowerInvariant();
        return table + (request.Method == RequestMethod.Get ? ".read" : ".write");
    }
}
