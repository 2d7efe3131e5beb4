namespace ConcernBot.Conversation;

/// <summary>
/// An answer to the current step, however it came: typed text, a pressed button's choice, ticked boxes, a date, or "skip".
/// </summary>
public sealed record StepInput
{
    /// <summary>Typed text, or the text box on the card (trimmed, never blank).</summary>
    public string? Text { get; init; }

    /// <summary>The value of the button pressed.</summary>
    public string? Choice { get; init; }

    /// <summary>The values ticked in a multi-select list.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>A date from the date picker.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The person pressed "I don't know" / "skip".</summary>
    public bool Skip { get; init; }

    /// <summary>True when the answer was typed rather than given on a card.</summary>
    public bool Typed { get; init; }

    /// <summary>Every input on a card that asks several questions at once, by id (blank ones left out); null otherwise.</summary>
    public IReadOnlyDictionary<string, string>? Fields { get; init; }

    public bool IsEmpty => Text is null && Choice is null && (Choices is null || Choices.Count == 0) && Date is null && !Skip;
}

/// <summary>What a step made of an answer: accepted, or asked again with a kind word about why.</summary>
public sealed record StepResult(bool Accepted, string? Message = null, bool Pause = false)
{
    /// <summary>Not accepted yet: the answer could be one of these (one or two), so ask "Did you mean...?" with just them.</summary>
    public IReadOnlyList<Choice>? Candidates { get; init; }

    /// <summary>Where to go next instead of the step's own next (a question asked together, answered by typing its first part).</summary>
    public string? Next { get; init; }

    public static StepResult Ok { get; } = new(true);

    /// <summary>Accepted, and the person would rather stop for now (the draft is kept).</summary>
    public static StepResult OkThenPause { get; } = new(true, null, true);

    public static StepResult Retry(string message) => new(false, message);

    public static StepResult DidYouMean(IReadOnlyList<Choice> candidates) => new(false) { Candidates = candidates };
}
