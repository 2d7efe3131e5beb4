using System.Globalization;
using System.Text.Json;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;
using ConcernBot.Channels.Cards;

namespace ConcernBot.Intake.Cards;

public sealed partial class IntakeCards
{
    /// <summary>
    /// After submit: the reference, the secret word if there is one, what happens next and when, support, and how to check
    /// on it later. One card, so the receipt arrives whole or not at all.
    /// </summary>
    public JsonElement Receipt(ReceiptFacts receipt, IReadOnlyList<string> supportContacts)
    {
        var (reference, urgent, identity) = (receipt.Reference, receipt.Urgent, receipt.Identity);
        var card = new AdaptiveCard();
        if (receipt.Repeated)
        {
            card.Add(CardElement.Text(IntakeText.ReceiptRepeated, subtle: true));
        }

        card.Add(CardElement.Heading(IntakeText.ReceiptTitle))
            .Add(CardElement.Text(IntakeText.ReceiptThanks))
            .Add(CardElement.Facts([(IntakeText.ReceiptReferenceLabel, reference)]))
            .Add(CardElement.Text(identity == IdentityChoice.Anonymous ? IntakeText.ReceiptKeepReferenceAnonymous : IntakeText.ReceiptKeepReference));
        if (receipt.Secret is { } secret)
        {
            card.Add(CardElement.Text(Words.Format(Resources.Anonymity.SecretShownOnce, secret, reference), weight: TextWeight.Bolder))
                .Add(CardElement.Actions(CardAction.Submit(Resources.Anonymity.SecretRemoveButton, ReceiptVerbs.RemoveSecretData(receipt))));
        }
        else if (receipt.SecretRemoved)
        {
            card.Add(CardElement.Text(Resources.Anonymity.SecretRemoved, weight: TextWeight.Bolder));
        }

        if (receipt.Delayed)
        {
            card.Add(CardElement.Text(Resources.Anonymity.DelayTold));
        }

        card
            .Add(CardElement.Text(IntakeText.ReceiptNextTitle, weight: TextWeight.Bolder).WithSeparator())
            .Add(CardElement.Text(urgent ? IntakeText.ReceiptNextUrgent : IntakeText.ReceiptNext))
            .Add(CardElement.Text(identity switch
            {
                // Named with a secret word: not signed in (a web page), so the way back is the page, or the contact they gave.
                IdentityChoice.Named when receipt.Secret is not null => IntakeText.ReceiptNamedNotSignedIn,
                IdentityChoice.Named => IntakeText.ReceiptNamed,
                IdentityChoice.Confidential => IntakeText.ReceiptConfidential,
                _ => IntakeText.ReceiptAnonymous,
            }))
            .Add(CardElement.Text(IntakeText.ReceiptMeanwhileTitle, weight: TextWeight.Bolder).WithSeparator())
            .Add(CardElement.Text(IntakeText.EvidenceAdvice))
            .Add(CardElement.Text(IntakeText.ReceiptSupportTitle, weight: TextWeight.Bolder).WithSeparator());
        if (supportContacts.Count == 0)
        {
            card.Add(CardElement.Text(IntakeText.ReceiptSupportDefault));
        }
        else
        {
            card.Add(CardElement.Text(IntakeText.ReceiptSupportIntro));
            card.AddRange(supportContacts.Select(c => CardElement.Text("- " + c)));
        }

        return card
            .Add(CardElement.Text(identity == IdentityChoice.Anonymous ? IntakeText.ReceiptStatusAnonymous : Words.Format(IntakeText.ReceiptStatus, reference)).WithSeparator())
            .Add(CardElement.Text(IntakeText.ReceiptEmergency, subtle: true))
            .WithFallbackText(Words.Format(IntakeText.ReceiptFallback, reference))
            .ToJsonElement();
    }
}

/// <summary>What one receipt says: the concern's reference, urgency and identity choice, and what only the receipt carries.</summary>
/// <param name="Repeated">An earlier delivery may have arrived: the card says it repeats the receipt.</param>
/// <param name="SecretRemoved">The same receipt again after the person took the secret code out of the chat.</param>
public sealed record ReceiptFacts(string Reference, bool Urgent, IdentityChoice Identity, string? Secret = null, bool Delayed = false, bool Repeated = false, bool SecretRemoved = false);
