namespace ConcernBot.Channels.Cards;

public enum TextSize { Default, Small, Medium, Large, ExtraLarge }

public enum TextWeight { Default, Lighter, Bolder }

/// <summary>One element of a card body. Create with the static methods; adjust with the With... methods.</summary>
public sealed class CardElement
{
    internal CardElement(CardNode node) => Node = node;

    internal CardNode Node { get; }

    public static CardElement Text(string text, TextSize size = TextSize.Default, TextWeight weight = TextWeight.Default, bool wrap = true, bool subtle = false)
    {
        var node = new CardNode(3).Set("type", "TextBlock").Set("text", text).Set("wrap", wrap);
        if (size != TextSize.Default)
        {
            node.Set("size", size.ToString());
        }

        if (weight != TextWeight.Default)
        {
            node.Set("weight", weight.ToString());
        }

        if (subtle)
        {
            node.Set("isSubtle", true);
        }

        return new CardElement(node);
    }

    public static CardElement Heading(string text) => Text(text, TextSize.Medium, TextWeight.Bolder).WithStyle("heading");

    public static CardElement Facts(IEnumerable<(string Title, string Value)> facts) =>
        new(new CardNode(2).Set("type", "FactSet").Set("facts", facts.ToArray()));

    public static CardElement Image(Uri url, string altText, string size = "Medium") =>
        new(new CardNode(4).Set("type", "Image").Set("url", url.ToString()).Set("altText", altText).Set("size", size));

    public static CardElement Container(IEnumerable<CardElement> items, string? style = null)
    {
        var node = new CardNode(3).Set("type", "Container").Set("items", items.Select(i => i.Node).ToArray());
        if (style is not null)
        {
            node.Set("style", style);
        }

        return new CardElement(node);
    }

    public static CardElement Actions(IEnumerable<CardAction> actions) =>
        new(new CardNode(2).Set("type", "ActionSet").Set("actions", actions.Select(a => a.Node).ToArray()));

    /// <summary>An ActionSet of one action (e.g. one full-width button a row).</summary>
    public static CardElement Actions(CardAction action) =>
        new(new CardNode(2).Set("type", "ActionSet").Set("actions", [action.Node]));

    public static CardElement TextInput(string id, string label, string? placeholder = null, bool multiline = false, int? maxLength = null, bool required = false, string? errorMessage = null, string? value = null)
    {
        var node = Input("Input.Text", id, label, required, errorMessage, 4).Set("isMultiline", multiline);
        if (placeholder is not null)
        {
            node.Set("placeholder", placeholder);
        }

        if (maxLength is { } max)
        {
            node.Set("maxLength", max);
        }

        if (value is not null)
        {
            node.Set("value", value);
        }

        return new CardElement(node);
    }

    public static CardElement Choices(string id, string label, IEnumerable<(string Title, string Value)> choices, bool multiSelect = false, string style = "expanded", bool required = false, string? errorMessage = null, string? value = null)
    {
        var node = Input("Input.ChoiceSet", id, label, required, errorMessage, 4)
            .Set("style", style)
            .Set("isMultiSelect", multiSelect)
            .Set("choices", choices.ToArray());
        if (value is not null)
        {
            node.Set("value", value);
        }

        return new CardElement(node);
    }

    public static CardElement Toggle(string id, string label, string title, bool value = false) =>
        new(Input("Input.Toggle", id, label, false, null, 2).Set("title", title).Set("value", value ? "true" : "false"));

    public static CardElement DateInput(string id, string label, string? value = null, bool required = false, string? errorMessage = null)
    {
        var node = Input("Input.Date", id, label, required, errorMessage, 1);
        if (value is not null)
        {
            node.Set("value", value);
        }

        return new CardElement(node);
    }

    public CardElement WithId(string id)
    {
        Node.Set("id", id);
        return this;
    }

    public CardElement WithStyle(string style)
    {
        Node.Set("style", style);
        return this;
    }

    public CardElement Hidden()
    {
        Node.Set("isVisible", false);
        return this;
    }

    public CardElement WithSeparator()
    {
        Node.Set("separator", true).Set("spacing", "Medium");
        return this;
    }

    /// <param name="extra">How many more properties the caller sets, so the node is sized once.</param>
    private static CardNode Input(string type, string id, string label, bool required, string? errorMessage, int extra)
    {
        var node = new CardNode(3 + extra + (required ? 2 : 0)).Set("type", type).Set("id", id).Set("label", label);
        if (required)
        {
            node.Set("isRequired", true).Set("errorMessage", errorMessage ?? label);
        }

        return node;
    }
}
