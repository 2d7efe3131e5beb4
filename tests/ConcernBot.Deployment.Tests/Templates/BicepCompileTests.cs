using System.Text.Json.Nodes;
using ConcernBot.Deployment.Tests.Infrastructure;

namespace ConcernBot.Deployment.Tests.Templates;

/// <summary>Builds every template once with the official bicep CLI, for the tests of one class to share.</summary>
public sealed class BicepBuildFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _output = new();

    internal BicepBuild Build { get; private set; } = null!;

    public async Task InitializeAsync() => Build = await BicepCli.BuildAllAsync(BicepCompileTests.TemplatesDir, _output.FullPath);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _output.Dispose();
}

/// <summary>
/// `bicep build` and `bicep lint` (with deploymentTemplates/bicepconfig.json) on main.bicep and every module: any diagnostic,
/// warnings included, fails. bicep exits 0 on warnings such as a misspelt property, so the SARIF output is read instead.
/// </summary>
public sealed class BicepCompileTests(BicepBuildFixture fixture) : IClassFixture<BicepBuildFixture>
{
    internal static readonly string TemplatesDir = RepoRoot.Combine("deploymentTemplates");

    private static List<string> BicepFiles() =>
    [
        .. Directory.GetFiles(TemplatesDir, "*.bicep", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(TemplatesDir, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void The_templates_are_main_and_its_modules()
    {
        var files = BicepFiles();

        Assert.Contains("main.bicep", files);
        Assert.Equal(
            ["bot", "identity", "keyvault", "monitoring", "storage", "webapp"],
            files.Where(f => f.StartsWith("modules/", StringComparison.Ordinal)).Select(Path.GetFileNameWithoutExtension));
    }

    [Fact]
    public void Every_template_builds_with_no_warnings()
    {
        var build = fixture.Build;

        Assert.True(build.Process.ExitCode == 0, build.Process.ToString());
        Assert.Empty(build.Diagnostics);
        Assert.All(BicepFiles(), file =>
        {
            var armPath = Path.Combine(build.OutputDirectory, Path.ChangeExtension(file, ".json"));
            Assert.True(File.Exists(armPath), $"bicep build wrote no ARM template for {file}");
            Assert.Equal(
                "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
                (string?)JsonNode.Parse(File.ReadAllText(armPath))!["$schema"]);
        });
    }

    [Fact]
    public async Task Every_template_lints_clean()
    {
        var (diagnostics, process) = await BicepCli.LintAllAsync(TemplatesDir);

        Assert.True(process.ExitCode == 0, process.ToString());
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task The_check_catches_a_misspelt_property()
    {
        using var temp = new TempFolder();
        CopyTemplates(temp.FullPath);
        var webApp = temp.Combine("modules", "webapp.bicep");
        var source = await File.ReadAllTextAsync(webApp);
        Assert.Contains("httpsOnly: true", source, StringComparison.Ordinal);
        await File.WriteAllTextAsync(webApp, source.Replace("httpsOnly: true", "httpsOnyl: true", StringComparison.Ordinal));

        var (diagnostics, process) = await BicepCli.LintAllAsync(temp.FullPath);

        Assert.Equal(0, process.ExitCode); // bicep itself does not fail on it...
        Assert.Contains(diagnostics, d => d.RuleId == "BCP089" && d.Message.Contains("httpsOnyl", StringComparison.Ordinal)); // ...the SARIF shows it
    }

    [Fact]
    public async Task The_committed_ARM_template_equals_a_fresh_build()
    {
        Assert.True(fixture.Build.Process.ExitCode == 0, fixture.Build.Process.ToString());
        var fresh = WithoutGeneratorStamp(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(fixture.Build.OutputDirectory, "main.json")))!);
        var committed = WithoutGeneratorStamp(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TemplatesDir, "azuredeploy.json")))!);

        Assert.True(
            JsonNode.DeepEquals(fresh, committed),
            "deploymentTemplates/azuredeploy.json is stale: rebuild it with `bicep build deploymentTemplates/main.bicep --outfile deploymentTemplates/azuredeploy.json`.");
    }

    /// <summary>Drops metadata._generator (bicep's version and templateHash) at every level; everything else must match.</summary>
    private static JsonNode WithoutGeneratorStamp(JsonNode node)
    {
        foreach (var stamped in Descendants(node).OfType<JsonObject>()
                     .Where(o => o["metadata"] is JsonObject m && m.ContainsKey("_generator")).ToList())
        {
            stamped["metadata"]!.AsObject().Remove("_generator");
        }

        return node;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Descendants))
        {
            yield return child;
        }
    }

    private static void CopyTemplates(string destination)
    {
        foreach (var file in Directory.GetFiles(TemplatesDir, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(TemplatesDir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
