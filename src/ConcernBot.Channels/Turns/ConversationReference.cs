using ConcernBot.Channels.Activities;

namespace ConcernBot.Channels.Turns;

/// <summary>What is needed to message a user or a channel later (proactively).</summary>
public sealed record ConversationReference
{
    public required string ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public required string ConversationId { get; init; }
    public string? ConversationType { get; init; }
    public string? TenantId { get; init; }
    public bool? IsGroup { get; init; }
    public string? UserId { get; init; }
    public string? UserAadObjectId { get; init; }
    public string? BotId { get; init; }
    public string? ActivityId { get; init; }
    public string? Locale { get; init; }

    /// <summary>
    /// The reference for the conversation an inbound activity came from; null if it lacks a service URL or conversation.
    /// <paramref name="organisationId"/> is the organisation its channel gave (Teams: the tenant, also from channelData).
    /// </summary>
    public static ConversationReference? FromActivity(Activity activity, string? organisationId = null)
    {
        if (string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return null;
        }

        return new ConversationReference
        {
            ServiceUrl = activity.ServiceUrl,
            ChannelId = activity.ChannelId,
            ConversationId = activity.Conversation.Id,
            ConversationType = activity.Conversation.ConversationType,
            TenantId = activity.Conversation.TenantId ?? organisationId,
            IsGroup = activity.Conversation.IsGroup,
            UserId = activity.From?.Id,
            UserAadObjectId = activity.From?.AadObjectId,
            BotId = activity.Recipient?.Id,
            ActivityId = activity.Id,
            Locale = activity.Locale,
        };
    }

    /// <summary>A message activity for this conversation, ready to send proactively.</summary>
    public Activity CreateMessage() => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Conversation = new ConversationAccount { Id = ConversationId, ConversationType = ConversationType, TenantId = TenantId, IsGroup = IsGroup },
        From = BotId is null ? null : new ChannelAccount { Id = BotId },
        Recipient = UserId is null ? null : new ChannelAccount { Id = UserId, AadObjectId = UserAadObjectId },
        Locale = Locale,
    };
}
