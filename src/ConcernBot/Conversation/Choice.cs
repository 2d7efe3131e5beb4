namespace ConcernBot.Conversation;

/// <summary>One answer a person can pick: the value the flow stores, the words on the button, and other words that mean it.</summary>
/// <param name="Aliases">Words and short phrases that point to this choice (synonyms, common misspellings), from the resources.</param>
public sealed record Choice(string Value, string Title, string? Description = null, IReadOnlyList<string>? Aliases = null)
{
    /// <summary>
    /// Words that decide a yes/no question when a message opens with them ("yes", "nope", "not sure"), whatever follows,
    /// unless what follows plainly names another choice.
    /// </summary>
    public IReadOnlyList<string>? Openers { get; init; }
}
