namespace ConcernBot.Deployment.Tests.Infrastructure;

/// <summary>The repository root: the nearest folder above the test binaries that holds ConcernBot.sln.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string FullPath => Root.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConcernBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ConcernBot.sln above {AppContext.BaseDirectory}: run the tests from inside the repository.");
    }
}
