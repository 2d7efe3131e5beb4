using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using ConcernBot.Channels.Activities;

namespace ConcernBot.Testing;

/// <summary>One message from the bot: its text, or its card, with what a person would read on it and the buttons they could press.</summary>
public sealed class BotReply(Activity activity)
{
    public Activity Activity { get; } = activity;

    public JsonObject? Card { get; } = activity.Attachments?.FirstOrDefault(a => a.ContentType == Attachment.AdaptiveCardContentType)?.Content is { } content
        ? JsonNode.Parse(content.GetRawText())!.AsObject()
        : null;

    /// <summary>The text, or every word on the card (text blocks, facts, labels, choices and buttons).</summary>
    public string Words
    {
        get
        {
            if (Card is null)
            {
                return Activity.Text ?? "";
            }

            var words = new StringBuilder();
            Collect(Card, words);
            return words.ToString();
        }
    }

    public IReadOnlyList<string> Buttons => Actions(Card).Select(a => (string?)a["title"] ?? "").ToList();

    public int CardBytes => Card is null ? 0 : Encoding.UTF8.GetByteCount(Card.ToJsonString());

    /// <summary>The Action.Submit with these words, or null.</summary>
    public JsonObject? FindButton(string title) =>
        Actions(Card).FirstOrDefault(a => (string?)a["type"] == "Action.Submit" && (string?)a["title"] == title);

    /// <summary>What a Teams client sends when the button is pressed: its data, plus every input's current value unless it sends none.</summary>
    public JsonObject Press(JsonObject button)
    {
        var value = (button["data"] as JsonObject)?.DeepClone().AsObject() ?? [];
        if ((string?)button["associatedInputs"] != "none")
        {
            foreach (var input in Inputs())
            {
                if ((string?)input["id"] is { } id && input["value"] is JsonValue v)
                {
                    value[id] = v.DeepClone();
                }
            }
        }

        return value;
    }

    /// <summary>Every input on the card (id, type, label).</summary>
    public IEnumerable<JsonObject> Inputs() => Walk(Card).Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    private static IEnumerable<JsonObject> Actions(JsonObject? card) => Walk(card).Where(o => ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true);

    private static IEnumerable<JsonObject> Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Walk(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var inner in Walk(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static void Collect(JsonNode? node, StringBuilder words)
    {
        foreach (var obj in Walk(node))
        {
            foreach (var key in new[] { "text", "title", "value", "label" })
            {
                var isFactValue = key == "value" && obj["type"] is null;
                if ((key != "value" || isFactValue) && obj[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                {
                    words.Append(v.GetValue<string>()).Append('\n');
                }
            }
        }
    }
}

/// <summary>The bot's replies to one turn.</summary>
public sealed class BotReplies(IReadOnlyList<BotReply> replies)
{
    public IReadOnlyList<BotReply> All { get; } = replies;

    public int Count => All.Count;

    public string Words => string.Join("\n", All.Select(r => r.Words));

    public BotReply? LastCard => All.LastOrDefault(r => r.Card is not null);

    public bool Says(string words) => Words.Contains(words, StringComparison.Ordinal);
}
