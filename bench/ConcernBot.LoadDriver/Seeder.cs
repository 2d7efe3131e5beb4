namespace ConcernBot.LoadDriver;

/// <summary>Fills a store with concerns through the store API before a run (wired when the storage work is on main).</summary>
internal static class Seeder
{
    public static Task SeedAsync(IReadOnlyDictionary<string, string> settings, int count, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Seeding needs the storage work on main.");
}
