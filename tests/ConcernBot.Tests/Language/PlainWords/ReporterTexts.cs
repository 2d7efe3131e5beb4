using System.Xml.Linq;
using ConcernBot.Tests.Storage;

namespace ConcernBot.Tests.Language.PlainWords;

/// <summary>
/// Every English resource string a reporter reads, by path: the simple-language path (a person who uses the service), the
/// staff (guided) path, and what both read (welcome, the first questions, commands, status, the secret word). The typed
/// phrase lists (<c>Words*</c>, <c>Match*</c>) are not read, and the leads' own words are measured elsewhere.
/// </summary>
internal static class ReporterTexts
{
    public const string Simple = "simple";
    public const string Staff = "staff";
    public const string Shared = "shared";

    public static IReadOnlyList<ReporterText> All => AllTexts.Value;

    public static IEnumerable<ReporterText> Of(string path) => All.Where(t => t.Path == path);

    /// <summary>Which path reads a key; null when no reporter reads it.</summary>
    public static string? PathOf(string file, string key)
    {
        if (key.StartsWith("Words", StringComparison.Ordinal) || key.StartsWith("Match", StringComparison.Ordinal))
        {
            return null;
        }

        return file switch
        {
            "Strings" => Shared,
            "Anonymity" when key.StartsWith("Leads", StringComparison.Ordinal) || key == "AnonymousReporter" => null,
            "Anonymity" when key.StartsWith("Choice", StringComparison.Ordinal) => Staff,
            "Anonymity" => Shared,
            _ when key.StartsWith("Simple", StringComparison.Ordinal) || key.EndsWith("Simple", StringComparison.Ordinal) => Simple,
            _ when SharedIntake.Any(p => key.StartsWith(p, StringComparison.Ordinal)) => Shared,
            _ => Staff,
        };
    }

    /// <summary>Intake keys both paths read: the questions before the paths part, and what works the same on both.</summary>
    private static readonly string[] SharedIntake =
    [
        "Opening", "Danger", "EmergencyAdvice", "Urgent", "Role", "Service", "Retry", "Button", "Choice", "Confirm", "Resume",
        "Paused", "Cancelled", "WelcomeBack", "StartingAgain", "BackAtStart", "Stale", "DidYouMean", "StartOrAnswer",
        "NotUnderstood", "DraftReminder", "AlreadyReceived", "Status", "NotGiven", "SkipRatherNotSay",
    ];

    private static readonly string[] Files = ["Strings", "Intake", "Anonymity"];

    private static readonly Lazy<IReadOnlyList<ReporterText>> AllTexts = new(() => [.. Files.SelectMany(Read)]);

    private static IEnumerable<ReporterText> Read(string file) =>
        XDocument.Load(Path.Combine(RepoRoot.Find(), "src", "ConcernBot", "Resources", file + ".resx")).Root!.Elements("data")
            .Select(d => (Key: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? ""))
            .Select(d => (d.Key, d.Value, Path: PathOf(file, d.Key)))
            .Where(d => d.Path is not null)
            .Select(d => new ReporterText(file, d.Key, d.Value, d.Path!));
}

internal sealed record ReporterText(string File, string Key, string Value, string Path);
