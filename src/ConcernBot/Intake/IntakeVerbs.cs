using ConcernBot.Welcome;

namespace ConcernBot.Intake;

/// <summary>The verbs of the intake's card buttons. Every card action carries one; answers also carry their step.</summary>
public static class IntakeVerbs
{
    public const string Prefix = "intake.";
    public const string Start = WelcomeVerbs.RaiseConcern;
    public const string Answer = "intake.answer";
    public const string Command = "intake.command";
    public const string Confirm = "intake.confirm";
    public const string Resume = "intake.resume";
    public const string Restart = "intake.restart";

    /// <summary>A language chosen on the language card (ConcernBot.Language), passed on so the question is asked again in it.</summary>
    public const string LanguageChosen = Language.LanguageCard.Verb;
    public const string Change = "intake.change";
    public const string Submit = "intake.submit";
    public const string SubmitForm = "intake.form";
}
