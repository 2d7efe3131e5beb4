using System.Globalization;
using ConcernBot.Anonymity;
using ConcernBot.Channels.Activities;
using ConcernBot.Intake.Cards;
using ConcernBot.Storage;
using ConcernBot.Storage.Outbox;

namespace ConcernBot.Intake;

/// <summary>
/// Delivers the receipt to the reporter's chat through the concern's sealed reply route, in one activity (the card holds
/// the secret word too), so it arrives whole or not at all. A delivery that was cut off before (it may have arrived)
/// says on the card that it repeats the receipt.
/// </summary>
internal sealed partial class ReceiptDelivery(
    IConcernStore concerns, ReporterReceipt receipts, ReplyRoutes routes, IntakeCards cards, IntakeSettings settings, ILogger<ReceiptDelivery> logger) : IOutboxHandler
{
    public string Kind => ReporterReceipt.Kind;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (message.ConcernId is not { } concernId || await concerns.GetAsync(concernId, cancellationToken) is not { Value: var concern })
        {
            LogNoConcern(logger);
            return;
        }

        // Unreadable with this key ring: retried with growing delays, as the key ring may be restored.
        var details = receipts.Open(message) ?? throw new InvalidOperationException("The receipt cannot be opened with the current key ring.");
        if (concern.Reporter.ReplyRouteToken is not { } token)
        {
            LogNoRoute(logger);
            return;
        }

        var secret = details.Secret;
        var reader = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(details.Culture);
        Activity receipt;
        try
        {
            var card = cards.Receipt(new ReceiptFacts(concern.Reference, concern.Urgent, concern.Reporter.Choice, secret, details.Delayed, message.EarlierDeliveryCutOff, details.Simple), settings.Options.SupportContacts);
            receipt = new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] };
        }
        finally
        {
            CultureInfo.CurrentUICulture = reader;
        }

        if (await routes.SendAsync(token, receipt, cancellationToken) == RouteDelivery.Unreadable)
        {
            throw new InvalidOperationException("The reply route cannot be opened with the current key ring.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A receipt's concern is gone (purged); nothing to deliver")]
    private static partial void LogNoConcern(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A receipt's concern has no reply route; nothing can reach the reporter")]
    private static partial void LogNoRoute(ILogger logger);
}
