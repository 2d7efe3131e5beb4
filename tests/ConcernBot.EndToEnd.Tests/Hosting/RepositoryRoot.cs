namespace ConcernBot.EndToEnd.Tests.Hosting;

internal static class RepositoryRoot
{
    /// <summary>The folder holding ConcernBot.sln, found by walking up from the test's output folder.</summary>
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ConcernBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"ConcernBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
