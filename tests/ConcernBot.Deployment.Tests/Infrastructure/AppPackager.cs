namespace ConcernBot.Deployment.Tests.Infrastructure;

/// <summary>scripts/package-app.sh, run as an administrator would run it.</summary>
internal static class AppPackager
{
    public const string BotAppId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    public const string Domain = "concernbot-test.azurewebsites.net";

    public static async Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var bash = ProcessRunner.FindOnPath("bash") ?? throw new InvalidOperationException("bash is not on PATH: install bash.");
        if (ProcessRunner.FindOnPath("python3") is null)
        {
            throw new InvalidOperationException("python3 is not on PATH; the packaging script needs it: apt-get install python3.");
        }

        // Start from a clean slate so settings in the caller's shell cannot leak into the package.
        var env = new Dictionary<string, string?>
        {
            ["MICROSOFT_APP_ID"] = null,
            ["BOT_DOMAIN"] = null,
            ["TEAMS_APP_ID"] = null,
            ["DEVELOPER_NAME"] = null,
            ["DEVELOPER_WEBSITE_URL"] = null,
            ["DEVELOPER_PRIVACY_URL"] = null,
            ["DEVELOPER_TERMS_URL"] = null,
            ["PACKAGE_OUTPUT"] = null,
        };
        foreach (var (name, value) in environment)
        {
            env[name] = value;
        }

        return await ProcessRunner.RunAsync(bash, [RepoRoot.Combine("scripts", "package-app.sh"), .. arguments], environment: env, timeout: TimeSpan.FromSeconds(60));
    }

    /// <summary>Packages with the test app id and domain into <paramref name="zipPath"/>; fails the test if the script fails.</summary>
    public static async Task PackageAsync(string zipPath, params string[] extraArguments)
    {
        var result = await RunAsync(new Dictionary<string, string?>(), ["--app-id", BotAppId, "--domain", Domain, "--output", zipPath, .. extraArguments]);
        Assert.True(result.ExitCode == 0, $"package-app.sh failed: {result}");
    }
}
