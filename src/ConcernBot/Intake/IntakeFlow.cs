using ConcernBot.Conversation;
using ConcernBot.Intake.Steps;

namespace ConcernBot.Intake;

/// <summary>
/// The guided concern conversation, in the order it is talked through. Each line is one question; where the talk goes
/// next lives with the question. After the last question comes the review card, then the receipt.
/// </summary>
/// <remarks>
/// Built once per reader's language: a step's fixed words (why it is asked, a label) are read from the resources as it is
/// built, so a flow built in English would answer "help" in English to a reader in Welsh.
/// </remarks>
internal sealed class IntakeFlow(IntakeSettings settings, Microsoft.Extensions.Options.IOptions<Evidence.EvidenceOptions> evidence)
{
    private readonly PerCulture<Flow<IntakeDraft>> _flows = new(() => Build(settings, evidence.Value));

    public Flow<IntakeDraft> Flow => _flows.Current;

    private static Flow<IntakeDraft> Build(IntakeSettings settings, Evidence.EvidenceOptions evidence) =>
        new("intake",
        [
            // Reassurance, then: is anyone in immediate danger right now? (999 first, then record it as urgent)
            OpeningSteps.Danger(),
            OpeningSteps.Urgent(settings.EmergencyAdvice),

            // Who are you? A person who uses the service goes on the simple-language path; staff may fill in one form.
            OpeningSteps.Role(settings.Services),

            // Which service or site (each with its own leads)? Only asked when there are several.
            OpeningSteps.Service(settings.Services),

            // Who is at risk? A name or description; for a child, are children's services already involved?
            PersonSteps.AtRisk(),
            PersonSteps.Description(),
            PersonSteps.ChildStatus(),

            // What happened, in your own words, and is it about someone who works here, on one card; which safeguarding lead?
            IncidentSteps.WhatHappenedAndAbout(),
            HarmSteps.About(),
            HarmSteps.WhichLead(settings.LeadNamesFor),

            // When, where and whether it is still happening, on one card (typed: one at a time).
            IncidentSteps.WhenAndWhere(),
            IncidentSteps.Where(),
            IncidentSteps.StillHappening(),

            // What kind of harm (several may be chosen), on a card of its own.
            HarmSteps.Kinds(),

            // Making Safeguarding Personal: does the person know and were they asked (one card); then what they want, what you would
            // like and who should be involved (one card).
            WishesSteps.KnowsAndAsked(),
            WishesSteps.OutcomesAsked(),
            WishesSteps.Wishes(),
            WishesSteps.ReporterWishes(),
            WishesSteps.Involved(),

            // Has the person agreed to it being shared? If not, why must it still be shared?
            SharingSteps.Consent(),
            SharingSteps.Reason(),

            // What has been done to keep people safe (with advice on keeping evidence); how do you want to be known?
            SharingSteps.Evidence(),

            // Photos and documents, optional: anything that gives people away is taken out of them (Evidence/).
            FilesSteps.Files(evidence),
            SharingSteps.Known(settings.LeadNamesFor),

            // On a public page, where nobody is signed in: the name to be known by, and a way to be contacted if they wish.
            KnownByName.Name(),
            KnownByName.Contact(),

            // The same facts, in simple words, one short question at a time.
            .. SimpleSteps.All(settings.LeadNamesFor),
            FilesSteps.SimpleFiles(),
        ]);
}
