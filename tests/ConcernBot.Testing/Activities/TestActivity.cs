using System.Text.Json.Nodes;
using System.Text;
using ConcernBot.Channels.Activities;

namespace ConcernBot.Testing;

/// <summary>
/// The tests' one way to make an activity: Teams-shaped JSON, as the channel sends it (what a test posts to the host), in a
/// 1:1 chat, in the leads' channel, or from another channel. <see cref="ToActivity"/> gives the typed activity.
/// </summary>
public static class TestActivity
{
    /// <summary>The bot, as Teams names it in <c>recipient</c> (and in a mention, and in membersAdded when it is added).</summary>
    public const string BotId = "28:concernbot-test";

    /// <summary>A loopback service URL: accepted without a token in Development. Nothing listens there; the connector is faked.</summary>
    public const string LocalServiceUrl = "http://127.0.0.1:56150/";

    /// <summary>The type, id, time, service URL, channel and bot every activity has; the rest is the caller's.</summary>
    public static JsonObject Of(string type, string serviceUrl = LocalServiceUrl) => new()
    {
        ["type"] = type,
        ["id"] = "f:" + Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow,
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ConcernBot" },
    };

    /// <summary>An activity of any type in <paramref name="user"/>'s 1:1 chat with the bot.</summary>
    public static JsonObject InPersonalChat(string type, TeamsUser user, string serviceUrl = LocalServiceUrl, string locale = "en-GB")
    {
        var activity = Of(type, serviceUrl);
        activity["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId };
        activity["conversation"] = new JsonObject { ["id"] = user.ConversationId, ["conversationType"] = "personal", ["tenantId"] = user.TenantId };
        activity["locale"] = locale;
        activity["channelData"] = Tenant(user.TenantId);
        return activity;
    }

    /// <summary>
    /// What <paramref name="user"/> types (<paramref name="text"/>) or sends from a card's Action.Submit
    /// (<paramref name="value"/>, the card being <paramref name="replyToId"/>) in their 1:1 chat.
    /// </summary>
    public static JsonObject Message(TeamsUser user, string? text, JsonObject? value = null, string? replyToId = null, string serviceUrl = LocalServiceUrl, string locale = "en-GB")
    {
        var activity = InPersonalChat(ActivityTypes.Message, user, serviceUrl, locale);
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (value is not null)
        {
            activity["value"] = value;
            activity["replyToId"] = replyToId;
        }

        return activity;
    }

    /// <summary>The bot was added to <paramref name="user"/>'s personal chat: membersAdded holds the bot (the recipient).</summary>
    public static JsonObject BotAddedToPersonalChat(TeamsUser user)
    {
        var activity = InPersonalChat(ActivityTypes.ConversationUpdate, user);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        return activity;
    }

    /// <summary>An invoke of this name in <paramref name="user"/>'s 1:1 chat, with no value.</summary>
    public static JsonObject Invoke(TeamsUser user, string name)
    {
        var activity = InPersonalChat(ActivityTypes.Invoke, user);
        activity["name"] = name;
        return activity;
    }

    /// <summary>"@ConcernBot {text}" in a channel of the leads' team.</summary>
    public static JsonObject ChannelMessage(Person from, string text, string channelId = People.LeadsChannel)
    {
        var activity = Of(ActivityTypes.Message);
        activity["text"] = $"<at>ConcernBot</at> {text}";
        activity["from"] = From(from);
        activity["conversation"] = new JsonObject { ["id"] = channelId + ";messageid=1700000000000", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = People.Tenant };
        activity["channelData"] = ChannelData(channelId);
        activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>ConcernBot</at>", ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "ConcernBot" } });
        return activity;
    }

    /// <summary>What <paramref name="from"/> types in their 1:1 chat with the bot.</summary>
    public static JsonObject PersonalMessage(Person from, string text) => Message(from.InPersonalChat, text);

    /// <summary>An Action.Execute invoke from a card in a channel thread (or, by its id, a 1:1 chat) of the leads' team.</summary>
    public static JsonObject CardAction(Person from, string verb, JsonObject data, string conversationId, string? replyToId, string? trigger = "manual")
    {
        var value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        if (trigger is not null)
        {
            value["trigger"] = trigger;
        }

        var activity = Of(ActivityTypes.Invoke);
        activity["name"] = "adaptiveCard/action";
        activity["from"] = From(from);
        activity["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationId.StartsWith("a:", StringComparison.Ordinal) ? "personal" : "channel", ["tenantId"] = People.Tenant };
        activity["replyToId"] = replyToId;
        activity["channelData"] = ChannelData();
        activity["value"] = value;
        return activity;
    }

    /// <summary>The bot added to the leads' team: conversationUpdate with the bot in membersAdded.</summary>
    public static JsonObject BotAddedToTeam()
    {
        var activity = InTeam(ActivityTypes.ConversationUpdate);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        var team = activity["channelData"]!["team"]!.AsObject();
        team["aadGroupId"] = "group-1";
        activity["channelData"]!["eventType"] = "teamMemberAdded";
        activity["channelData"]!["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = People.TeamId } };
        return activity;
    }

    /// <summary>The app installed in (or removed from) the leads' team: installationUpdate with this action.</summary>
    public static JsonObject InstallationUpdate(string action)
    {
        var activity = InTeam(ActivityTypes.InstallationUpdate);
        activity["action"] = action;
        return activity;
    }

    /// <summary>
    /// A message on another channel (<see cref="InMemoryChannel"/>): the client says who it is, but the channel decides;
    /// no tenant, no Entra object id.
    /// </summary>
    public static JsonObject OnAnotherChannel(string conversationId, string? text, JsonObject? value = null, string? replyToId = null)
    {
        var activity = Message(new TeamsUser("client-chosen-id", "Visitor", "", "", conversationId), text, value, replyToId);
        activity["from"] = new JsonObject { ["id"] = "client-chosen-id", ["name"] = "Visitor" };
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        activity.Remove("channelData");
        return activity;
    }

    /// <summary>The typed activity the host reads from this JSON.</summary>
    public static Activity ToActivity(this JsonObject json) =>
        ActivityJson.TryParse(Encoding.UTF8.GetBytes(json.ToJsonString())) ?? throw new InvalidOperationException("Not an activity.");

    private static JsonObject From(Person person) => new() { ["id"] = person.UserId, ["name"] = person.Name, ["aadObjectId"] = person.ObjectId };

    private static JsonObject Tenant(string tenantId) => new() { ["tenant"] = new JsonObject { ["id"] = tenantId } };

    private static JsonObject ChannelData(string channelId = People.LeadsChannel)
    {
        var data = Tenant(People.Tenant);
        data["team"] = new JsonObject { ["id"] = People.TeamId, ["name"] = "Care Team" };
        data["channel"] = new JsonObject { ["id"] = channelId };
        return data;
    }

    /// <summary>An activity about the leads' team itself, from Ada (the admin).</summary>
    private static JsonObject InTeam(string type)
    {
        var activity = Of(type);
        activity["from"] = From(People.Ada);
        activity["conversation"] = new JsonObject { ["id"] = People.TeamId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = People.Tenant };
        var data = Tenant(People.Tenant);
        data["team"] = new JsonObject { ["id"] = People.TeamId, ["name"] = "Care Team" };
        activity["channelData"] = data;
        return activity;
    }
}
