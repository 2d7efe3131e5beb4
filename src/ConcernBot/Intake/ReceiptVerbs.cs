using ConcernBot.Channels.Cards;
using ConcernBot.Concerns;
using ConcernBot.Intake.Cards;

namespace ConcernBot.Intake;

/// <summary>The receipt's one button: "I've written it down: remove it", which takes the secret code out of the chat.</summary>
public static class ReceiptVerbs
{
    public const string RemoveSecret = "receipt.removesecret";

    /// <summary>What the receipt needs to be shown again without its secret (nothing the chat does not show already).</summary>
    public static CardData RemoveSecretData(ReceiptFacts receipt) => CardData.Verb(RemoveSecret)
        .With("reference", receipt.Reference)
        .With("urgent", receipt.Urgent)
        .With("identity", receipt.Identity.ToString())
        .With("simple", receipt.Simple);

    public static ReceiptFacts? FactsOf(Conversation.UserAction action) =>
        action.GetString("reference") is { Length: > 0 } reference && Enum.TryParse<IdentityChoice>(action.GetString("identity"), out var identity) && Enum.IsDefined(identity)
            ? new ReceiptFacts(reference, action.IsTrue("urgent"), identity, Simple: action.IsTrue("simple"), SecretRemoved: true)
            : null;
}
