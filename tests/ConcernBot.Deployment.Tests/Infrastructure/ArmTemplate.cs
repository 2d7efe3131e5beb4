using System.Text.Json.Nodes;

namespace ConcernBot.Deployment.Tests.Infrastructure;

/// <summary>Reads a compiled ARM template, including the module templates nested in it as deployments.</summary>
internal sealed class ArmTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public static ArmTemplate Load(string path) => new(JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    /// <summary>Every resource in this template and in every nested deployment's template.</summary>
    public IEnumerable<JsonObject> AllResources() => ResourcesOf(Root);

    public IReadOnlyList<JsonObject> ResourcesOfType(string type) =>
        [.. AllResources().Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The module deployment with this name in the top-level template.</summary>
    public JsonObject Module(string name) =>
        ResourcesIn(Root).Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == name);

    private static IEnumerable<JsonObject> ResourcesOf(JsonObject template)
    {
        foreach (var resource in ResourcesIn(template))
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in ResourcesOf(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<JsonObject> ResourcesIn(JsonObject template) => template["resources"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(), // languageVersion 2.0
        _ => [],
    };
}
