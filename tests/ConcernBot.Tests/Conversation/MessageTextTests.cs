using ConcernBot.Conversation;

namespace ConcernBot.Tests.Conversation;

/// <summary>What the bot reads from typed words: mentions dropped, whitespace folded, ends trimmed, however the words were typed.</summary>
public sealed class MessageTextTests
{
    [Theory]
    [InlineData("The lounge on the first floor", "The lounge on the first floor")]
    [InlineData("  The lounge  ", "The lounge")]
    [InlineData("The  lounge", "The lounge")]
    [InlineData("The\tlounge\r\nupstairs", "The lounge upstairs")]
    [InlineData("The\u00A0lounge", "The lounge")]
    [InlineData("<at>ConcernBot</at> raise a concern", "raise a concern")]
    [InlineData("raise <AT id=\"0\">ConcernBot</AT>  a concern", "raise a concern")]
    [InlineData("a < b", "a < b")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Typed_words_are_read_the_same_however_they_were_spaced(string? typed, string expected) =>
        Assert.Equal(expected, MessageText.Normalise(typed));
}
