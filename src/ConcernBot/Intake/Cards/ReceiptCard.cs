using System.Globalization;
using System.Text.Json;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;
using ConcernBot.Channels.Cards;

namespace ConcernBot.Intake.Cards;

public sealed partial class IntakeCards
{
    /// <summary>After submit: the reference, what happens next and when, support, and how to check on it later.</summary>
    public JsonElement Receipt(string reference, bool urgent, IdentityChoice identity, IReadOnlyList<string> supportContacts)
    {
        var card = new AdaptiveCard()
            .Add(CardElement.Heading(IntakeText.ReceiptTitle))
            .Add(CardElement.Text(IntakeText.ReceiptThanks))
            .Add(CardElement.Facts([(IntakeText.ReceiptReferenceLabel, reference)]))
            .Add(CardElement.Text(identity == IdentityChoice.Anonymous ? IntakeText.ReceiptKeepReferenceAnonymous : IntakeText.ReceiptKeepReference))
            .Add(CardElement.Text(IntakeText.ReceiptNextTitle, weight: TextWeight.Bolder).WithSeparator())
            .Add(CardElement.Text(urgent ? IntakeText.ReceiptNextUrgent : IntakeText.ReceiptNext))
            .Add(CardElement.Text(identity switch
            {
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
