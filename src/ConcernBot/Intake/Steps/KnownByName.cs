using ConcernBot.Concerns;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake.Steps;

/// <summary>
/// On a public page nobody is signed in, so a person who wants to be known types the name the leads should use and,
/// if they want, how to reach them. Both tracks ask it the same way, in plain words.
/// </summary>
internal static class KnownByName
{
    public const int MaxName = 200;
    public const int MaxContact = 300;

    /// <summary>After "how would you like to be known": the name, only when it has to be typed; otherwise the review.</summary>
    public static string? After(IntakeDraft d) => !d.SignedIn && d.Identity == IdentityChoice.Named ? StepNames.KnownName : null;

    /// <summary>The review's row for a typed contact (the typed name is in "Named: ..."); null when none was given.</summary>
    public static (string Label, string Value)? Typed(IntakeDraft d) => !d.SignedIn && d.Identity == IdentityChoice.Named && !string.IsNullOrWhiteSpace(d.GivenContact)
        ? (IntakeText.ReviewGivenContact, d.GivenContact)
        : null;

    public static FlowStep<IntakeDraft> Name() => Ask.Text(
        StepNames.KnownName, Sections.Known, _ => IntakeText.KnownNameQuestion, IntakeText.KnownNameWhy, IntakeText.KnownNameLabel, MaxName,
        d => d.GivenName, (d, text) => d.GivenName = text?.Trim(), skipTitle: null, multiline: false)
        .Then(StepNames.KnownContact);

    public static FlowStep<IntakeDraft> Contact() => Ask.Text(
        StepNames.KnownContact, Sections.Known, _ => IntakeText.KnownContactQuestion, IntakeText.KnownContactWhy, IntakeText.KnownContactLabel, MaxContact,
        d => d.GivenContact, (d, text) => d.GivenContact = text?.Trim(), IntakeText.KnownContactSkip, multiline: false);
}
