using System.Text.Json.Nodes;

namespace ConcernBot.LoadDriver;

/// <summary>What the person does on one turn.</summary>
internal abstract record Intent
{
    /// <summary>Types words into the chat.</summary>
    public sealed record Say(string Text) : Intent
    {
        public override string ToString() => $"types \"{(Text.Length > 30 ? Text[..30] + "…" : Text)}\"";
    }

    /// <summary>Presses the card button whose data carries this verb (and this choice, when given), filling the card's inputs.</summary>
    public sealed record Press(string Verb, string? Choice = null, JsonObject? Inputs = null, bool Skip = false) : Intent
    {
        public override string ToString() =>
            $"presses {Verb}" + (Choice is not null ? $" {Choice}" : Skip ? " (skip)" : Inputs is not null ? $" with {string.Join(", ", Inputs.Select(p => p.Key))}" : "");
    }
}

/// <summary>The walks through the guided concern conversation that every target is driven through: the same turns, in order.</summary>
internal static class Scripts
{
    public const string Account = "At 4pm I saw a carer grab Mr Jones by the wrist and pull him out of his chair. He cried out and later had a bruise.";

    private const string Answer = "intake.answer";

    /// <summary>
    /// A member of staff raises a named concern about an adult at risk: 19 turns from "raise a concern" to submit, mostly card
    /// presses (Action.Submit messages with value.verb), two typed answers.
    /// </summary>
    public static IReadOnlyList<Intent> ConcernBot { get; } =
    [
        new Intent.Say("raise a concern"),
        new Intent.Press(Answer, "No"),                       // anyone in immediate danger?
        new Intent.Press(Answer, "StaffOrVolunteer"),         // who are you?
        new Intent.Press(Answer, "AdultAtRisk"),              // who is at risk?
        new Intent.Press(Answer, Inputs: new JsonObject { ["answer"] = "Mr Jones, room 12" }),
        new Intent.Press(Answer, Inputs: new JsonObject { ["answer"] = Account }),
        new Intent.Press(Answer, Inputs: new JsonObject { ["date"] = "2026-11-20", ["answer"] = "just after lunch" }),
        new Intent.Say("The lounge on the first floor"),      // where? (typed)
        new Intent.Press(Answer, "No"),                       // still happening?
        new Intent.Press(Answer, Inputs: new JsonObject { ["choices"] = "Physical" }),
        new Intent.Press(Answer, "StaffMember"),              // about someone who works here?
        new Intent.Press(Answer, "Yes"),                      // does the person know?
        new Intent.Press(Answer, "AskedNoneExpressed"),       // were they asked what they want?
        new Intent.Press(Answer, Inputs: new JsonObject { ["answer"] = "I'd like Mr Jones to feel safe." }),
        new Intent.Press(Answer, Skip: true),                 // who should be involved? I don't know
        new Intent.Press(Answer, "Yes"),                      // consent to share
        new Intent.Press(Answer, Skip: true),                 // what has been done: nothing yet
        new Intent.Press(Answer, "Named"),                    // how do you want to be known?
        new Intent.Press("intake.submit"),                    // the review card's submit
    ];

    /// <summary>The same 19 answers, as the peer's prompts take them: the words of the button, or the typed answer.</summary>
    public static IReadOnlyList<Intent> Peer { get; } =
    [
        new Intent.Say("raise a concern"),
        new Intent.Say("No"),
        new Intent.Say("Member of staff or volunteer"),
        new Intent.Say("An adult at risk"),
        new Intent.Say("Mr Jones, room 12"),
        new Intent.Say(Account),
        new Intent.Say("20 November 2026, just after lunch"),
        new Intent.Say("The lounge on the first floor"),
        new Intent.Say("No"),
        new Intent.Say("Physical"),
        new Intent.Say("A member of staff"),
        new Intent.Say("Yes"),
        new Intent.Say("Asked, nothing expressed"),
        new Intent.Say("I'd like Mr Jones to feel safe."),
        new Intent.Say("I don't know"),
        new Intent.Say("Yes"),
        new Intent.Say("Nothing yet"),
        new Intent.Say("Named"),
        new Intent.Say("Submit"),
    ];
}
