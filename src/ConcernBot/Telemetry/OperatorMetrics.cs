using System.Diagnostics.Metrics;

namespace ConcernBot.Telemetry;

/// <summary>
/// The <c>ConcernBot</c> meter: what an operator alerts on, with no tag that could point to a person (kinds and
/// exception types only). The age of the oldest undelivered outbox message is observed by <see cref="OutboxAgeGauge"/>.
/// </summary>
internal static class OperatorMetrics
{
    public const string MeterName = "ConcernBot";

    public static readonly Meter Meter = new(MeterName);

    public static Counter<long> TurnsFailed { get; } = Meter.CreateCounter<long>("concernbot.turns.failed", "{turn}", "Turns a feature failed (the person was asked to try again).");

    public static Counter<long> DeliveriesFailed { get; } = Meter.CreateCounter<long>("concernbot.outbox.deliveries.failed", "{delivery}", "Outbox deliveries that failed and wait for a retry.");

    public static Counter<long> EscalationsFired { get; } = Meter.CreateCounter<long>("concernbot.escalations.fired", "{escalation}", "Escalation steps fired because a concern was not acknowledged in time.");
}
