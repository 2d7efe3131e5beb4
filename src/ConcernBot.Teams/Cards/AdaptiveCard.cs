using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConcernBot.Teams.Cards;

/// <summary>
/// A small builder for Adaptive Card JSON (schema 1.5, the most Teams renders). It knows the card format, not what a card says.
/// </summary>
public sealed class AdaptiveCard
{
    public const string Version = "1.5";

    private readonly JsonArray _body = [];
    private readonly JsonArray _actions = [];
    private JsonObject? _refresh;
    private string? _fallbackText;
    private string? _speak;

    public AdaptiveCard Add(CardElement element)
    {
        _body.Add(element.Node);
        return this;
    }

    public AdaptiveCard AddRange(IEnumerable<CardElement> elements)
    {
        foreach (var element in elements)
        {
            Add(element);
        }

        return this;
    }

    public AdaptiveCard AddAction(CardAction action)
    {
        _actions.Add(action.Node);
        return this;
    }

    /// <summary>Text for clients that cannot render the card, and for notifications.</summary>
    public AdaptiveCard WithFallbackText(string text)
    {
        _fallbackText = text;
        return this;
    }

    public AdaptiveCard WithSpeak(string text)
    {
        _speak = text;
        return this;
    }

    /// <summary>Universal Actions refresh: the listed users get their own view through the verb.</summary>
    public AdaptiveCard WithRefresh(string verb, object? data, IReadOnlyCollection<string> userIds)
    {
        if (userIds.Count > 60)
        {
            throw new ArgumentException("Teams allows at most 60 user ids in a card refresh.", nameof(userIds));
        }

        _refresh = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = CardNodes.From(data) },
            ["userIds"] = new JsonArray(userIds.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray()),
        };
        return this;
    }

    public JsonObject ToJsonObject()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = _body.DeepClone(),
        };
        if (_actions.Count > 0)
        {
            card["actions"] = _actions.DeepClone();
        }

        if (_refresh is not null)
        {
            card["refresh"] = _refresh.DeepClone();
        }

        if (_fallbackText is not null)
        {
            card["fallbackText"] = _fallbackText;
        }

        if (_speak is not null)
        {
            card["speak"] = _speak;
        }

        return card;
    }

    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(ToJsonObject(), CardNodes.NodeType);
}
