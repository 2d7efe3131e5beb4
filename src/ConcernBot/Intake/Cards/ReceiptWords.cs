using ConcernBot.Concerns;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake.Cards;

/// <summary>
/// The receipt's words: the staff (guided) path's, or the simple-language path's own, shorter and plainer ones. The facts
/// are the same on both: the reference, the time the lead looks at it, who knows it was you, 999.
/// </summary>
internal sealed record ReceiptWords(
    string Title, string Thanks, string KeepReference, string KeepReferenceAnonymous, string NextTitle, string Next, string NextUrgent,
    string Named, string NamedNotSignedIn, string Confidential, string Anonymous, string MeanwhileTitle, string Meanwhile,
    string SupportTitle, string SupportIntro, string SupportDefault, string Status, string StatusAnonymous, string Emergency, string Fallback)
{
    public static ReceiptWords For(bool simple) => simple
        ? new(IntakeText.SimpleReceiptTitle, IntakeText.SimpleReceiptThanks, IntakeText.SimpleReceiptKeepReference, IntakeText.SimpleReceiptKeepReferenceAnonymous,
            IntakeText.SimpleReceiptNextTitle, IntakeText.SimpleReceiptNext, IntakeText.SimpleReceiptNextUrgent, IntakeText.SimpleReceiptNamed,
            IntakeText.SimpleReceiptNamedNotSignedIn, IntakeText.SimpleReceiptConfidential, IntakeText.SimpleReceiptAnonymous,
            IntakeText.SimpleReceiptMeanwhileTitle, IntakeText.SimpleReceiptMeanwhile, IntakeText.SimpleReceiptSupportTitle,
            IntakeText.SimpleReceiptSupportIntro, IntakeText.SimpleReceiptSupportDefault, IntakeText.SimpleReceiptStatus,
            IntakeText.SimpleReceiptStatusAnonymous, IntakeText.SimpleReceiptEmergency, IntakeText.SimpleReceiptFallback)
        : new(IntakeText.ReceiptTitle, IntakeText.ReceiptThanks, IntakeText.ReceiptKeepReference, IntakeText.ReceiptKeepReferenceAnonymous,
            IntakeText.ReceiptNextTitle, IntakeText.ReceiptNext, IntakeText.ReceiptNextUrgent, IntakeText.ReceiptNamed,
            IntakeText.ReceiptNamedNotSignedIn, IntakeText.ReceiptConfidential, IntakeText.ReceiptAnonymous,
            IntakeText.ReceiptMeanwhileTitle, IntakeText.EvidenceAdvice, IntakeText.ReceiptSupportTitle,
            IntakeText.ReceiptSupportIntro, IntakeText.ReceiptSupportDefault, IntakeText.ReceiptStatus,
            IntakeText.ReceiptStatusAnonymous, IntakeText.ReceiptEmergency, IntakeText.ReceiptFallback);

    /// <summary>What the receipt says about being contacted, for the way the reporter chose to be known.</summary>
    public string Contact(IdentityChoice identity, bool hasSecret) => identity switch
    {
        // Named with a secret word: not signed in (a web page), so the way back is the page, or the contact they gave.
        IdentityChoice.Named when hasSecret => NamedNotSignedIn,
        IdentityChoice.Named => Named,
        IdentityChoice.Confidential => Confidential,
        _ => Anonymous,
    };
}
