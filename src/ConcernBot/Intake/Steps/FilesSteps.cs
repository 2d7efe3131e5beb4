using ConcernBot.Conversation;
using ConcernBot.Evidence;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake.Steps;

/// <summary>
/// The photos and documents the reporter may add (optional): the files themselves arrive as attachments and are taken
/// before the flow (IntakeConversation.Files); this question only moves on when the person says they are done.
/// </summary>
internal static class FilesSteps
{
    public const string CarryOn = "carry-on";

    public static FlowStep<IntakeDraft> Files(EvidenceOptions limits) => Ask.OneOf(
        StepNames.Files, Sections.Evidence, _ => IntakeText.FilesQuestion, IntakeText.FilesWhy, Choices, (_, _) => { },
        guidance: _ => [IntakeText.FilesGuidance, IntakeText.FilesRemoved, EvidenceWords.Limits(limits)],
        track: Tracks.Guided)
        .Then(StepNames.Known);

    /// <summary>The same on the simple-language path: a photo, if they have one; no list of limits unless one is refused.</summary>
    public static FlowStep<IntakeDraft> SimpleFiles() => Ask.OneOf(
        StepNames.SimpleFiles, Sections.Evidence, _ => IntakeText.SimpleFilesQuestion, IntakeText.FilesWhy, Choices, (_, _) => { },
        guidance: _ => [IntakeText.FilesGuidance, IntakeText.FilesRemoved],
        track: Tracks.Simple)
        .Then(StepNames.SimpleKnown);

    /// <summary>Whether files sent now answer the photos-and-documents question (either path).</summary>
    public static bool IsFilesStep(string? step) => step is StepNames.Files or StepNames.SimpleFiles;

    private static IReadOnlyList<Choice> Choices(IntakeDraft draft) =>
        [new Choice(CarryOn, draft.FilesKept > 0 ? IntakeText.FilesDoneCarryOn : IntakeText.FilesCarryOn, null, Ask.Words(IntakeText.WordsFilesCarryOn))];
}
