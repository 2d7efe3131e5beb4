namespace ConcernBot.Conversation;

/// <summary>
/// One step of a flow: what it asks (<see cref="Prompt"/>), how it reads the answer (<see cref="Accept"/>), why it is asked
/// (<see cref="Why"/>, for "help"), and where the flow goes next (<see cref="Next"/>, which may depend on the answers).
/// </summary>
public sealed class FlowStep<TDraft>
{
    public required string Name { get; init; }

    /// <summary>The part of the flow it belongs to; "change" on a review goes back to a section's first step.</summary>
    public required string Section { get; init; }

    /// <summary>Which track of the flow it belongs to (e.g. the simple-language path); null for every track.</summary>
    public string? Track { get; init; }

    public required Func<TDraft, Prompt> Prompt { get; init; }
    public required Func<StepInput, TDraft, StepResult> Accept { get; init; }
    public required string Why { get; init; }

    /// <summary>The next step's name; null when the flow's questions are done.</summary>
    public Func<TDraft, string?> Next { get; private set; } = _ => null;

    public FlowStep<TDraft> Then(Func<TDraft, string?> next)
    {
        Next = next;
        return this;
    }

    public FlowStep<TDraft> Then(string next) => Then(_ => next);
}
