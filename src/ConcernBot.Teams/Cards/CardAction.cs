using System.Text.Json.Nodes;

namespace ConcernBot.Teams.Cards;

/// <summary>A card action. <see cref="Execute"/> carries an Action.Submit fallback for clients without Universal Actions.</summary>
public sealed class CardAction
{
    internal CardAction(JsonObject node) => Node = node;

    internal JsonObject Node { get; }

    /// <summary>Action.Execute (Universal Actions) with the same verb and data as an Action.Submit fallback.</summary>
    public static CardAction Execute(string title, string verb, object? data = null, string? style = null)
    {
        var node = new JsonObject { ["type"] = "Action.Execute", ["title"] = title, ["verb"] = verb, ["data"] = CardNodes.From(data) };
        var fallbackData = CardNodes.From(data) as JsonObject ?? [];
        fallbackData["verb"] = verb;
        node["fallback"] = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = fallbackData };
        if (style is not null)
        {
            node["style"] = style;
        }

        return new CardAction(node);
    }

    /// <summary>Action.Submit: arrives as a message activity whose value holds the data and the inputs.</summary>
    public static CardAction Submit(string title, object? data = null, string? style = null, bool validateInputs = true)
    {
        var node = new JsonObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = CardNodes.From(data) };
        if (style is not null)
        {
            node["style"] = style;
        }

        if (!validateInputs)
        {
            node["associatedInputs"] = "none";
        }

        return new CardAction(node);
    }

    public static CardAction OpenUrl(string title, Uri url) =>
        new(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url.ToString() });

    public static CardAction ShowCard(string title, AdaptiveCard card)
    {
        var inner = card.ToJsonObject();
        inner.Remove("$schema");
        inner.Remove("msteams");
        return new CardAction(new JsonObject { ["type"] = "Action.ShowCard", ["title"] = title, ["card"] = inner });
    }

    public static CardAction ToggleVisibility(string title, params string[] targetElementIds) => new(new JsonObject
    {
        ["type"] = "Action.ToggleVisibility",
        ["title"] = title,
        ["targetElements"] = new JsonArray(targetElementIds.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray()),
    });
}
