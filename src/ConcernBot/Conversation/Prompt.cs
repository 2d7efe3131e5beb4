namespace ConcernBot.Conversation;

/// <summary>
/// What a step asks: the question, any guidance before it, and the kind of answer it expects (buttons, several choices,
/// free text, a date). One place (the feature's cards) turns it into a card; the same prompt works for typed answers.
/// </summary>
public sealed record Prompt
{
    public required string Step { get; init; }
    public required string Question { get; init; }

    /// <summary>Short paragraphs shown before the question (reassurance, advice, what each choice means).</summary>
    public IReadOnlyList<string> Guidance { get; init; } = [];

    public IReadOnlyList<Choice> Choices { get; init; } = [];
    public bool MultiSelect { get; init; }

    /// <summary>The values of the choices already given, so a card asked again (back, change) shows them ticked.</summary>
    public IReadOnlyList<string> Chosen { get; init; } = [];

    /// <summary>Set when a free-text answer is expected (alone, or besides the buttons).</summary>
    public TextAnswer? Text { get; init; }

    /// <summary>Offer a date picker as well as the text box.</summary>
    public bool OffersDate { get; init; }

    /// <summary>The words of the button that skips a text answer ("I don't know"); null when it cannot be skipped.</summary>
    public string? SkipTitle { get; init; }

    /// <summary>The simple-language path: short words, buttons first, fewer extras on the card.</summary>
    public bool Simple { get; init; }

    /// <summary>
    /// Several questions asked on one card, each with its own labelled input (its prompt's choices, date or text box).
    /// A typed answer answers the first; the others are then asked one at a time.
    /// </summary>
    public IReadOnlyList<Prompt> Parts { get; init; } = [];

    /// <summary>
    /// The whole explanation behind a button (<see cref="DetailsTitle"/>), one tap away, where showing it all would make
    /// the card too long for a phone.
    /// </summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    public string? DetailsTitle { get; init; }
}

/// <summary>A free-text answer: its label, its limit, and what the person already said (when they come back to it).</summary>
public sealed record TextAnswer(string Label, int MaxLength, bool Multiline, string? Placeholder = null, string? Current = null);
