using System.Text.Json;

namespace ConcernBot.Channels.Cards;

/// <summary>
/// The data an action sends back, as a small JSON object of strings and booleans, in the order given. Immutable: each
/// <c>With</c> returns a new value, so one instance can be shared by several actions.
/// </summary>
/// <example><c>CardData.Verb("intake.answer").With("step", step).With("choice", value)</c></example>
public sealed class CardData
{
    private readonly CardData? _previous;
    private readonly string _name;
    private readonly object? _value;

    private CardData(CardData? previous, string name, object? value)
    {
        _previous = previous;
        _name = name;
        _value = value;
    }

    /// <summary>Data that starts with <c>"verb"</c>, the property a submitted card's handler is chosen by.</summary>
    public static CardData Verb(string verb) => new(null, "verb", verb);

    public static CardData Of(string name, string? value) => new(null, name, value);

    public CardData With(string name, string? value) => Append(name, value);

    public CardData With(string name, bool value) => Append(name, value);

    internal bool Has(string name)
    {
        for (var data = this; data is not null; data = data._previous)
        {
            if (string.Equals(data._name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes the object; with <paramref name="verb"/>, its "verb" is that verb (replaced in place, or added last).</summary>
    internal void WriteTo(Utf8JsonWriter writer, string? verb)
    {
        writer.WriteStartObject();
        WriteProperties(writer, verb);
        if (verb is not null && !Has("verb"))
        {
            writer.WriteString("verb", verb);
        }

        writer.WriteEndObject();
    }

    private void WriteProperties(Utf8JsonWriter writer, string? verb)
    {
        _previous?.WriteProperties(writer, verb);
        writer.WritePropertyName(_name);
        CardNode.WriteValue(writer, verb is not null && _name == "verb" ? verb : _value);
    }

    private CardData Append(string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Has(name))
        {
            throw new ArgumentException($"The data already has a \"{name}\".", nameof(name));
        }

        return new CardData(this, name, value);
    }

    /// <summary>The Action.Submit fallback of an Action.Execute: the same data with the verb in it.</summary>
    internal sealed record WithVerb(CardData Data, string Verb);
}
