using System.Text.Json;
using System.Text.Json.Serialization;
using ConcernBot.Storage;

namespace ConcernBot.Leads;

/// <summary>The outbox message kinds the leads' workflow writes and reads, and their payloads.</summary>
public static class LeadsOutbox
{
    /// <summary>Written by the intake at submit; routed to the leads by <see cref="ConcernRouter"/>.</summary>
    public const string ConcernSubmitted = "concern.submitted";

    /// <summary>A reminder in the leads' thread, mentioning the leads.</summary>
    public const string Reminder = "leads.reminder";

    /// <summary>A 1:1 message to the deputies or the escalation contact.</summary>
    public const string Escalation = "leads.escalation";

    /// <summary>The reporter answered a lead's question: tell the thread (not what the answer says).</summary>
    public const string Answer = "leads.answer";

    /// <summary>Tell the reporter where their concern stands (delivered by the reporter's side: named or relay).</summary>
    public const string ReporterNotify = "reporter.notify";

    /// <summary>A lead's question for the reporter (delivered through the relay for anonymous reporters).</summary>
    public const string ReporterQuestion = "reporter.question";

    public static OutboxMessage Create(string kind, string concernId, object payload, DateTimeOffset now, string? id = null) => new()
    {
        Id = id ?? Guid.NewGuid().ToString("N"),
        Kind = kind,
        ConcernId = concernId,
        Payload = payload switch
        {
            StagePayload p => JsonSerializer.Serialize(p, LeadsJsonContext.Default.StagePayload),
            ReporterNotifyPayload p => JsonSerializer.Serialize(p, LeadsJsonContext.Default.ReporterNotifyPayload),
            ReporterQuestionPayload p => JsonSerializer.Serialize(p, LeadsJsonContext.Default.ReporterQuestionPayload),
            _ => throw new ArgumentException("Unknown payload type.", nameof(payload)),
        },
        CreatedAt = now,
        NotBefore = now,
    };

    /// <summary>The concern id of a message: its own field, or <c>concernId</c> in the payload.</summary>
    public static string? ConcernIdOf(OutboxMessage message)
    {
        if (!string.IsNullOrEmpty(message.ConcernId))
        {
            return message.ConcernId;
        }

        try
        {
            return JsonSerializer.Deserialize(message.Payload, LeadsJsonContext.Default.StagePayload)?.ConcernId;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static T? Read<T>(OutboxMessage message, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(message.Payload, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}

/// <param name="Text">For <see cref="EscalationStep.NotReached"/>: what the thread is told (lead names and the reference only).</param>
public sealed record StagePayload(string ConcernId, string? Stage = null, string? Text = null);

/// <summary>Kinds: received, acknowledged, question, closed, overdue (offer the next step).</summary>
public sealed record ReporterNotifyPayload(string ConcernId, string Kind, string? Message = null);

public sealed record ReporterQuestionPayload(string ConcernId, int QuestionNumber, string Question);

public static class ReporterNotifyKinds
{
    public const string Received = "received";
    public const string Acknowledged = "acknowledged";
    public const string Question = "question";
    public const string Closed = "closed";
    public const string Overdue = "overdue";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LeadsChannel))]
[JsonSerializable(typeof(StagePayload))]
[JsonSerializable(typeof(ReporterNotifyPayload))]
[JsonSerializable(typeof(ReporterQuestionPayload))]
internal sealed partial class LeadsJsonContext : JsonSerializerContext;
