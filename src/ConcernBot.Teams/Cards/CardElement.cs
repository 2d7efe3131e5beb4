using System.Text.Json.Nodes;

namespace ConcernBot.Teams.Cards;

public enum TextSize { Default, Small, Medium, Large, ExtraLarge }

public enum TextWeight { Default, Lighter, Bolder }

/// <summary>One element of a card body. Create with the static methods; adjust with the With... methods.</summary>
public sealed class CardElement
{
    internal CardElement(JsonObject node) => Node = node;

    internal JsonObject Node { get; }

    public static CardElement Text(string text, TextSize size = TextSize.Default, TextWeight weight = TextWeight.Default, bool wrap = true, bool subtle = false)
    {
        var node = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = wrap };
        if (size != TextSize.Default)
        {
            node["size"] = size.ToString();
        }

        if (weight != TextWeight.Default)
        {
            node["weight"] = weight.ToString();
        }

        if (subtle)
        {
            node["isSubtle"] = true;
        }

        return new CardElement(node);
    }

    public static CardElement Heading(string text) => Text(text, TextSize.Medium, TextWeight.Bolder).WithStyle("heading");

    public static CardElement Facts(IEnumerable<(string Title, string Value)> facts) => new(new JsonObject
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value }).ToArray()),
    });

    public static CardElement Image(Uri url, string altText, string size = "Medium") => new(new JsonObject
    {
        ["type"] = "Image",
        ["url"] = url.ToString(),
        ["altText"] = altText,
        ["size"] = size,
    });

    public static CardElement Container(IEnumerable<CardElement> items, string? style = null)
    {
        var node = new JsonObject { ["type"] = "Container", ["items"] = new JsonArray(items.Select(i => (JsonNode)i.Node).ToArray()) };
        if (style is not null)
        {
            node["style"] = style;
        }

        return new CardElement(node);
    }

    public static CardElement Actions(IEnumerable<CardAction> actions) => new(new JsonObject
    {
        ["type"] = "ActionSet",
        ["actions"] = new JsonArray(actions.Select(a => (JsonNode)a.Node).ToArray()),
    });

    public static CardElement TextInput(string id, string label, string? placeholder = null, bool multiline = false, int? maxLength = null, bool required = false, string? errorMessage = null, string? value = null)
    {
        var node = Input("Input.Text", id, label, required, errorMessage);
        node["isMultiline"] = multiline;
        if (placeholder is not null)
        {
            node["placeholder"] = placeholder;
        }

        if (maxLength is { } max)
        {
            node["maxLength"] = max;
        }

        if (value is not null)
        {
            node["value"] = value;
        }

        return new CardElement(node);
    }

    public static CardElement Choices(string id, string label, IEnumerable<(string Title, string Value)> choices, bool multiSelect = false, string style = "expanded", bool required = false, string? errorMessage = null, string? value = null)
    {
        var node = Input("Input.ChoiceSet", id, label, required, errorMessage);
        node["style"] = style;
        node["isMultiSelect"] = multiSelect;
        node["choices"] = new JsonArray(choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray());
        if (value is not null)
        {
            node["value"] = value;
        }

        return new CardElement(node);
    }

    public static CardElement Toggle(string id, string label, string title, bool value = false)
    {
        var node = Input("Input.Toggle", id, label, false, null);
        node["title"] = title;
        node["value"] = value ? "true" : "false";
        return new CardElement(node);
    }

    public static CardElement DateInput(string id, string label, string? value = null, bool required = false, string? errorMessage = null)
    {
        var node = Input("Input.Date", id, label, required, errorMessage);
        if (value is not null)
        {
            node["value"] = value;
        }

        return new CardElement(node);
    }

    public CardElement WithId(string id)
    {
        Node["id"] = id;
        return this;
    }

    public CardElement WithStyle(string style)
    {
        Node["style"] = style;
        return this;
    }

    public CardElement Hidden()
    {
        Node["isVisible"] = false;
        return this;
    }

    public CardElement WithSeparator()
    {
        Node["separator"] = true;
        Node["spacing"] = "Medium";
        return this;
    }

    private static JsonObject Input(string type, string id, string label, bool required, string? errorMessage)
    {
        var node = new JsonObject { ["type"] = type, ["id"] = id, ["label"] = label };
        if (required)
        {
            node["isRequired"] = true;
            node["errorMessage"] = errorMessage ?? label;
        }

        return node;
    }
}
