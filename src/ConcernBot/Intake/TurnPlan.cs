using System.Text.Json;
using ConcernBot.Channels.Turns;

namespace ConcernBot.Intake;

/// <summary>What one turn of the intake decided: the draft and step to save, and the replies to send once it is saved.</summary>
internal sealed class TurnPlan(IntakeDraft? draft, string? step, TurnFacts? facts = null)
{
    /// <summary>What the channel said about this turn (the organisation, the person's key), for the submission.</summary>
    public TurnFacts Facts { get; } = facts ?? new TurnFacts(true, null, null, SignedIn: true);

    public IntakeDraft? Draft { get; set; } = draft;

    /// <summary>The name the channel gives the person this turn (Teams' display name), for "Named: ..." on the review.</summary>
    public string? DisplayName { get; init; }
    public string? Step { get; set; } = step;

    /// <summary>The draft is gone (cancelled or submitted): the state keeps nothing but the handled activity ids.</summary>
    public bool Cleared { get; private set; }

    public List<IntakeReply> Replies { get; } = [];

    /// <summary>An outbox message (the receipt) the turn delivers itself once the state is saved and the replies sent.</summary>
    public string? DeliverNow { get; set; }

    /// <summary>A card's answer was taken: the card it came from is replaced by this record of it (question, answer).</summary>
    public IReadOnlyList<(string Question, string Answer)>? Answered { get; set; }

    public void Say(string text) => Replies.Add(new IntakeReply(text, null));

    public void Show(JsonElement card) => Replies.Add(new IntakeReply(null, card));

    /// <summary>After an anonymous concern: not even the handled activity ids are kept under this conversation's id.</summary>
    public bool Forget { get; private set; }

    public void Clear(bool forget = false)
    {
        Forget = forget;
        Draft = null;
        Step = null;
        Cleared = true;
    }
}

internal sealed record IntakeReply(string? Text, JsonElement? Card);
