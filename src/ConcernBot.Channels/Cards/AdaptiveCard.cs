using System.Text.Json;

namespace ConcernBot.Channels.Cards;

/// <summary>
/// A small builder for Adaptive Card JSON (schema 1.5, the most Teams renders). It knows the card format, not what a card says.
/// The card is written once, straight to JSON, when <see cref="ToJsonElement"/> is called.
/// </summary>
public sealed class AdaptiveCard
{
    public const string Version = "1.5";

    private readonly List<CardElement> _body = [];
    private readonly List<CardAction> _actions = [];
    private CardNode? _refresh;
    private string? _fallbackText;
    private string? _speak;

    // Right to left when the card is made for a right-to-left reader (Arabic): schema 1.5's rtl, on every card and sub-card.
    private readonly bool _rightToLeft = System.Globalization.CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;

    public AdaptiveCard Add(CardElement element)
    {
        _body.Add(element);
        return this;
    }

    public AdaptiveCard AddRange(IEnumerable<CardElement> elements)
    {
        _body.AddRange(elements);
        return this;
    }

    public AdaptiveCard AddAction(CardAction action)
    {
        _actions.Add(action);
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
    public AdaptiveCard WithRefresh(string verb, CardData? data, IReadOnlyCollection<string> userIds)
    {
        if (userIds.Count > 60)
        {
            throw new ArgumentException("Teams allows at most 60 user ids in a card refresh.", nameof(userIds));
        }

        var action = new CardNode(3).Set("type", "Action.Execute").Set("verb", verb).SetValue("data", data ?? (object)new CardNode(0));
        _refresh = new CardNode(2).Set("action", action).Set("userIds", userIds.ToArray());
        return this;
    }

    /// <summary>The card as JSON, ready for an attachment.</summary>
    public JsonElement ToJsonElement() => CardNode.ToElement(this);

    /// <summary>Writes the card; an <paramref name="inner"/> card (inside Action.ShowCard) has no $schema and no msteams.</summary>
    internal void WriteTo(Utf8JsonWriter writer, bool inner)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "AdaptiveCard");
        if (!inner)
        {
            writer.WriteString("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        }

        writer.WriteString("version", Version);
        if (_rightToLeft)
        {
            writer.WriteBoolean("rtl", true);
        }

        if (!inner)
        {
            writer.WriteStartObject("msteams");
            writer.WriteString("width", "Full");
            writer.WriteEndObject();
        }

        writer.WriteStartArray("body");
        foreach (var element in _body)
        {
            element.Node.WriteTo(writer);
        }

        writer.WriteEndArray();
        if (_actions.Count > 0)
        {
            writer.WriteStartArray("actions");
            foreach (var action in _actions)
            {
                action.Node.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        if (_refresh is not null)
        {
            writer.WritePropertyName("refresh");
            _refresh.WriteTo(writer);
        }

        if (_fallbackText is not null)
        {
            writer.WriteString("fallbackText", _fallbackText);
        }

        if (_speak is not null)
        {
            writer.WriteString("speak", _speak);
        }

        writer.WriteEndObject();
    }
}
