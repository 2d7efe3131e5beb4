using System.Text.Json.Serialization;

namespace ConcernBot.Channels.DirectLine;

/// <summary>A conversation as Direct Line 3.0 describes it to the client.</summary>
public sealed record DirectLineConversation(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

public sealed record DirectLineResourceResponse([property: JsonPropertyName("id")] string Id);

public sealed record DirectLineError([property: JsonPropertyName("error")] DirectLineErrorBody Error);

public sealed record DirectLineErrorBody([property: JsonPropertyName("code")] string Code, [property: JsonPropertyName("message")] string Message);

[JsonSerializable(typeof(DirectLineGrant))]
[JsonSerializable(typeof(DirectLineConversation))]
[JsonSerializable(typeof(DirectLineResourceResponse))]
[JsonSerializable(typeof(DirectLineError))]
internal sealed partial class DirectLineJson : JsonSerializerContext;
