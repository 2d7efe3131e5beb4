using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConcernBot.Deployment.Tests.Infrastructure;

/// <summary>One diagnostic from bicep (compiler or linter), read from its SARIF output.</summary>
internal sealed record BicepDiagnostic(string RuleId, string Level, string Message, string File, int Line)
{
    public override string ToString() => $"{File}({Line}): {Level} {RuleId}: {Message}";
}

internal sealed record BicepBuild(string OutputDirectory, IReadOnlyList<BicepDiagnostic> Diagnostics, ProcessResult Process);

/// <summary>
/// The official bicep CLI from the NuGet package Azure.Bicep.CommandLine.linux-x64, which this test project restores
/// (its path reaches the tests through the BicepPackageRoot assembly metadata).
/// </summary>
internal static class BicepCli
{
    private const string RestoreHint = "run `dotnet restore tests/ConcernBot.Deployment.Tests` (it restores the NuGet package Azure.Bicep.CommandLine.linux-x64)";
    private static readonly Lazy<string> Executable = new(Locate);

    /// <summary>`bicep build` on every .bicep file under <paramref name="directory"/>, one ARM JSON each in <paramref name="outputDirectory"/>.</summary>
    public static async Task<BicepBuild> BuildAllAsync(string directory, string outputDirectory)
    {
        var result = await RunAsync(directory, ["build", "--pattern", "**/*.bicep", "--outdir", outputDirectory, "--diagnostics-format", "sarif"]);
        return new BicepBuild(outputDirectory, ParseSarif(result.StdErr), result);
    }

    /// <summary>`bicep lint` on every .bicep file under <paramref name="directory"/>.</summary>
    public static async Task<(IReadOnlyList<BicepDiagnostic> Diagnostics, ProcessResult Process)> LintAllAsync(string directory)
    {
        var result = await RunAsync(directory, ["lint", "--pattern", "**/*.bicep", "--diagnostics-format", "sarif"]);
        return (ParseSarif(result.StdOut), result);
    }

    private static Task<ProcessResult> RunAsync(string workingDirectory, string[] arguments) =>
        ProcessRunner.RunAsync(Executable.Value, arguments, workingDirectory, new Dictionary<string, string?>
        {
            // No usage telemetry, and no module registry look-ups from tests.
            ["BICEP_TELEMETRY_ENABLED"] = "false",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        }, timeout: TimeSpan.FromSeconds(90));

    /// <summary>Reads the SARIF logs bicep writes, one JSON document per file, one after another.</summary>
    private static List<BicepDiagnostic> ParseSarif(string sarif)
    {
        var diagnostics = new List<BicepDiagnostic>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(sarif), new JsonReaderOptions { AllowMultipleValues = true });
        var runs = new List<JsonNode?>();
        while (reader.Read())
        {
            runs.AddRange(JsonNode.Parse(ref reader)!["runs"]!.AsArray());
        }

        foreach (var run in runs)
        {
            foreach (var result in run!["results"]!.AsArray())
            {
                var location = result!["locations"]?[0]?["physicalLocation"];
                diagnostics.Add(new BicepDiagnostic(
                    (string?)result["ruleId"] ?? "?",
                    (string?)result["level"] ?? "warning", // SARIF's default level
                    (string?)result["message"]?["text"] ?? string.Empty,
                    (string?)location?["artifactLocation"]?["uri"] ?? "?",
                    (int?)location?["region"]?["startLine"] ?? 0));
            }
        }

        return diagnostics;
    }

    private static string Locate()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new InvalidOperationException("The bicep CLI used by these tests is the linux-x64 build (Azure.Bicep.CommandLine.linux-x64); run them on Linux x64.");
        }

        var packageRoot = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "BicepPackageRoot")?.Value;
        if (string.IsNullOrEmpty(packageRoot))
        {
            throw new InvalidOperationException($"The bicep package was not restored when this project was built: {RestoreHint}, then build again.");
        }

        var path = Path.Combine(packageRoot, "tools", "bicep");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"No bicep binary at {path}: {RestoreHint}.");
        }

        // NuGet may extract the binary without the execute bit for this user.
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return path;
    }
}
