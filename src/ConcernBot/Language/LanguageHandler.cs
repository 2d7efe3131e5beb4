using System.Globalization;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;
using ConcernBot.Storage;
using Words = ConcernBot.Resources.Strings;

namespace ConcernBot.Language;

/// <summary>
/// "language" in a person's own chat: the language card; pressing a language keeps it in the conversation state, so the
/// rest of the talk (and the draft) goes on in it. The leads' side stays in the organisation's language.
/// </summary>
internal sealed class LanguageHandler(IConversationStore conversations, TimeProvider time) : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        if (!turn.Facts.IsPrivate || turn.Activity.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            return TurnOutcome.NotHandled;
        }

        if (action?.Verb == LanguageCard.Verb)
        {
            if (Languages.Match(action.GetString(LanguageCard.LanguageField)) is not { } chosen)
            {
                await turn.SendCardAsync(LanguageCard.Choose(), cancellationToken);
                return TurnOutcome.Done;
            }

            var inAFlow = await KeepAsync(conversationId, chosen, cancellationToken);
            TurnLanguage.Change(chosen);
            await turn.SendTextAsync(Words.LanguageChanged, cancellationToken);

            // In the middle of a concern, its conversation shows the question the person was on, now in their language.
            return inAFlow ? TurnOutcome.NotHandled : TurnOutcome.Done;
        }

        if (action is null && turn.Activity.IsType(ActivityTypes.Message) && IsLanguageCommand(turn.Activity.Text))
        {
            await turn.SendCardAsync(LanguageCard.Choose(), cancellationToken);
            return TurnOutcome.Done;
        }

        return TurnOutcome.NotHandled;
    }

    /// <summary>Keeps the choice; true when the person is in the middle of a flow.</summary>
    private async Task<bool> KeepAsync(string conversationId, CultureInfo chosen, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await conversations.GetAsync(conversationId, cancellationToken);
            var state = (stored?.Value ?? new ConversationState()) with { Language = chosen.Name, UpdatedAt = time.GetUtcNow() };
            try
            {
                await conversations.SaveAsync(conversationId, state, stored?.ETag, cancellationToken);
                return state.Flow is not null;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // Saved by another turn meanwhile: read again, nothing of theirs is overwritten.
            }
        }
    }

    /// <summary>The word for "language" in any of the offered languages: a person may not read the one they are in.</summary>
    private static bool IsLanguageCommand(string? text) => LanguageCommand.Match(text);

    private static readonly CommandWords LanguageCommand = new(Words.ResourceManager, nameof(Words.WordsLanguage));
}
