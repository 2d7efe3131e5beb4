using ConcernBot.Concerns;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake.Steps;

/// <summary>
/// Items 9 to 11: information sharing (golden rules 4 and 7: with agreement where possible, and the reason recorded when
/// not), immediate safety and evidence, and how the reporter wants to be known.
/// </summary>
internal static class SharingSteps
{
    public static FlowStep<IntakeDraft> Consent() => Ask.OneOf(
        StepNames.Sharing, Sections.Sharing, d => d.AboutReporter ? IntakeText.YouConsentQuestion : IntakeText.ConsentQuestion, IntakeText.ConsentWhy,
        _ => IntakeChoices.Consent(),
        (d, c) =>
        {
            d.Consent = IntakeChoices.Parse<ConsentToShare>(c);
            if (d.Consent == ConsentToShare.Yes)
            {
                d.ReasonWithoutConsent = null;
            }
        },
        guidance: _ => [IntakeText.ConsentGuidance],
        track: Tracks.Guided)
        .Then(d => d.Consent == ConsentToShare.Yes || d.AboutReporter ? StepNames.Evidence : StepNames.SharingReason);

    public static FlowStep<IntakeDraft> Reason() => Ask.Text(
        StepNames.SharingReason, Sections.Sharing, _ => IntakeText.ReasonQuestion, IntakeText.ReasonWhy, IntakeText.ReasonLabel, Ask.LongAnswer,
        d => d.ReasonWithoutConsent, (d, text) => d.ReasonWithoutConsent = text, IntakeText.ChoiceDontKnow,
        guidance: _ => [IntakeText.ReasonGuidance],
        track: Tracks.Guided)
        .Then(StepNames.Evidence);

    public static FlowStep<IntakeDraft> Evidence() => Ask.Text(
        StepNames.Evidence, Sections.Evidence, _ => IntakeText.EvidenceQuestion, IntakeText.EvidenceWhy, IntakeText.EvidenceLabel, Ask.LongAnswer,
        d => d.ActionsTaken, (d, text) => d.ActionsTaken = text, IntakeText.SkipNothingYet,
        guidance: _ => [IntakeText.EvidenceAdvice],
        track: Tracks.Guided)
        .Then(StepNames.Files);

    /// <summary>How to be known, in words that say "the safeguarding lead" when only one of <paramref name="leadNames"/> would see it.</summary>
    public static FlowStep<IntakeDraft> Known(Func<IntakeDraft, IReadOnlyList<string>> leadNames)
    {
        bool One(IntakeDraft d) => LeadsWording.One(leadNames(d), d);
        return Ask.OneOf(
            StepNames.Known, Sections.Known, _ => IntakeText.KnownQuestion, IntakeText.KnownWhy, d => IntakeChoices.Identity(d, One(d)),
            (d, c) => d.Identity = IntakeChoices.Parse<IdentityChoice>(c),
            guidance: d =>
            {
                var receives = One(d) ? IntakeText.KnownWhoReceivesOne : IntakeText.KnownWhoReceives;
                return d.SignedIn ? [receives, Resources.Anonymity.ChoiceTeamsLimit] : [receives];
            },
            track: Tracks.Guided, explain: (d, c) => IntakeChoices.ExplainIdentity(d, c, One(d)),
            details: d => (IntakeText.KnownDetailsTitle, d.SignedIn ? Anonymity.IdentityChoiceNotice.Details(One(d)) : Anonymity.IdentityChoiceNotice.NotSignedInParagraphs(One(d))))
            .Then(KnownByName.After);
    }
}
