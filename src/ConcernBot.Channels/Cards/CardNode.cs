using System.Buffers;
using System.Text.Json.Nodes;
using System.Text.Json;

namespace ConcernBot.Channels.Cards;

/// <summary>
/// One JSON object of a card under construction: its properties in the order they were first set (setting a property
/// again replaces its value in place). Values are strings, booleans, numbers, nested nodes, lists of them, card data,
/// or a JsonNode (action data given as an object). Written straight to a <see cref="Utf8JsonWriter"/>.
/// </summary>
internal sealed class CardNode(int capacity = 4)
{
    private static readonly object True = true;
    private static readonly object False = false;

    private Property[] _properties = new Property[capacity];
    private int _count;

    public CardNode Set(string name, string? value) => SetValue(name, value);

    public CardNode Set(string name, bool value) => SetValue(name, value ? True : False);

    public CardNode Set(string name, int value) => SetValue(name, value);

    public CardNode Set(string name, CardNode value) => SetValue(name, value);

    /// <summary>A JSON array of objects.</summary>
    public CardNode Set(string name, IReadOnlyList<CardNode> value) => SetValue(name, value);

    /// <summary>A JSON array of strings.</summary>
    public CardNode Set(string name, string[] value) => SetValue(name, value);

    /// <summary>A JSON array of {"title", "value"} objects (facts, choices).</summary>
    public CardNode Set(string name, (string Title, string Value)[] value) => SetValue(name, value);

    /// <summary>Anything else <see cref="WriteValue"/> knows: card data, a card inside an action, a JsonNode.</summary>
    public CardNode SetValue(string name, object? value)
    {
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_properties[i].Name, name, StringComparison.Ordinal))
            {
                _properties[i] = new Property(name, value);
                return this;
            }
        }

        if (_count == _properties.Length)
        {
            Array.Resize(ref _properties, Math.Max(4, _count * 2));
        }

        _properties[_count++] = new Property(name, value);
        return this;
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        for (var i = 0; i < _count; i++)
        {
            writer.WritePropertyName(_properties[i].Name);
            WriteValue(writer, _properties[i].Value);
        }

        writer.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case CardNode node:
                node.WriteTo(writer);
                break;
            case IReadOnlyList<CardNode> nodes:
                writer.WriteStartArray();
                foreach (var node in nodes)
                {
                    node.WriteTo(writer);
                }

                writer.WriteEndArray();
                break;
            case string[] texts:
                writer.WriteStartArray();
                foreach (var text in texts)
                {
                    writer.WriteStringValue(text);
                }

                writer.WriteEndArray();
                break;
            case (string Title, string Value)[] pairs:
                writer.WriteStartArray();
                foreach (var (title, pairValue) in pairs)
                {
                    writer.WriteStartObject();
                    writer.WriteString("title", title);
                    writer.WriteString("value", pairValue);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            case CardData data:
                data.WriteTo(writer, verb: null);
                break;
            case CardData.WithVerb fallback:
                fallback.Data.WriteTo(writer, fallback.Verb);
                break;
            case AdaptiveCard card:
                card.WriteTo(writer, inner: true);
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            default:
                throw new InvalidOperationException($"A card cannot hold a {value.GetType().Name}.");
        }
    }

    /// <summary>Action data given as an object (an anonymous object, a dictionary or a node), as JSON; reflection, so not for hot paths.</summary>
    public static JsonNode From(object? data) => data switch
    {
        null => new JsonObject(),
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()) ?? new JsonObject(),
        _ => JsonSerializer.SerializeToNode(data, data.GetType(), DataOptions) ?? new JsonObject(),
    };

    /// <summary>Writes a card once into a reused buffer and parses it once into an element that owns its bytes.</summary>
    public static JsonElement ToElement(AdaptiveCard card)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(8 * 1024);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        try
        {
            writer.Reset(buffer);
            card.WriteTo(writer, inner: false);
            writer.Flush();
            var reader = new Utf8JsonReader(buffer.WrittenSpan);
            return JsonElement.ParseValue(ref reader);
        }
        finally
        {
            writer.Reset();
            if (buffer.Capacity > MaxKeptBuffer)
            {
                t_buffer = null;
                t_writer = null;
            }
            else
            {
                buffer.ResetWrittenCount();
            }
        }
    }

    private const int MaxKeptBuffer = 256 * 1024;

    private static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web);

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly record struct Property(string Name, object? Value);
}
