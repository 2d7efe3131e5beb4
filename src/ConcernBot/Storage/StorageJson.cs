using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConcernBot.Storage;

/// <summary>How documents (a concern, a conversation's state, a team) are written as JSON in either store.</summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>As UTF-8, for a store that keeps it so (SQLite): no string of it, nothing to transcode.</summary>
    public static byte[] SerializeToUtf8<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"A stored {typeof(T).Name} is empty.");

    /// <summary>From the stored UTF-8 itself (a SQLite TEXT column read as bytes): no string of it, no transcoding.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize<T>(utf8Json, Options) ?? throw new InvalidDataException($"A stored {typeof(T).Name} is empty.");
}
