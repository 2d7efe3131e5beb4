using System.IO.Compression;
using System.Text.Json.Nodes;
using ConcernBot.Deployment.Tests.Infrastructure;

namespace ConcernBot.Deployment.Tests.Manifest;

/// <summary>scripts/package-app.sh: the .zip an administrator uploads to Teams.</summary>
public sealed class AppPackageTests
{
    [Fact]
    public async Task The_package_holds_exactly_the_manifest_and_both_icons_at_its_root()
    {
        using var temp = new TempFolder();
        var zip = temp.Combine("ConcernBot-teams-app.zip");

        await AppPackager.PackageAsync(zip);

        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        foreach (var icon in new[] { "color.png", "outline.png" })
        {
            Assert.Equal(await File.ReadAllBytesAsync(RepoRoot.Combine("manifest", icon)), await ReadAsync(archive, icon));
        }
    }

    [Fact]
    public async Task The_packaged_manifest_carries_the_bots_id_and_domain_and_no_placeholders()
    {
        using var temp = new TempFolder();
        var zip = temp.Combine("app.zip");

        await AppPackager.PackageAsync(zip);

        var (text, manifest) = await ManifestInAsync(zip);
        Assert.Equal(AppPackager.BotAppId, (string?)manifest["id"]);
        Assert.Equal(AppPackager.BotAppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal([AppPackager.Domain], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        Assert.DoesNotContain("${{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organisation_details_come_from_the_environment_or_the_command_line()
    {
        using var temp = new TempFolder();
        var zip = temp.Combine("app.zip");

        var result = await AppPackager.RunAsync(
            new Dictionary<string, string?>
            {
                ["MICROSOFT_APP_ID"] = AppPackager.BotAppId,
                ["BOT_DOMAIN"] = $"https://{AppPackager.Domain}/",
                ["DEVELOPER_NAME"] = "Riverside \"Care\" Trust",
                ["DEVELOPER_PRIVACY_URL"] = "https://riverside.example/privacy",
            },
            "--terms-url", "https://riverside.example/terms", "--output", zip);

        Assert.True(result.ExitCode == 0, result.ToString());
        var (_, manifest) = await ManifestInAsync(zip);
        var developer = manifest["developer"]!;
        Assert.Equal("Riverside \"Care\" Trust", (string?)developer["name"]);
        Assert.Equal("https://riverside.example/privacy", (string?)developer["privacyUrl"]);
        Assert.Equal("https://riverside.example/terms", (string?)developer["termsOfUseUrl"]);
        Assert.Equal([AppPackager.Domain], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Theory]
    [InlineData("not-a-guid", "concernbot.azurewebsites.net", "GUID")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301", "", "domain is required")]
    [InlineData("3f2504e0-4f89-41d3-9a0c-0305e82c3301", "concernbot.azurewebsites.net/api/messages", "host name")]
    public async Task Wrong_input_is_refused_and_no_package_is_written(string appId, string domain, string explanation)
    {
        using var temp = new TempFolder();
        var zip = temp.Combine("app.zip");

        var result = await AppPackager.RunAsync(new Dictionary<string, string?>(), "--app-id", appId, "--domain", domain, "--output", zip);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(explanation, result.StdErr, StringComparison.Ordinal);
        Assert.False(File.Exists(zip));
    }

    private static async Task<(string Text, JsonObject Manifest)> ManifestInAsync(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        var text = System.Text.Encoding.UTF8.GetString(await ReadAsync(archive, "manifest.json"));
        return (text, JsonNode.Parse(text)!.AsObject());
    }

    private static async Task<byte[]> ReadAsync(ZipArchive archive, string name)
    {
        await using var stream = archive.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
