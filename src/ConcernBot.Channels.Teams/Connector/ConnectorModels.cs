using System.Text.Json.Serialization;
using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams;

namespace ConcernBot.Channels.Teams.Connector;

public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public IList<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public JsonElement? ChannelData { get; set; }

    /// <summary>
    /// A 1:1 chat the bot starts with a user (the app must be installed for that user or in one of their teams):
    /// <c>{"isGroup":false,"bot":{"id":"28:..."},"members":[{"id":"29:..."}],"tenantId":..,"channelData":{"tenant":{"id":..}}}</c>.
    /// </summary>
    public static ConversationParameters ForPersonalChat(string botId, string userId, string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(botId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = botId },
            Members = [new ChannelAccount { Id = userId }],
            TenantId = tenantId,
            ChannelData = ToElement(new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } }),
        };
    }

    /// <summary>
    /// A new thread in a team channel whose first post is <paramref name="activity"/>:
    /// <c>{"isGroup":true,"channelData":{"channel":{"id":"19:...@thread.tacv2"}},"activity":{...}}</c>.
    /// Replies in the thread go to <see cref="TeamsConversationIds.ThreadReply"/>.
    /// </summary>
    public static ConversationParameters ForChannelThread(string channelId, Activity activity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentNullException.ThrowIfNull(activity);
        return new ConversationParameters
        {
            IsGroup = true,
            ChannelData = ToElement(new TeamsChannelData { Channel = new ChannelInfo { Id = channelId } }),
            Activity = activity,
        };
    }

    private static JsonElement ToElement(TeamsChannelData data) => JsonSerializer.SerializeToElement(data, TeamsJsonContext.Default.TeamsChannelData);
}

public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ActivityId { get; set; }
}

/// <summary>
/// A roster entry. Teams sends the Entra object id as <c>objectId</c>, some clients (the Agents Playground) as
/// <c>aadObjectId</c>; both are read and exposed as <see cref="AadObjectId"/>, <c>objectId</c> preferred.
/// </summary>
public sealed class TeamsMember
{
    public string? Id { get; set; }
    public string? Name { get; set; }

    [JsonIgnore]
    public string? AadObjectId
    {
        get => ObjectId ?? AlternateObjectId;
        set => ObjectId = value;
    }

    [JsonInclude]
    [JsonPropertyName("objectId")]
    internal string? ObjectId { get; set; }

    [JsonInclude]
    [JsonPropertyName("aadObjectId")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    internal string? AlternateObjectId { get; set; }

    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? Email { get; set; }
    public string? UserPrincipalName { get; set; }
    public string? TenantId { get; set; }
    public string? UserRole { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed class PagedMembersResult
{
    public IList<TeamsMember>? Members { get; set; }
    public string? ContinuationToken { get; set; }
}

public sealed class TeamDetails
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadGroupId { get; set; }
}

public sealed class ConversationList
{
    public IList<ChannelInfo>? Conversations { get; set; }
}

public sealed class ErrorResponse
{
    public ErrorDetail? Error { get; set; }
}

public sealed class ErrorDetail
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}
