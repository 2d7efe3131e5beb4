using System.Text.Json.Nodes;

namespace ConcernBot.Channels.Cards;

/// <summary>
/// A card action. <see cref="Execute"/> carries an Action.Submit fallback for clients without Universal Actions.
/// Actions are not changed once made, so one may be shared by many cards.
/// </summary>
public sealed class CardAction
{
    internal CardAction(CardNode node) => Node = node;

    internal CardNode Node { get; }

    /// <summary>Action.Execute (Universal Actions) with the same verb and data as an Action.Submit fallback.</summary>
    public static CardAction Execute(string title, string verb, CardData? data = null, string? style = null)
    {
        var node = new CardNode(6).Set("type", "Action.Execute").Set("title", title).Set("verb", verb);
        if (data is null)
        {
            node.Set("data", new CardNode(0)).Set("fallback", Fallback(title, new CardNode(1).Set("verb", verb)));
        }
        else
        {
            node.SetValue("data", data).Set("fallback", Fallback(title, new CardData.WithVerb(data, verb)));
        }

        if (style is not null)
        {
            node.Set("style", style);
        }

        return new CardAction(node);
    }

    /// <summary>Action.Submit: arrives as a message activity whose value holds the data and the inputs.</summary>
    public static CardAction Submit(string title, CardData? data = null, string? style = null, bool validateInputs = true) =>
        SubmitNode(title, data ?? (object)new CardNode(0), style, validateInputs);

    /// <summary>
    /// Action.Submit with data given as an object (an anonymous object, a dictionary or a JsonNode), turned into JSON by
    /// reflection: for cards sent rarely. Cards sent on every turn use the <see cref="CardData"/> overload.
    /// </summary>
    public static CardAction Submit(string title, object data, string? style = null, bool validateInputs = true) =>
        SubmitNode(title, CardNode.From(data), style, validateInputs);

    public static CardAction OpenUrl(string title, Uri url) =>
        new(new CardNode(3).Set("type", "Action.OpenUrl").Set("title", title).Set("url", url.ToString()));

    public static CardAction ShowCard(string title, AdaptiveCard card) =>
        new(new CardNode(3).Set("type", "Action.ShowCard").Set("title", title).SetValue("card", card));

    public static CardAction ToggleVisibility(string title, params string[] targetElementIds) =>
        new(new CardNode(3).Set("type", "Action.ToggleVisibility").Set("title", title).Set("targetElements", targetElementIds.ToArray()));

    private static CardNode Fallback(string title, object data) =>
        new CardNode(3).Set("type", "Action.Submit").Set("title", title).SetValue("data", data);

    private static CardAction SubmitNode(string title, object data, string? style, bool validateInputs)
    {
        var node = new CardNode(5).Set("type", "Action.Submit").Set("title", title).SetValue("data", data);
        if (style is not null)
        {
            node.Set("style", style);
        }

        if (!validateInputs)
        {
            node.Set("associatedInputs", "none");
        }

        return new CardAction(node);
    }
}
