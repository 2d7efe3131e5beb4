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
    public void Several_answers_match_only_when_every_one_does()
    {
        Assert.Equal(["Yes", "DontKnow"], ChoiceMatcher.MatchMany("1, not sure", Choices)!.Select(c => c.Value));
        Assert.Equal(["Yes", "No"], ChoiceMatcher.MatchMany("yes and no", Choices)!.Select(c => c.Value));
        Assert.Null(ChoiceMatcher.MatchMany("yes, purple", Choices));
    }
}
