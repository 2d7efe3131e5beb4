using System.IO.Compression;
using System.Text.Json.Nodes;
using ConcernBot.Deployment.Tests.Infrastructure;

namespace ConcernBot.Deployment.Tests.Manifest;

/// <summary>The packaged manifest against the official Teams schema (npm @microsoft/app-manifest, draft-04).</summary>
public sealed class ManifestSchemaTests
{
    [Fact]
    public async Task The_packaged_manifest_passes_the_official_schema()
    {
        using var temp = new TempFolder();
        var manifestPath = await PackagedManifestAsync(temp);

        var result = await ManifestValidator.ValidateAsync(manifestPath);

        Assert.True(result.ExitCode == 0, $"The Teams schema rejects the packaged manifest: {result}");
        Assert.Contains("valid against the Teams manifest schema v1.30", result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public void The_manifest_is_on_the_newest_schema_the_official_package_ships()
    {
        ManifestValidator.EnsureInstalled();
        var newest = Directory.GetDirectories(ManifestValidator.SchemaRoot, "v1.*")
            .Select(Path.GetFileName)
            .Select(name => Version.TryParse(name![1..], out var v) ? v : null)
            .OfType<Version>()
            .Max()!;

        var manifest = CommittedManifest();

        Assert.Equal($"{newest.Major}.{newest.Minor}", (string?)manifest["manifestVersion"]);
        Assert.Equal(
            $"https://developer.microsoft.com/en-us/json-schemas/teams/v{newest.Major}.{newest.Minor}/MicrosoftTeams.schema.json",
            (string?)manifest["$schema"]);
    }

    public static TheoryData<string, string> Breakages => new()
    {
        { "no bot id", "botId" },
        { "a manifest version the schema does not describe", "manifestVersion" },
        { "an app id that is not a GUID", "/id" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public async Task A_broken_manifest_fails_the_check(string breakage, string reported)
    {
        using var temp = new TempFolder();
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(await PackagedManifestAsync(temp)))!.AsObject();
        switch (breakage)
        {
            case "no bot id":
                manifest["bots"]![0]!.AsObject().Remove("botId");
                break;
            case "a manifest version the schema does not describe":
                manifest["manifestVersion"] = "1.29";
                break;
            default:
                manifest["id"] = "concernbot";
                break;
        }

        var brokenPath = temp.Combine("broken.json");
        await File.WriteAllTextAsync(brokenPath, manifest.ToJsonString());

        var result = await ManifestValidator.ValidateAsync(brokenPath);

        Assert.True(result.ExitCode != 0, $"A manifest with {breakage} passed the schema check: {result}");
        Assert.Contains(reported, result.StdErr, StringComparison.Ordinal);
    }

    internal static JsonObject CommittedManifest() =>
        JsonNode.Parse(File.ReadAllText(RepoRoot.Combine("manifest", "manifest.json")))!.AsObject();

    private static async Task<string> PackagedManifestAsync(TempFolder temp)
    {
        var zip = temp.Combine("app.zip");
        await AppPackager.PackageAsync(zip);
        var manifestPath = temp.Combine("manifest.json");
        using var archive = ZipFile.OpenRead(zip);
        archive.GetEntry("manifest.json")!.ExtractToFile(manifestPath);
        return manifestPath;
    }
}
