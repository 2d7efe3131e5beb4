using System.Text.Json.Nodes;
using ConcernBot.Anonymity;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Invoke;
using ConcernBot.Channels.Turns;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using ConcernBot.Leads;
using ConcernBot.Storage.Outbox;
using ConcernBot.Storage;
using W = ConcernBot.Resources.Learning;

namespace ConcernBot.Learning;

/// <summary>
/// Delivers the follow-up question card to the reporter's 1:1 chat: through the sealed reply route when there is one (every
/// anonymous reporter, and everyone raised through the intake), else a named or confidential reporter's chat by their id.
/// </summary>
internal sealed class FollowUpHandler(IConcernStore store, ReporterDelivery delivery, ReplyRoutes routes, LearningCards cards) : IOutboxHandler
{
    public string Kind => FollowUp.Kind;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = JsonNode.Parse(message.Payload);
        if (payload?["concernId"]?.GetValue<string>() is not { } concernId || payload["token"]?.GetValue<string>() is not { } token
            || await store.GetAsync(concernId, cancellationToken) is not { Value: var concern }
            || concern.ReporterFeedback is not { AnsweredAt: null } feedback)
        {
            return;
        }

        var card = cards.FollowUpQuestion(concern.Reference, concern.Id, token, feedback.IncludesPersonAtRisk);
        if (concern.Reporter.ReplyRouteToken is { } route)
        {
            var delivered = await routes.SendAsync(route, new Activity { Type = ActivityTypes.Message, Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
            if (delivered == RouteDelivery.Unreadable)
            {
                // Retried by the outbox with growing delays: the key ring may be restored. Gone: they ended contact.
                throw new InvalidOperationException("The reply route cannot be opened with the current key ring.");
            }

            return;
        }

        if (concern.Reporter.Choice == IdentityChoice.Anonymous)
        {
            return; // no route: they ended contact, and nothing else may reach them
        }

        await delivery.DeliverCardWithoutRouteAsync(concern, card, cancellationToken);
    }
}

/// <summary>
/// The reporter's answer from the follow-up card: stored with the concern and audited, once. The card uses Action.Submit,
/// which every channel a reporter may use renders (a message with the inputs); an Action.Execute invoke from a card sent
/// before is answered too.
/// </summary>
internal sealed partial class FollowUpAnswerHandler(IConcernStore store, LearningCards cards, TimeProvider time, ILogger<FollowUpAnswerHandler> logger) : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        if (action is not { Verb: FollowUp.Verb })
        {
            return TurnOutcome.NotHandled;
        }

        var (card, text) = await AnswerAsync(action, cancellationToken);
        if (action.IsInvoke)
        {
            return TurnOutcome.Invoke(card is { } c ? InvokeResponse.Card(c) : InvokeResponse.Message(text!));
        }

        // Action.Submit: the answer is a new message in the reporter's chat (every channel can show that; not all can update).
        _ = card is { } shown ? await turn.SendCardAsync(shown, cancellationToken) : await turn.SendTextAsync(text!, cancellationToken);
        return TurnOutcome.Done;
    }

    /// <summary>What the reporter is shown: a card, or words.</summary>
    private async Task<(System.Text.Json.JsonElement? Card, string? Text)> AnswerAsync(UserAction action, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var read = action.GetString("concernId") is { } id ? await store.GetAsync(id, cancellationToken) : null;
            if (read is null || !FollowUp.Matches(read.Value.ReporterFeedback, action.GetString("token")))
            {
                return (null, W.FollowUpNotFound);
            }

            var concern = read.Value;
            if (concern.ReporterFeedback!.AnsweredAt is not null)
            {
                return (cards.FollowUpAlreadyAnswered(concern.Reference), null);
            }

            if (!Enum.TryParse<FeedbackOutcome>(action.GetString(FollowUp.Inputs.Outcome), out var outcome) || !Enum.IsDefined(outcome))
            {
                return (null, W.FollowUpIncomplete);
            }

            bool? listened = action.GetString(FollowUp.Inputs.Listened) switch { "yes" => true, "no" => false, _ => null };
            var comment = action.GetString(FollowUp.Inputs.Comment)?.Trim() is { Length: > 0 } c ? c[..Math.Min(c.Length, FollowUp.MaxCommentLength)] : null;
            var now = time.GetUtcNow();
            var updated = concern with
            {
                ReporterFeedback = concern.ReporterFeedback with { AnsweredAt = now, OutcomesAchieved = outcome, FeltListenedTo = listened, Comment = comment },
            };
            var entry = new AuditEntry
            {
                Actor = concern.Reporter.Choice == IdentityChoice.Anonymous ? W.ActorAnonymousReporter : W.ActorReporter,
                At = now,
                Action = FollowUp.AnsweredAction,
                Detail = $"outcomes={outcome}; listened={listened?.ToString() ?? "not said"}; comment={(comment is null ? "no" : "yes")}",
            };
            try
            {
                await store.UpdateAsync(updated, read.ETag, entry, [], cancellationToken);
                return (cards.FollowUpThanks(concern.Reference), null);
            }
            catch (ConcurrencyConflictException)
            {
                LogRetry(logger);
            }
        }

        return (null, W.FollowUpTryAgain);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The concern changed while a follow-up answer was saved; reading it again")]
    private static partial void LogRetry(ILogger logger);
}
