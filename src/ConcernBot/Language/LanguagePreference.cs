using System.Globalization;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;
using ConcernBot.Storage;
using Microsoft.Extensions.Options;

namespace ConcernBot.Language;

/// <summary>
/// The language a turn is answered in: in a person's own chat, the one they chose (kept in the conversation state, so
/// with their draft) or else their client's; in the leads' channel, the organisation's.
/// </summary>
internal sealed partial class LanguagePreference(IConversationStore conversations, IOptions<LanguageOptions> options, ILogger<LanguagePreference> logger)
{
    public async Task<CultureInfo> CultureForAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        if (!turn.Facts.IsPrivate)
        {
            return options.Value.OrganisationCulture;
        }

        if (turn.Activity.Conversation?.Id is { Length: > 0 } conversationId)
        {
            try
            {
                // The turn's one read of the conversation: the features that follow share it.
                if ((await conversations.GetAsync(conversationId, cancellationToken))?.Value.Language is { } chosen && Languages.Match(chosen) is { } culture)
                {
                    return culture;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The store is down: answer in the client's language; the feature that needs the store says so.
                LogUnreadable(logger, exception.GetType().Name);
            }
        }

        return Languages.For(turn.Activity.Locale);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The chosen language could not be read ({ExceptionType}); using the client's")]
    private static partial void LogUnreadable(ILogger logger, string exceptionType);
}
