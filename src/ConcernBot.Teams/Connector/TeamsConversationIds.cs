namespace ConcernBot.Teams.Connector;

/// <summary>How Teams composes conversation and account ids.</summary>
public static class TeamsConversationIds
{
    /// <summary>The conversation id for replies in a channel thread: <c>&lt;channelId&gt;;messageid=&lt;rootActivityId&gt;</c>.</summary>
    public static string ThreadReply(string channelId, string rootActivityId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(rootActivityId);
        var channel = channelId.Split(";messageid=", 2)[0];
        return $"{channel};messageid={rootActivityId}";
    }

    /// <summary>The bot's account id in Teams: <c>28:&lt;appId&gt;</c>.</summary>
    public static string Bot(string appId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        return appId.StartsWith("28:", StringComparison.Ordinal) ? appId : "28:" + appId;
    }
}
