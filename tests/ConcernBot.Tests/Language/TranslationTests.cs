using System.Text.RegularExpressions;
using System.Xml.Linq;
using ConcernBot.Tests.Storage;

namespace ConcernBot.Tests.Language;

/// <summary>
/// Every resource file in every offered language: no key missing or extra, every format placeholder kept, and nothing
/// left in English (a value with words in it that is the same as the English one). The translations were drafted by
/// the team and need a fluent reviewer before use with the public (docs/languages.md); this only keeps them whole.
/// </summary>
public sealed partial class TranslationTests
{
    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var neutral in Directory.GetFiles(Folder, "*.resx").Where(f => !Path.GetFileNameWithoutExtension(f).Contains('.', StringComparison.Ordinal)))
        {
            foreach (var language in Translated)
            {
                data.Add(Path.GetFileNameWithoutExtension(neutral), language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_language_has_every_key_keeps_every_placeholder_and_leaves_nothing_in_English(string name, string language)
    {
        var path = Path.Combine(Folder, $"{name}.{language}.resx");
        Assert.True(File.Exists(path), $"Resources/{name}.resx has no {language} translation ({name}.{language}.resx).");
        var english = Read(Path.Combine(Folder, name + ".resx"));
        var translated = Read(path);

        var problems = new List<string>();
        problems.AddRange(english.Keys.Except(translated.Keys).Select(k => $"{k}: missing"));
        problems.AddRange(translated.Keys.Except(english.Keys).Select(k => $"{k}: not in the English file"));
        foreach (var (key, value) in translated.Where(t => english.ContainsKey(t.Key)))
        {
            var source = english[key];
            if (!Placeholders(source).SequenceEqual(Placeholders(value)))
            {
                problems.Add($"{key}: placeholders {string.Join(" ", Placeholders(source))} became {string.Join(" ", Placeholders(value))}");
            }

            if (value.Trim().Length == 0)
            {
                problems.Add($"{key}: empty");
            }
            else if (value == source && HasWords(source))
            {
                problems.Add($"{key}: still in English: \"{Shorten(source)}\"");
            }
        }

        Assert.True(problems.Count == 0, $"{name}.{language}.resx:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_offered_language_has_translations_and_every_translation_is_offered()
    {
        var offered = ConcernBot.Conversation.Languages.Offered.Skip(1).Select(l => l.Culture.Name).Order().ToList();
        var found = Directory.GetFiles(Folder, "Strings.*.resx").Select(f => Path.GetFileNameWithoutExtension(f).Split('.')[1]).Order().ToList();
        Assert.Equal(offered, found);
        Assert.Equal(offered, Translated.Order().ToList());
    }

    private static readonly string[] Translated = ["cy", "pl", "ro", "ar"];

    private static string Folder => Path.Combine(RepoRoot.Find(), "src", "ConcernBot", "Resources");

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    /// <summary>The format holes ({0}, {1:N0}), sorted: a translation may move them, not change them.</summary>
    private static List<string> Placeholders(string text) => [.. Hole().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    /// <summary>Words, not only holes, numbers, punctuation and the names every language keeps.</summary>
    private static bool HasWords(string text) => Letters().IsMatch(Kept().Replace(Hole().Replace(text, ""), ""));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"\{\d+(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex Hole();

    [GeneratedRegex(@"\p{L}{2,}")]
    private static partial Regex Letters();

    [GeneratedRegex(@"ConcernBot|Microsoft Teams|Teams|UTC|SG-|LADO|CQC|https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Kept();
}
