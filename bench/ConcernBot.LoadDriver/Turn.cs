using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConcernBot.LoadDriver;

/// <summary>One concrete turn: a Teams message activity with text or a card's value, ready to be stamped for a conversation.</summary>
internal sealed class Turn
{
    private const string ConversationToken = "__CONVERSATION__";
    private const string ActivityToken = "__ACTIVITY__";
    private const string UserToken = "__USER__";
    private readonly string _template;

    public Turn(Uri serviceUrl, string? text, JsonObject? value)
    {
        Text = text;
        Value = value;
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = ActivityToken,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["serviceUrl"] = serviceUrl.ToString(),
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:" + UserToken, ["name"] = "Ada Quillfeather", ["aadObjectId"] = "aad-" + UserToken },
            ["conversation"] = new JsonObject { ["id"] = "a:" + ConversationToken, ["conversationType"] = "personal", ["tenantId"] = "tenant-bench" },
            ["recipient"] = new JsonObject { ["id"] = "28:concernbot", ["name"] = "ConcernBot" },
            ["locale"] = "en-GB",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-bench" } },
        };
        if (text is not null)
        {
            activity["text"] = text;
            activity["textFormat"] = "plain";
        }

        if (value is not null)
        {
            activity["value"] = value.DeepClone();
        }

        _template = activity.ToJsonString();
    }

    public string? Text { get; }

    public JsonObject? Value { get; }

    public static string ConversationIdFor(string tag) => "a:" + tag;

    /// <summary>The activity for one conversation (tag) and a fresh activity id.</summary>
    public byte[] For(string tag, long activityNumber) => Encoding.UTF8.GetBytes(_template
        .Replace(ConversationToken, tag, StringComparison.Ordinal)
        .Replace(UserToken, tag, StringComparison.Ordinal)
        .Replace(ActivityToken, "act-" + tag + "-" + activityNumber.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    /// <summary>Turns an intent into a concrete turn: a press is looked up on the cards of the bot's replies to the previous turn.</summary>
    public static Turn Resolve(Intent intent, Uri serviceUrl, IReadOnlyList<byte[]> latestReplies)
    {
        switch (intent)
        {
            case Intent.Say say:
                return new Turn(serviceUrl, say.Text, null);
            case Intent.Press press:
                var data = latestReplies.Reverse().Select(body => FindButton(body, press)).FirstOrDefault(d => d is not null)
                    ?? throw new InvalidOperationException($"No button for {press} on the bot's latest replies. Buttons: {string.Join(" | ", latestReplies.SelectMany(ButtonsOf))}");
                if (press.Inputs is not null)
                {
                    foreach (var (key, node) in press.Inputs)
                    {
                        data[key] = node?.DeepClone();
                    }
                }

                return new Turn(serviceUrl, null, data);
            default:
                throw new ArgumentOutOfRangeException(nameof(intent));
        }
    }

    private static JsonObject? FindButton(byte[] activityJson, Intent.Press press) =>
        Actions(activityJson)
            .Select(a => a["data"] as JsonObject)
            .FirstOrDefault(d => d is not null
                && (string?)d["verb"] == press.Verb
                && (press.Choice is null ? d["choice"] is null : (string?)d["choice"] == press.Choice)
                && (press.Skip ? d["skip"] is JsonValue s && s.GetValueKind() == JsonValueKind.True : d["skip"] is null))
            ?.DeepClone().AsObject();

    private static IEnumerable<string> ButtonsOf(byte[] activityJson) =>
        Actions(activityJson).Select(a => $"{(string?)a["title"]} {a["data"]?.ToJsonString()}");

    private static IEnumerable<JsonObject> Actions(byte[] activityJson)
    {
        var activity = JsonNode.Parse(activityJson) as JsonObject;
        if (activity?["attachments"] is not JsonArray attachments)
        {
            return [];
        }

        return attachments.SelectMany(a => Walk(a?["content"]))
            .Where(o => (string?)o["type"] == "Action.Submit");
    }

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var (_, child) in obj)
            {
                foreach (var inner in Walk(child))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                foreach (var inner in Walk(item))
                {
                    yield return inner;
                }
            }
        }
    }
}
