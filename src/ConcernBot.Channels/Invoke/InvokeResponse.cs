using System.Text.Json.Serialization;
using System.Text.Json;
using ConcernBot.Channels.Activities;

namespace ConcernBot.Channels.Invoke;

/// <summary>The exact body of an invoke answer; sent with HTTP 200, never wrapped in {status, body}.</summary>
public sealed class InvokeResponseBody
{
    public int StatusCode { get; set; }
    public string Type { get; set; } = "";
    public JsonElement Value { get; set; }
}

/// <summary>What a handler answers to an invoke. <see cref="HttpStatus"/> is the HTTP status of the POST.</summary>
public sealed class InvokeResponse
{
    public const string CardType = "application/vnd.microsoft.card.adaptive";
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public int HttpStatus { get; init; } = 200;
    public InvokeResponseBody? Body { get; init; }

    /// <summary>Replace the card for the user who acted.</summary>
    public static InvokeResponse Card(JsonElement card) =>
        new() { Body = new InvokeResponseBody { StatusCode = 200, Type = CardType, Value = card } };

    public static InvokeResponse Message(string text) =>
        new() { Body = new InvokeResponseBody { StatusCode = 200, Type = MessageType, Value = JsonSerializer.SerializeToElement(text, ActivityJsonContext.Default.String) } };

    public static InvokeResponse Error(int statusCode, string code, string message)
    {
        var value = JsonSerializer.SerializeToElement(new ErrorValue { Code = code, Message = message }, InvokeJsonContext.Default.ErrorValue);
        return new() { Body = new InvokeResponseBody { StatusCode = statusCode, Type = ErrorType, Value = value } };
    }

    /// <summary>No handler for this invoke: HTTP 501.</summary>
    public static InvokeResponse NotImplemented { get; } = new() { HttpStatus = 501 };

    internal sealed class ErrorValue
    {
        public string Code { get; set; } = "";
        public string Message { get; set; } = "";
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InvokeResponse.ErrorValue))]
internal sealed partial class InvokeJsonContext : JsonSerializerContext;

/// <summary>The value of an <c>adaptiveCard/action</c> invoke.</summary>
public sealed record AdaptiveCardAction(string Verb, JsonElement Data, string? Trigger)
{
    /// <summary>Reads the action from an invoke activity; null when it is not a well-formed Action.Execute.</summary>
    public static AdaptiveCardAction? From(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action)
            || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("verb", out var verb)
            || verb.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var data = action.TryGetProperty("data", out var d) ? d.Clone() : default;
        var trigger = value.TryGetProperty("trigger", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        return new AdaptiveCardAction(verb.GetString()!, data, trigger);
    }
}
