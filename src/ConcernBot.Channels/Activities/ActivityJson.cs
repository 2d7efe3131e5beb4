using System.Buffers;
using System.Text.Json.Serialization;
using System.Text.Json;
using ConcernBot.Channels.Invoke;
using ConcernBot.Channels.Turns;

namespace ConcernBot.Channels.Activities;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(InvokeResponseBody))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationReference))]
public sealed partial class ActivityJsonContext : JsonSerializerContext;

public static class ActivityJson
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static JsonSerializerOptions Options => ActivityJsonContext.Default.Options;

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, ActivityJsonContext.Default.Activity);

    /// <summary>Parses an activity; null when the JSON is malformed or not an object.</summary>
    public static Activity? TryParse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, ActivityJsonContext.Default.Activity);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Parses an activity from a body that may lie in several buffers (as the server received it); null when the JSON is
    /// malformed or not an object. A body in pieces is put together in a pooled buffer, so it parses exactly as one span does.
    /// </summary>
    public static Activity? TryParse(in ReadOnlySequence<byte> utf8Json)
    {
        if (utf8Json.IsSingleSegment)
        {
            return TryParse(utf8Json.FirstSpan);
        }

        var length = checked((int)utf8Json.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            utf8Json.CopyTo(rented);
            return TryParse(rented.AsSpan(0, length));
        }
        finally
        {
            // The parsed activity keeps no reference to the input: JsonElement values own copies of their bytes.
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Writes an invoke answer's body as UTF-8 JSON into <paramref name="output"/> (the response's pipe), without a string.</summary>
    public static void Write(IBufferWriter<byte> output, InvokeResponseBody body)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = t_writer;
        t_writer = null;
        if (writer is null)
        {
            var options = ActivityJsonContext.Default.Options;
            writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, SkipValidation = true });
        }
        else
        {
            writer.Reset(output);
        }

        JsonSerializer.Serialize(writer, body, ActivityJsonContext.Default.InvokeResponseBody);
        writer.Flush();
        writer.Reset(Stream.Null);
        t_writer = writer;
    }
}
