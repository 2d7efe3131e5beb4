using System.Text.Json;
using ConcernBot.Testing;

namespace ConcernBot.Tests.Cards;

/// <summary>Every card the bot can send passes the official Adaptive Cards library and the rules Teams adds.</summary>
public sealed class CardCatalogueTests(TestHost app) : IClassFixture<TestHost>
{
    [Fact]
    public void Every_card_method_has_at_least_one_sample_in_the_catalogue()
    {
        var sampled = CardCatalogue.Samples.Select(sample => sample.Key).ToHashSet();

        var missing = CardMethods.InProduct().Select(CardMethods.KeyOf).Where(key => !sampled.Contains(key)).Distinct().ToList();

        Assert.True(missing.Count == 0, $"Add samples to CardCatalogue for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_catalogue_names_only_card_methods_that_exist_and_each_sample_once()
    {
        var methods = CardMethods.InProduct().Select(CardMethods.KeyOf).ToHashSet();
        Assert.NotEmpty(methods);

        var stale = CardCatalogue.Samples.Where(sample => !methods.Contains(sample.Key)).Select(sample => sample.Key).ToList();
        Assert.True(stale.Count == 0, $"CardCatalogue has samples for methods that no longer build cards: {string.Join(", ", stale)}");

        var repeated = CardCatalogue.Samples.GroupBy(sample => sample.FileName).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"CardCatalogue sample names must be unique per method: {string.Join(", ", repeated)}");
    }

    [Fact]
    public async Task Every_card_in_the_catalogue_passes_the_Adaptive_Cards_checker()
    {
        var folder = Directory.CreateTempSubdirectory("concernbot-cards-").FullName;
        try
        {
            foreach (var sample in CardCatalogue.Samples)
            {
                var card = sample.Build(app.Services);
                await File.WriteAllTextAsync(Path.Combine(folder, sample.FileName), JsonSerializer.Serialize(card));
            }

            var report = await CardChecker.CheckFolderAsync(folder);

            Assert.Equal(CardCatalogue.Samples.Count, report.CardCount);
            Assert.True(report.ErrorCount == 0, "Cards that Teams would not render well:\n" + string.Join("\n", report.Errors()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_checker_rejects_a_card_Teams_could_not_show_properly()
    {
        var folder = Directory.CreateTempSubdirectory("concernbot-cards-").FullName;
        try
        {
            const string card = """
                {"type":"AdaptiveCard","version":"1.6","body":[
                  {"type":"TextBlock"},
                  {"type":"Image","url":"https://example.org/a.png"},
                  {"type":"Input.Text","id":"name"},
                  {"type":"Input.Text","id":"name","label":"Your name"},
                  {"type":"Marquee"}]}
                """;
            await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), card);

            var report = await CardChecker.CheckFolderAsync(folder);

            var rules = report.Errors().Select(error => error.Split(": ")[1]).ToHashSet();
            Assert.Superset(
                new HashSet<string> { "VersionTooNew", "TextBlockWithoutText", "ImageWithoutAltText", "InputWithoutLabel", "DuplicateInputId", "UnknownElementType" },
                rules);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
