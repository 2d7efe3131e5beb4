using System.Text.Json;
using System.Text.Json.Serialization;
using ConcernBot.Teams.Connector;
using ConcernBot.Teams.Invoke;
using ConcernBot.Teams.Turns;

namespace ConcernBot.Teams.Activities;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(TeamsChannelData))]
[JsonSerializable(typeof(InvokeResponseBody))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(TeamsMember))]
[JsonSerializable(typeof(IReadOnlyList<TeamsMember>))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(TeamDetails))]
[JsonSerializable(typeof(ConversationList))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ErrorResponse))]
public sealed partial class ActivityJsonContext : JsonSerializerContext;

public static class ActivityJson
{
    public static JsonSerializerOptions Options => ActivityJsonContext.Default.Options;

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, ActivityJsonContext.Default.Activity);

    /// <summary>Parses an activity; null when the JSON is malformed or not an object.</summary>
    public static Activity? TryParse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, ActivityJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
