using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace ConcernBot.Tests.Language.PlainWords;

/// <summary>
/// Plain words, measured (issue 21): every English string a reporter reads, by path, keeps its path's limits on sentence
/// length, average sentence, Flesch reading ease and words to avoid. The table of figures is printed for the note.
/// </summary>
public sealed class PlainWordsTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_path_keeps_its_limits()
    {
        var table = new StringBuilder("path    | texts | sentences | longest | prose texts | prose sentences | average | reading ease | lowest text\n");
        var problems = new List<string>();
        foreach (var limits in PlainLimits.ByPath)
        {
            var texts = ReporterTexts.Of(limits.Path).Select(t => (t.Key, t.Value)).ToList();
            var all = Readability.Measure(texts.Select(t => t.Value));
            var prose = PlainLimits.Prose(texts.Select(t => t.Value)).ToList();
            var f = Readability.Measure(prose);
            var lowest = prose.Min(p => Readability.Measure([p]).ReadingEase);
            table.Append(CultureInfo.InvariantCulture, $"{limits.Path,-7} | {texts.Count,5} | {all.Sentences,9} | {all.LongestWords,7} | {prose.Count,11} | {f.Sentences,15} | {f.AverageWords,7:0.0} | {f.ReadingEase,12:0.0} | {lowest,11:0.0}\n");
            problems.AddRange(limits.Problems(texts));
        }

        output.WriteLine(table.ToString());
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems) + "\n\n" + table);
    }

    [Fact]
    public void Every_path_has_texts_and_the_simple_path_reads_its_own()
    {
        foreach (var limits in PlainLimits.ByPath)
        {
            Assert.True(ReporterTexts.Of(limits.Path).Count() > 20, limits.Path);
        }

        Assert.Equal(ReporterTexts.Simple, ReporterTexts.PathOf("Intake", "SimpleReviewTitle"));
        Assert.Equal(ReporterTexts.Staff, ReporterTexts.PathOf("Intake", "ReviewTitle"));
        Assert.Equal(ReporterTexts.Shared, ReporterTexts.PathOf("Strings", "WelcomeReassurance"));
        Assert.Null(ReporterTexts.PathOf("Intake", "WordsDangerYes"));
    }

    [Fact]
    public void A_known_bad_sentence_is_caught_on_each_path_and_a_plain_one_passes()
    {
        const string bad = "Notwithstanding any recrimination, the designated safeguarding practitioner will endeavour to substantiate "
            + "information pertaining to the multidisciplinary investigation and its organisational ramifications as soon as is "
            + "reasonably practicable in all of the circumstances.";
        const string plain = "Thank you for telling me. You did the right thing. You will not get into trouble.";
        foreach (var limits in PlainLimits.ByPath)
        {
            var problems = limits.Problems([("Bad", bad)]);
            Assert.Contains(problems, p => p.Contains("a sentence of", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("\"recrimination\"", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("reading ease", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("on average", StringComparison.Ordinal));
            Assert.Empty(limits.Problems([("Plain", plain)]));
        }

        Assert.Contains(PlainLimits.ByPath[0].Problems([("Simple", "The designated lead will see it.")]), p => p.Contains("designated", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("help", 1)]
    [InlineData("happened", 2)]
    [InlineData("people", 2)]
    [InlineData("concern", 2)]
    [InlineData("agreed", 2)]
    [InlineData("safeguarding", 4)]
    [InlineData("recrimination", 5)]
    [InlineData("999", 2)]
    public void Syllables_are_counted_closely_enough(string word, int syllables) => Assert.Equal(syllables, Readability.Syllables(word));

    [Fact]
    public void Markup_and_holes_are_not_read_and_sentences_split_at_their_ends()
    {
        Assert.Equal("Type status X now.", Readability.Plain("Type **status {0}** now."));
        Assert.Equal(["Press a button.", "Or type \"help\".", "Then wait"], Readability.Sentences("Press a button. Or type \"help\".\n\nThen wait"));
    }
}
