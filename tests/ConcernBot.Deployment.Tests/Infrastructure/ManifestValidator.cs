namespace ConcernBot.Deployment.Tests.Infrastructure;

/// <summary>tools/manifest/validate-manifest.js: the official Teams schema (draft-04) through ajv-draft-04 + ajv-formats.</summary>
internal static class ManifestValidator
{
    private static readonly string ToolDir = RepoRoot.Combine("tools", "manifest");

    public static string SchemaRoot => Path.Combine(ToolDir, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams");

    public static async Task<ProcessResult> ValidateAsync(string manifestPath)
    {
        var node = ProcessRunner.FindOnPath("node")
            ?? throw new InvalidOperationException("node is not on PATH: install Node.js 20 (e.g. apt-get install nodejs), then run `npm ci --prefix tools/manifest`.");
        EnsureInstalled();
        return await ProcessRunner.RunAsync(node, [Path.Combine(ToolDir, "validate-manifest.js"), manifestPath], timeout: TimeSpan.FromSeconds(60));
    }

    public static void EnsureInstalled()
    {
        foreach (var package in new[] { Path.Combine("@microsoft", "app-manifest"), "ajv-draft-04", "ajv-formats" })
        {
            if (!File.Exists(Path.Combine(ToolDir, "node_modules", package, "package.json")))
            {
                throw new InvalidOperationException($"The npm package {package.Replace('\\', '/')} is missing: run `npm ci --prefix tools/manifest` from the repository root.");
            }
        }
    }
}
