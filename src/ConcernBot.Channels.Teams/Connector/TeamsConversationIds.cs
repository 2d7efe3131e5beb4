using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams;

namespace ConcernBot.Channels.Teams.Connector;

/// <summary>How Teams composes conversation and account ids.</summary>
public static class TeamsConversationIds
{
    /// <summary>The conversation id for replies in a channel thread: <c>&lt;channelId&gt;;messageid=&lt;rootActivityId&gt;</c>.</summary>
    public static string ThreadReply(string channelId, string rootActivityId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(rootActivityId);
        return $"{WithoutThread(channelId)};messageid={rootActivityId}";
    }

    /// <summary>A channel conversation id without its thread part (<c>;messageid=...</c>).</summary>
    public static string WithoutThread(string conversationId) => conversationId.Split(";messageid=", 2)[0];

    /// <summary>The channel an activity was posted in: channelData's channel id, else the conversation id without its thread.</summary>
    public static string ChannelOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var fromData = activity.GetTeamsChannelData().Channel?.Id;
        return !string.IsNullOrEmpty(fromData) ? fromData : WithoutThread(activity.Conversation?.Id ?? "");
    }

    /// <summary>The bot's account id in Teams: <c>28:&lt;appId&gt;</c>.</summary>
    public static string Bot(string appId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        return appId.StartsWith("28:", StringComparison.Ordinal) ? appId : "28:" + appId;
    }
}
