using ConcernBot.Conversation;

namespace ConcernBot.Tests.Conversation;

public sealed class ChoiceMatcherTests
{
    private static readonly Choice[] Choices =
    [
        new("Yes", "Yes", null, ["y", "yeah"]),
        new("No", "No"),
        new("DontKnow", "I don't know", null, ["not sure"]),
    ];

    [Theory]
    [InlineData("yes", "Yes")]
    [InlineData("YES!", "Yes")]
    [InlineData("  y ", "Yes")]
    [InlineData("2", "No")]
    [InlineData("2.", "No")]
    [InlineData("option 3", "DontKnow")]
    [InlineData("I don’t know", "DontKnow")]
    [InlineData("Not sure?", "DontKnow")]
    [InlineData("dontknow", "DontKnow")]
    public void A_typed_answer_is_matched_by_words_number_value_or_alias(string typed, string expected) =>
        Assert.Equal(expected, ChoiceMatcher.Match(typed, Choices)?.Value);

    [Theory]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("yes please no")]
    [InlineData("maybe")]
    public void Anything_else_matches_nothing(string typed) => Assert.Null(ChoiceMatcher.Match(typed, Choices));

    [Fact]
    public void Several_answers_are_read_by_number_or_by_their_words()
    {
        Assert.Equal(["Yes", "DontKnow"], ChoiceMatcher.Read("1, 3", Choices, many: true).Choices.Select(c => c.Value));
        Assert.Equal(["Yes", "No"], ChoiceMatcher.Read("yes and no", Choices, many: true).Choices.Select(c => c.Value));
        Assert.Equal(ReadingKind.Nothing, ChoiceMatcher.Read("1, 7", Choices, many: true).Kind);
    }

    private static readonly Choice[] YesNo =
    [
        new("Yes", "Yes, someone is in danger now", null, ["in danger", "being hurt"]) { Openers = ["yes", "yeah"] },
        new("No", "No, not right now", null, ["not in danger", "everyone is safe"]) { Openers = ["no", "nope", "not really"] },
        new("DontKnow", "I'm not sure", null, ["don't know"]) { Openers = ["not sure", "dunno", "no idea"] },
    ];

    [Theory]
    [InlineData("yes she is, he hit her again", "Yes")]
    [InlineData("nope", "No")]
    [InlineData("no, nobody is in danger", "No")]
    [InlineData("not really", "No")]
    [InlineData("no idea", "DontKnow")]
    [InlineData("dunno tbh", "DontKnow")]
    public void A_leading_yes_no_or_not_sure_decides_whatever_follows(string typed, string expected)
    {
        var reading = ChoiceMatcher.Read(typed, YesNo);
        Assert.Equal(ReadingKind.Clear, reading.Kind);
        Assert.Equal(expected, reading.Best?.Value);
    }

    [Fact]
    public void What_is_negated_does_not_count_for_the_choice_it_names()
    {
        Assert.Equal("No", ChoiceMatcher.Read("they are not in danger", YesNo).Best?.Value);
        Assert.NotEqual("Yes", ChoiceMatcher.Read("she isn't being hurt", YesNo).Best?.Value);
    }

    [Fact]
    public void A_slip_of_the_keyboard_is_a_guess_not_a_clear_answer()
    {
        var reading = ChoiceMatcher.Read("yse", YesNo);
        Assert.Equal(ReadingKind.Guess, reading.Kind);
        Assert.Equal("Yes", reading.Best?.Value);
    }

    [Fact]
    public void Two_choices_that_score_alike_are_both_offered()
    {
        Choice[] outcomes = [new("Said", "Yes, and they said what they want"), new("NotSaid", "Yes, but they didn't say"), new("No", "No, they haven't been asked")];
        var reading = ChoiceMatcher.Read("yes", outcomes);
        Assert.Equal(ReadingKind.Either, reading.Kind);
        Assert.Equal(["Said", "NotSaid"], reading.Choices.Select(c => c.Value));
    }
}
