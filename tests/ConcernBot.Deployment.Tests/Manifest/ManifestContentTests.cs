using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ConcernBot.Deployment.Tests.Infrastructure;

namespace ConcernBot.Deployment.Tests.Manifest;

/// <summary>What people see of the app in Teams before they ever talk to it.</summary>
public sealed partial class ManifestContentTests
{
    private readonly JsonObject _manifest = ManifestSchemaTests.CommittedManifest();

    [Fact]
    public void The_bot_talks_one_to_one_and_in_teams()
    {
        var bot = _manifest["bots"]![0]!;

        Assert.Equal(["personal", "team"], bot["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.False((bool?)bot["supportsFiles"]);
        Assert.False((bool?)bot["isNotificationOnly"]);
    }

    [Fact]
    public void The_command_menus_offer_what_each_place_is_for()
    {
        var lists = _manifest["bots"]![0]!["commandLists"]!.AsArray();

        string[] Titles(string scope) => [.. lists
            .Single(l => l!["scopes"]!.AsArray().Select(s => (string?)s).SequenceEqual([scope]))!["commands"]!.AsArray()
            .Select(c => (string?)c!["title"] ?? string.Empty)];

        Assert.Equal(["raise a concern", "status", "learn", "help"], Titles("personal"));
        Assert.Equal(["alerts here", "open concerns"], Titles("team"));
        Assert.All(lists.SelectMany(l => l!["commands"]!.AsArray()), c => Assert.False(string.IsNullOrWhiteSpace((string?)c!["description"])));
    }

    [Fact]
    public void The_descriptions_say_raising_a_concern_is_welcome_and_can_be_anonymous()
    {
        var shortText = (string)_manifest["description"]!["short"]!;
        var fullText = (string)_manifest["description"]!["full"]!;

        Assert.InRange(shortText.Length, 1, 80);
        Assert.Contains("anonymous", fullText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("welcome", fullText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("safeguarding leads", fullText, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_placeholder_is_one_the_packaging_script_fills()
    {
        var script = File.ReadAllText(RepoRoot.Combine("scripts", "package-app.sh"));
        var placeholders = Placeholder().Matches(_manifest.ToJsonString()).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Equal(
            ["TEAMS_APP_ID", "DEVELOPER_NAME", "DEVELOPER_WEBSITE_URL", "DEVELOPER_PRIVACY_URL", "DEVELOPER_TERMS_URL", "MICROSOFT_APP_ID", "BOT_DOMAIN"],
            placeholders);
        Assert.All(placeholders, p => Assert.Contains($"'{p}'", script, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\$\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();
}
