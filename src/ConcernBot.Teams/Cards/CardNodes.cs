using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace ConcernBot.Teams.Cards;

internal static class CardNodes
{
    public static JsonTypeInfo<JsonNode> NodeType { get; } = (JsonTypeInfo<JsonNode>)JsonSerializerOptions.Default.GetTypeInfo(typeof(JsonNode));

    private static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Turns action data (an anonymous object, a dictionary or a node) into JSON.</summary>
    public static JsonNode? From(object? data) => data switch
    {
        null => new JsonObject(),
        JsonNode node => node.DeepClone(),
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ => JsonSerializer.SerializeToNode(data, data.GetType(), DataOptions),
    };
}
