namespace ConcernBot.Intake.Cards;

/// <summary>
/// Whether a question card says "press a button or type your answer", and how much: not on every card, only where it
/// helps (issue 21).
/// </summary>
public enum QuestionHint
{
    /// <summary>No hint: the person has already been told, and is answering.</summary>
    None,

    /// <summary>The first question of a concern: the intro above it has just listed the commands, so only "press or type".</summary>
    PressOrType,

    /// <summary>Asked again after a miss: press or type, and the commands (help, back, pause, cancel).</summary>
    WithCommands,
}
