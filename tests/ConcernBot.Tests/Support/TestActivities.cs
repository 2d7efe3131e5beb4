using ConcernBot.Channels.Activities;

namespace ConcernBot.Tests.Support;

/// <summary>Teams-shaped activities for host tests: a personal chat between one person and the bot.</summary>
public static class TestActivities
{
    public const string BotId = "28:concernbot-test";
    public const string UserId = "29:1a2b3c-test-user";
    public const string UserAadObjectId = "6f1d2c3b-0000-4000-8000-00000000a11c";
    public const string UserName = "Test Person";
    public const string PersonalConversationId = "a:1personal-test-conversation";

    /// <summary>A loopback service URL: accepted without a token in Development. Nothing listens there; the connector is faked.</summary>
    public const string LocalServiceUrl = "http://127.0.0.1:56150/";

    public static Activity Message(string text, string serviceUrl = LocalServiceUrl) => Base(ActivityTypes.Message, serviceUrl, a => a.Text = text);

    /// <summary>The bot was added to a personal chat: membersAdded holds the bot (the recipient).</summary>
    public static Activity BotAddedToPersonalChat(string serviceUrl = LocalServiceUrl) =>
        Base(ActivityTypes.ConversationUpdate, serviceUrl, a => a.MembersAdded = [new ChannelAccount { Id = BotId }]);

    public static Activity Invoke(string name, string serviceUrl = LocalServiceUrl) => Base(ActivityTypes.Invoke, serviceUrl, a => a.Name = name);

    public static Activity OfType(string type, string serviceUrl = LocalServiceUrl) => Base(type, serviceUrl, _ => { });

    private static Activity Base(string type, string serviceUrl, Action<Activity> shape)
    {
        var activity = new Activity
        {
            Type = type,
            Id = "f:" + Guid.NewGuid().ToString("N"),
            Timestamp = DateTimeOffset.UtcNow,
            ServiceUrl = serviceUrl,
            ChannelId = "msteams",
            From = new ChannelAccount { Id = UserId, Name = UserName, AadObjectId = UserAadObjectId },
            Recipient = new ChannelAccount { Id = BotId, Name = "ConcernBot" },
            Conversation = new ConversationAccount { Id = PersonalConversationId, ConversationType = "personal", TenantId = "tenant-test" },
            Locale = "en-GB",
        };
        shape(activity);
        return activity;
    }
}
