using System.Text.Json.Nodes;

namespace ConcernBot.LoadDriver;

/// <summary>What the person does on one turn.</summary>
internal abstract record Intent
{
    /// <summary>What the bot's reply to this turn must say (checked once, when the walk is played slowly), so a walk that no longer fits breaks loudly.</summary>
    public string? Expect { get; init; }

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

/// <summary>Which way through the same concern: pressing the cards' buttons, or typing every answer.</summary>
internal enum Walk
{
    Cards,
    Typed,
}

/// <summary>The walks through the guided concern conversation that every target is driven through: the same turns, in order.</summary>
internal static class Scripts
{
    public const string Account = "At 4pm I saw a carer grab Mr Jones by the wrist and pull him out of his chair. He cried out and later had a bruise.";

    private const string Answer = "intake.answer";

    /// <summary>
    /// A member of staff raises a named concern about an adult at risk: 15 turns from "raise a concern" to submit, all
    /// card presses (Action.Submit messages with value.verb) after the first message, four of them on cards that ask
    /// several questions together (each question its own input, named by its step: happened, about; when, where, ongoing;
    /// wishes_knows, wishes_asked; wishes_person, wishes_reporter, wishes_involved).
    /// </summary>
    public static IReadOnlyList<Intent> ConcernBot { get; } =
    [
        new Intent.Say("raise a concern"),
        new Intent.Press(Answer, "No"),                       // anyone in danger right now?
        new Intent.Press(Answer, "StaffOrVolunteer"),         // who are you?
        new Intent.Press(Answer, "AdultAtRisk"),              // who is at risk?
        new Intent.Press(Answer, Inputs: new JsonObject { ["answer"] = "Mr Jones, room 12" }),
        new Intent.Press(Answer, Inputs: new JsonObject { ["happened"] = Account, ["about"] = "StaffMember" }), // what happened, about whom? (together)
        new Intent.Press(Answer, Inputs: new JsonObject      // when, where, still happening? (together)
        {
            ["when_date"] = "2026-11-20", ["when"] = "just after lunch", ["where"] = "The lounge on the first floor", ["ongoing"] = "No",
        }),
        new Intent.Press(Answer, Inputs: new JsonObject { ["choices"] = "Physical" }), // harm kinds
        new Intent.Press(Answer, Inputs: new JsonObject { ["wishes_knows"] = "Yes", ["wishes_asked"] = "AskedNoneExpressed" }), // knows? asked? (together)
        new Intent.Press(Answer, Inputs: new JsonObject { ["wishes_reporter"] = "I'd like Mr Jones to feel safe." }), // the wishes (together; who else: blank, "I don't know")
        new Intent.Press(Answer, "Yes"),                      // consent to share
        new Intent.Press(Answer, Skip: true),                 // what has been done: nothing yet
        new Intent.Press(Answer, "carry-on"),                 // a photo or document to add? no, carry on
        new Intent.Press(Answer, "Named"),                    // how do you want to be known?
        new Intent.Press("intake.submit"),                    // the review card's submit
    ];

    /// <summary>
    /// The same concern with every answer typed, as a person would: 20 messages. The choice questions in everyday words
    /// (read by the choice matcher); at a card that asks several questions together the typed answer answers the first,
    /// and the others are asked one at a time. Each turn says what the bot must ask next.
    /// </summary>
    public static IReadOnlyList<Intent> ConcernBotTyped { get; } =
    [
        new Intent.Say("raise a concern") { Expect = "Is anyone in danger right now" },
        new Intent.Say("no, nobody is in danger") { Expect = "Which of these best describes you" },
        new Intent.Say("I work here") { Expect = "Who are you worried about" },
        new Intent.Say("an adult") { Expect = "A name or a few words" },
        new Intent.Say("Mr Jones, room 12") { Expect = "What happened? Please tell me" },
        new Intent.Say(Account) { Expect = "about someone who works or volunteers here" },
        new Intent.Say("yes, a member of staff") { Expect = "When and where did it happen" },
        new Intent.Say("yesterday, just after lunch") { Expect = "Where did it happen" },
        new Intent.Say("The lounge on the first floor") { Expect = "Is it still happening" },
        new Intent.Say("no") { Expect = "What kind of harm do you think" },
        new Intent.Say("he was grabbed and pulled") { Expect = "What does the person at risk know" },
        new Intent.Say("yes he knows") { Expect = "asked the person what they would like" },
        new Intent.Say("yes but he didn't say") { Expect = "What should happen next" },
        new Intent.Say("I'd like Mr Jones to feel safe.") { Expect = "anyone the person would like to be involved" },
        new Intent.Say("I don't know") { Expect = "agreed to this being shared" },
        new Intent.Say("yes, he agreed") { Expect = "done already to keep people safe" },
        new Intent.Say("nothing yet") { Expect = "photo or document to add" },
        new Intent.Say("no") { Expect = "How would you like to be known" },
        new Intent.Say("use my name") { Expect = "Please check your concern" },
        new Intent.Say("submit"),
    ];

