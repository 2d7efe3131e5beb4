namespace ConcernBot.Conversation;

/// <summary>How sure the matcher is of what a typed answer meant.</summary>
public enum ReadingKind
{
    /// <summary>Nothing offered was named: ask again.</summary>
    Nothing,

    /// <summary>Plainly one choice (or, for ticks, these): its words, its number, or a leading yes/no.</summary>
    Clear,

    /// <summary>Probably this, with some doubt (a misspelling, a negation nearby, part of a button's words).</summary>
    Guess,

    /// <summary>Two choices scored alike: ask which.</summary>
    Either,
}

/// <summary>What a typed answer was read as: the choices it points to, best first, and how sure that is.</summary>
public sealed record ChoiceReading(ReadingKind Kind, IReadOnlyList<Choice> Choices)
{
    public static ChoiceReading None { get; } = new(ReadingKind.Nothing, []);

    public Choice? Best => Choices.Count > 0 ? Choices[0] : null;
}
