using System.Text.Json.Nodes;

namespace ConcernBot.Tests.Support;

/// <summary>Teams-shaped activities, as the channel sends them.</summary>
public static class LeadsActivities
{
    public static JsonObject From(Person person) => new() { ["id"] = person.UserId, ["name"] = person.Name, ["aadObjectId"] = person.ObjectId };

    public static JsonObject ChannelData(string channelId = People.LeadsChannel, string? eventType = null)
    {
        var data = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = People.Tenant },
            ["team"] = new JsonObject { ["id"] = People.TeamId, ["name"] = "Care Team" },
            ["channel"] = new JsonObject { ["id"] = channelId },
        };
        if (eventType is not null)
        {
            data["eventType"] = eventType;
        }

        return data;
    }

    /// <summary>"@ConcernBot {text}" in a channel.</summary>
    public static JsonObject ChannelMessage(Person from, string text, string channelId = People.LeadsChannel) => new()
    {
        ["type"] = "message",
        ["text"] = $"<at>ConcernBot</at> {text}",
        ["from"] = From(from),
        ["conversation"] = new JsonObject { ["id"] = channelId + ";messageid=1700000000000", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = People.Tenant },
        ["channelData"] = ChannelData(channelId),
        ["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>ConcernBot</at>", ["mentioned"] = new JsonObject { ["id"] = "28:bot", ["name"] = "ConcernBot" } }),
    };

    public static JsonObject PersonalMessage(Person from, string text) => new()
    {
        ["type"] = "message",
        ["text"] = text,
        ["from"] = From(from),
        ["conversation"] = new JsonObject { ["id"] = "a:personal-" + from.UserId, ["conversationType"] = "personal", ["tenantId"] = People.Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = People.Tenant } },
    };

    /// <summary>An Action.Execute invoke from a card in a channel thread (or a 1:1 chat).</summary>
    public static JsonObject Invoke(Person from, string verb, JsonObject data, string conversationId, string? replyToId, string? trigger = "manual")
    {
        var value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data } };
        if (trigger is not null)
        {
            value["trigger"] = trigger;
        }

        return new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["from"] = From(from),
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = conversationId.StartsWith("a:", StringComparison.Ordinal) ? "personal" : "channel", ["tenantId"] = People.Tenant },
            ["replyToId"] = replyToId,
            ["channelData"] = ChannelData(),
            ["value"] = value,
        };
    }

    /// <summary>The bot added to a team: conversationUpdate with the bot in membersAdded.</summary>
    public static JsonObject BotAddedToTeam() => new()
    {
        ["type"] = "conversationUpdate",
        ["from"] = From(People.Ada),
        ["conversation"] = new JsonObject { ["id"] = People.TeamId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = People.Tenant },
        ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "28:bot" }),
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = People.Tenant },
            ["team"] = new JsonObject { ["id"] = People.TeamId, ["name"] = "Care Team", ["aadGroupId"] = "group-1" },
            ["eventType"] = "teamMemberAdded",
            ["settings"] = new JsonObject { ["selectedChannel"] = new JsonObject { ["id"] = People.TeamId } },
        },
    };

    public static JsonObject InstallationUpdate(string action) => new()
    {
        ["type"] = "installationUpdate",
        ["action"] = action,
        ["from"] = From(People.Ada),
        ["conversation"] = new JsonObject { ["id"] = People.TeamId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = People.Tenant },
        ["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = People.Tenant },
            ["team"] = new JsonObject { ["id"] = People.TeamId, ["name"] = "Care Team" },
        },
    };
}
