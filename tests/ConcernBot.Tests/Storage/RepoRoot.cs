namespace ConcernBot.Tests.Storage;

internal static class RepoRoot
{
    /// <summary>The folder holding ConcernBot.sln, found by walking up from the test assembly.</summary>
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ConcernBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"ConcernBot.sln was not found above {AppContext.BaseDirectory}.");
    }
}
