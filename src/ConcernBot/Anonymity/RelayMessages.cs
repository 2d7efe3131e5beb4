using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ConcernBot.Storage;

namespace ConcernBot.Anonymity;

/// <summary>The outbox kinds the relay reads (written by the leads) and writes (for the leads' thread), and their payloads.</summary>
public static class RelayKinds
{
    /// <summary>A lead's question for the reporter: {concernId, questionNumber, question}. Delivered here, through the route.</summary>
    public const string ReporterQuestion = "reporter.question";

    /// <summary>Where the concern stands, for the reporter: {concernId, kind, message?}. Delivered here, through the route.</summary>
    public const string ReporterNotify = "reporter.notify";

    /// <summary>The reporter's answer or added information, for the leads' thread: {concernId, kind, questionNumber?, text, from}.</summary>
    public const string ReporterAnswer = "leads.reporter-answer";

    /// <summary>The reporter ended contact, for the leads' thread: {concernId}.</summary>
    public const string ContactEnded = "leads.contact-ended";

    internal static OutboxMessage Create<T>(string kind, string concernId, T payload, JsonTypeInfo<T> type, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Kind = kind,
        ConcernId = concernId,
        Payload = JsonSerializer.Serialize(payload, type),
        CreatedAt = now,
        NotBefore = now,
    };

    internal static T? Read<T>(OutboxMessage message, JsonTypeInfo<T> type)
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

public sealed record ReporterQuestionMessage(string ConcernId, int QuestionNumber, string Question);

public sealed record ReporterNotifyMessage(string ConcernId, string Kind, string? Message = null);

/// <summary><see cref="Kind"/> is "answer" (to <see cref="QuestionNumber"/>) or "information"; <see cref="From"/> is how the thread names the reporter.</summary>
public sealed record ReporterAnswerMessage(string ConcernId, string Kind, int? QuestionNumber, string Text, string From);

public sealed record ContactEndedMessage(string ConcernId);
