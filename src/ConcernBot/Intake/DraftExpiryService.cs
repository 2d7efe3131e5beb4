using System.Text.Json;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;
using ConcernBot.Storage;
using ConcernBot.Channels.Turns;
using Microsoft.Extensions.Options;

namespace ConcernBot.Intake;

/// <summary>
/// Abandoned drafts: a reminder the day before a draft expires, then the draft is deleted. Runs every
/// <see cref="IntakeOptions.ExpiryCheckInterval"/>; <see cref="RunOnceAsync"/> is one pass.
/// </summary>
internal sealed partial class DraftExpiryService(
    IConversationStore store, IReporterChat chats, IOptions<IntakeOptions> options, TimeProvider time, ILogger<DraftExpiryService> logger, IEvidenceStore? evidence = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.ExpiryCheckInterval, time, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // one failed pass must not stop the service; the next pass tries again
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPassFailed(logger, ex.GetType().Name);
            }
        }
    }

    /// <summary>Sends the reminders that are due and deletes the drafts that have expired; returns (reminded, deleted).</summary>
    public async Task<(int Reminded, int Deleted)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        int reminded = 0, deleted = 0;
        await foreach (var (conversationId, versioned) in store.ListExpiringAsync(now + options.Value.ReminderBefore, cancellationToken))
        {
            var state = versioned.Value;
            if (state.ExpiresAt is not { } expiresAt || state.Flow is null)
            {
                continue;
            }

            try
            {
                if (expiresAt <= now)
                {
                    await store.SaveAsync(conversationId, new ConversationState { RecentActivityIds = state.RecentActivityIds, UpdatedAt = now, Language = state.Language }, versioned.ETag, cancellationToken);
                    if (evidence is not null && state.Flow == IntakeConversation.FlowName && IntakeDraft.From(state.Data) is { FilesKept: > 0 } draft)
                    {
                        // The files of a concern never sent go with its draft.
                        await evidence.PurgeAsync(IntakeSubmission.ConcernIdFor(draft), cancellationToken);
                    }

                    deleted++;
                }
                else if (!state.ReminderSent && Reference(state) is { } reference)
                {
                    await store.SaveAsync(conversationId, state with { ReminderSent = true }, versioned.ETag, cancellationToken);
                    var message = reference.CreateMessage();
                    message.Text = IntakeText.DraftReminder;
                    await chats.SendAsync(reference, message, cancellationToken);
                    reminded++;
                }
            }
            catch (ConcurrencyConflictException)
            {
                // The person wrote at the same moment: their turn moved the expiry on.
            }
        }

        if (reminded + deleted > 0)
        {
            LogPass(logger, reminded, deleted);
        }

        return (reminded, deleted);
    }

    private static ConversationReference? Reference(ConversationState state)
    {
        try
        {
            return state.ReferenceJson is null ? null : JsonSerializer.Deserialize<ConversationReference>(state.ReferenceJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Drafts: {Reminded} reminded, {Deleted} deleted after expiry")]
    private static partial void LogPass(ILogger logger, int reminded, int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A draft expiry pass failed with {ExceptionType}")]
    private static partial void LogPassFailed(ILogger logger, string exceptionType);
}
