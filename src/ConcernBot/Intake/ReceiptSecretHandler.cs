using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;
using ConcernBot.Intake.Cards;
using Microsoft.Extensions.Logging;
using Words = ConcernBot.Resources.Anonymity;

namespace ConcernBot.Intake;

/// <summary>
/// "I've written it down: remove it" on the receipt: the message with the secret code is deleted from the chat and the
/// receipt sent again without it. Where the channel cannot take a message off the screen (the web page), the person is
/// told so, and what to do instead.
/// </summary>
internal sealed partial class ReceiptSecretHandler(IntakeCards cards, IntakeSettings settings, ILogger<ReceiptSecretHandler> logger) : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        if (action?.Verb != ReceiptVerbs.RemoveSecret)
        {
            return TurnOutcome.NotHandled;
        }

        if (action.CardActivityId is not { Length: > 0 } receiptId || ReceiptVerbs.FactsOf(action) is not { } facts)
        {
            await turn.SendTextAsync(Words.SecretNotRemovable, cancellationToken);
            return TurnOutcome.Done;
        }

        bool removed;
        try
        {
            removed = await turn.DeleteAsync(receiptId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogDeleteFailed(logger, e.GetType().Name);
            await turn.SendTextAsync(Words.SecretRemoveFailed, cancellationToken);
            return TurnOutcome.Done;
        }

        if (removed)
        {
            await turn.SendCardAsync(cards.Receipt(facts, settings.Options.SupportContacts), cancellationToken);
        }
        else
        {
            await turn.SendTextAsync(Words.SecretNotRemovable, cancellationToken);
        }

        return TurnOutcome.Done;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Taking a receipt's secret code out of the chat failed ({Error}); the person was asked to try again")]
    private static partial void LogDeleteFailed(ILogger logger, string error);
}
