using System.Globalization;
using IntakeText = ConcernBot.Resources.Intake;
using LeadsText = ConcernBot.Resources.Leads;
using WorkspaceText = ConcernBot.Resources.Workspace;

namespace ConcernBot.Evidence;

/// <summary>What the reporter and the leads read about evidence, in the reader's language.</summary>
public static class EvidenceWords
{
    public const long Megabyte = 1024 * 1024;

    public static string Numbered(bool photo, int number) =>
        Conversation.Words.Format(photo ? WorkspaceText.EvidencePhoto : WorkspaceText.EvidenceDocument, number);

    /// <summary>The channel card's line: how many, never which.</summary>
    public static string Attached(int count) =>
        count == 1 ? LeadsText.FilesAttachedOne : Conversation.Words.Format(LeadsText.FilesAttachedMany, count);

    public static string Limits(EvidenceOptions limits) =>
        Conversation.Words.Format(IntakeText.FilesLimits, limits.MaxFiles, limits.MaxFileBytes / Megabyte);

    /// <summary>What the reporter is told about one file handed over.</summary>
    public static string Told(EvidenceAdded added, EvidenceOptions limits)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(limits);
        return added.Refusal switch
        {
            EvidenceRefusal.None when added.File!.IsPhoto => Conversation.Words.Format(IntakeText.FilesKept, added.File.DisplayName),
            EvidenceRefusal.None => Conversation.Words.Format(IntakeText.FilesKept, added.File!.DisplayName) + " " + IntakeText.FilesDocumentNote,
            EvidenceRefusal.Empty => IntakeText.FilesEmpty,
            EvidenceRefusal.TooLarge => Conversation.Words.Format(IntakeText.FilesTooLarge, limits.MaxFileBytes / Megabyte),
            EvidenceRefusal.TooMany => Conversation.Words.Format(IntakeText.FilesTooMany, limits.MaxFiles),
            EvidenceRefusal.ConcernFull => Conversation.Words.Format(IntakeText.FilesConcernFull, limits.MaxConcernBytes / Megabyte),
            EvidenceRefusal.NotAccepted => IntakeText.FilesNotAccepted,
            EvidenceRefusal.NotWhatItSays => IntakeText.FilesNotWhatItSays,
            EvidenceRefusal.Heic => IntakeText.FilesHeic,
            _ => IntakeText.FilesUnreadable,
        };
    }
}
