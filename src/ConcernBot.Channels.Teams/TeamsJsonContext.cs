using System.Text.Json.Serialization;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;

namespace ConcernBot.Channels.Teams;

/// <summary>The Bot Connector's and Teams' own JSON, with the same options as the activities.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TeamsChannelData))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(TeamsMember))]
[JsonSerializable(typeof(IReadOnlyList<TeamsMember>))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(TeamDetails))]
[JsonSerializable(typeof(ConversationList))]
[JsonSerializable(typeof(ErrorResponse))]
public sealed partial class TeamsJsonContext : JsonSerializerContext;

/// <summary>Teams' reading of an activity.</summary>
public static class TeamsActivityExtensions
{
    /// <summary>The msteams channelData, typed; an empty object when absent. Read once per activity and shared: read-only.</summary>
    public static TeamsChannelData GetTeamsChannelData(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.GetChannelData(TeamsJsonContext.Default.TeamsChannelData);
    }
}