    public static IReadOnlyList<Intent> For(Walk walk, bool peer) => (walk, peer) switch
    {
        (Walk.Cards, false) => ConcernBot,
        (Walk.Typed, false) => ConcernBotTyped,
        (Walk.Cards, true) => PeerCards,
        _ => PeerTyped,
    };

    private const string PeerTogether = "peer.together";

    /// <summary>The peer's first six turns, the same in both walks: up to the card that asks when and where.</summary>
    private static readonly Intent[] PeerOpening =
    [
        new Intent.Say("raise a concern"),
        new Intent.Say("No"),
        new Intent.Say("Member of staff or volunteer"),
        new Intent.Say("An adult at risk"),
        new Intent.Say("Mr Jones, room 12"),
        new Intent.Say(Account) { Expect = "When and where did it happen" },
    ];

    /// <summary>
    /// The card-press walk on the peer: the same 14 turns. Its one-question prompts are hero cards whose buttons send
    /// their words (imBack, what a press sends in Teams); its cards that ask several questions together are Adaptive
    /// Cards whose Continue sends the inputs (Action.Submit), as ConcernBot's do.
    /// </summary>
    public static IReadOnlyList<Intent> PeerCards { get; } =
    [
        .. PeerOpening,
        new Intent.Press(PeerTogether, Inputs: new JsonObject { ["when"] = "20 November 2026, just after lunch", ["where"] = "The lounge on the first floor", ["ongoing"] = "No" }),
        new Intent.Press(PeerTogether, Inputs: new JsonObject { ["harm"] = "Physical", ["about"] = "A member of staff" }),
        new Intent.Press(PeerTogether, Inputs: new JsonObject { ["knows"] = "Yes", ["asked"] = "Asked, nothing expressed" }),
        new Intent.Press(PeerTogether, Inputs: new JsonObject { ["reporterWants"] = "I'd like Mr Jones to feel safe.", ["involved"] = "I don't know" }) { Expect = "agreed to this being shared" },
        new Intent.Say("Yes"),
        new Intent.Say("Nothing yet"),
        new Intent.Say("Named"),
        new Intent.Say("Submit"),
    ];

    /// <summary>The typed walk on the peer: the same 19 messages, in the words its prompts take (a ChoicePrompt knows only its choices' words).</summary>
    public static IReadOnlyList<Intent> PeerTyped { get; } =
    [
        .. PeerOpening,
        new Intent.Say("20 November 2026, just after lunch") { Expect = "Where did it happen" },
        new Intent.Say("The lounge on the first floor") { Expect = "Is it still happening" },
        new Intent.Say("No"),
        new Intent.Say("Physical") { Expect = "about someone who works or volunteers here" },
        new Intent.Say("A member of staff"),
        new Intent.Say("Yes") { Expect = "asked the person what they would like" },
        new Intent.Say("Asked, nothing expressed"),
        new Intent.Say("I'd like Mr Jones to feel safe.") { Expect = "anyone the person would like to be involved" },
        new Intent.Say("I don't know"),
        new Intent.Say("Yes"),
        new Intent.Say("Nothing yet"),
        new Intent.Say("Named"),
        new Intent.Say("Submit"),
    ];
}
