using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake;

/// <summary>What a person can say at any step: help (why this question), back, pause, cancel, start again.</summary>
public static class ConversationCommand
{
    public const string Help = "help";
    public const string Back = "back";
    public const string Pause = "pause";
    public const string Cancel = "cancel";
    public const string StartAgain = "restart";

    /// <summary>The command a whole typed message means, if any ("later" is pause; "start over" is start again).</summary>
    public static string? FromText(string? text)
    {
        var folded = text?.Trim();
        if (folded is null || folded.Length > 40 || int.TryParse(folded.TrimEnd('.'), out _))
        {
            return null;
        }

        return ChoiceMatcher.Match(folded, Commands.Current)?.Value;
    }

    private static readonly PerCulture<IReadOnlyList<Choice>> Commands = new(() =>
        [
            new(Help, Help, null, Ask.Words(IntakeText.WordsHelp)),
            new(Back, Back, null, Ask.Words(IntakeText.WordsBack)),
            new(Pause, Pause, null, Ask.Words(IntakeText.WordsPause)),
            new(Cancel, Cancel, null, Ask.Words(IntakeText.WordsCancel)),
            new(StartAgain, StartAgain, null, Ask.Words(IntakeText.WordsStartAgain)),
        ]);

    public static bool IsKnown(string? command) => command is Help or Back or Pause or Cancel or StartAgain;
}
