using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;
using ConcernBot.Storage;
using ConcernBot.Storage.Outbox;
using Microsoft.Extensions.Options;

namespace ConcernBot.Intake;

/// <summary>
/// The intake's turn: one read of the conversation state, the plan, one ETag-guarded save, the replies, then the receipt
/// if the turn submitted. A replayed activity (the Bot Service retries what it got no answer for) is recognised by its id
/// and changes nothing; a replayed Submit answers as the first did.
/// </summary>
internal sealed partial class IntakeHandler(
    IConversationStore store, IntakeConversation conversation, Cards.IntakeCards cards, OutboxDispatcher outbox, IOptions<IntakeOptions> options, TimeProvider time, ILogger<IntakeHandler> logger,
    IConcernStore concerns, IEvidenceStore evidence) : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!activity.IsType(ActivityTypes.Message) || !turn.Facts.IsPrivate || activity.Conversation?.Id is not { } conversationId
            || (action is not null && (action.IsInvoke || !(action.Verb.StartsWith(IntakeVerbs.Prefix, StringComparison.Ordinal) || action.Verb == IntakeVerbs.LanguageChosen))))
        {
            return TurnOutcome.NotHandled;
        }

        for (var attempt = 1; ; attempt++)
        {
            var stored = await store.GetAsync(conversationId, cancellationToken);
            var state = stored?.Value ?? new ConversationState();
            if (ActivityReplay.IsReplay(state, activity.Id))
            {
                LogReplay(logger);
                if (IsSubmit(action) && await conversation.PlanAsync(new ConversationState(), activity, turn.Facts, action, cancellationToken) is { } again)
                {
                    await ReplyAsync(turn, again, null, cancellationToken);
                }

                return TurnOutcome.Done;
            }

            var plan = (action is null && turn.FileCount > 0 ? await conversation.PlanFilesAsync(state, turn, cancellationToken) : null)
                ?? await conversation.PlanAsync(state, activity, turn.Facts, action, cancellationToken);
            if (plan is null)
            {
                return TurnOutcome.NotHandled;
            }

            try
            {
                if (plan.Forget)
                {
                    await store.DeleteAsync(conversationId, cancellationToken);
                }
                else
                {
                    await store.SaveAsync(conversationId, ActivityReplay.Remember(Next(state, plan, turn), activity.Id), stored?.ETag, cancellationToken);
                }
            }
            catch (ConcurrencyConflictException) when (attempt < 2)
            {
                LogConflict(logger);
                continue;
            }

            await ForgetUnsentFilesAsync(state, plan, cancellationToken);
            await ReplyAsync(turn, plan, action, cancellationToken);
            return TurnOutcome.Done;
        }
    }

    /// <summary>A draft with files that was cancelled or started again, not sent: its files go with it.</summary>
    private async Task ForgetUnsentFilesAsync(ConversationState before, TurnPlan plan, CancellationToken cancellationToken)
    {
        if (before.Flow == IntakeConversation.FlowName && IntakeDraft.From(before.Data) is { FilesKept: > 0 } old && plan.Draft?.Id != old.Id
            && await concerns.GetAsync(IntakeSubmission.ConcernIdFor(old), cancellationToken) is null)
        {
            await evidence.PurgeAsync(IntakeSubmission.ConcernIdFor(old), cancellationToken);
        }
    }

    private static bool IsSubmit(UserAction? action) => action?.Verb == IntakeVerbs.Submit;

    private async Task ReplyAsync(ITurnContext turn, TurnPlan plan, UserAction? action, CancellationToken cancellationToken)
    {
        if (plan.Answered is { } answered && action is { IsInvoke: false, CardActivityId: { Length: > 0 } cardId })
        {
            try
            {
                await turn.UpdateCardAsync(cardId, cards.Answered(answered), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The answer is saved and the talk goes on; the old card just keeps its buttons (pressing one reopens it).
                LogEchoFailed(logger, e.GetType().Name);
            }
        }

        foreach (var reply in plan.Replies)
        {
            if (reply.Card is { } card)
            {
                await turn.SendCardAsync(card, cancellationToken);
            }
            else if (reply.Text is { } text)
            {
                await turn.SendTextAsync(text, cancellationToken);
            }
        }

        if (plan.DeliverNow is { } message)
        {
            // Not the request's token: once the claim is taken the delivery should finish, or be released for a retry.
            await outbox.DeliverNowAsync(message, CancellationToken.None);
        }
    }

    private ConversationState Next(ConversationState state, TurnPlan plan, ITurnContext turn)
    {
        var now = time.GetUtcNow();
        var recent = state.RecentActivityIds;
        if (plan.Draft is null)
        {
            // Nothing of the draft is kept: no flow, no data, no way back to the conversation.
            return new ConversationState { RecentActivityIds = recent, UpdatedAt = now, Language = state.Language };
        }

        return new ConversationState
        {
            Flow = IntakeConversation.FlowName,
            Step = plan.Step,
            Data = plan.Draft.ToJson(),
            RecentActivityIds = recent,
            // Without the last message's id: a reminder does not need it, and with it every turn would seal a new reference.
            ReferenceJson = turn.Reference is { } reference ? JsonSerializer.Serialize(reference with { ActivityId = null }) : state.ReferenceJson,
            UpdatedAt = now,
            ExpiresAt = now + options.Value.DraftLifetime,
            ReminderSent = false,
            Language = state.Language,
        };
    }


    [LoggerMessage(Level = LogLevel.Warning, Message = "Replacing an answered card with its answer failed ({Error}); the turn went on")]
    private static partial void LogEchoFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored a replayed activity")]
    private static partial void LogReplay(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The conversation state changed during a turn; trying the turn again")]
    private static partial void LogConflict(ILogger logger);
}
