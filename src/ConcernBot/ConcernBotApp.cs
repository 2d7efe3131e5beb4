using System.Globalization;
using ConcernBot.Conversation;
using ConcernBot.Resources;
using ConcernBot.Teams.Activities;
using ConcernBot.Teams.Invoke;
using ConcernBot.Teams.Turns;

namespace ConcernBot;

/// <summary>The bot: sets the reader's language, then offers the turn to each feature in order.</summary>
internal sealed partial class ConcernBotApp(IEnumerable<ITurnHandler> handlers, ILogger<ConcernBotApp> logger) : IBot
{
    private static readonly CultureInfo DefaultCulture = CultureInfo.GetCultureInfo("en-GB");

    public async Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        CultureInfo.CurrentUICulture = CultureFor(turn.Activity.Locale);
        using var conversationReads = TurnConversationCache.BeginTurn();
        var action = UserAction.From(turn.Activity);

        foreach (var handler in handlers)
        {
            var outcome = await handler.HandleAsync(turn, action, cancellationToken);
            if (outcome.Handled)
            {
                return outcome.InvokeResponse;
            }
        }

        if (action is not null)
        {
            LogUnknownAction(logger, action.Verb.Length);
            if (action.IsInvoke)
            {
                return InvokeResponse.Error(400, "UnknownAction", Strings.UnknownAction);
            }

            await turn.SendTextAsync(Strings.UnknownAction, cancellationToken);
        }
        else if (IsUnansweredWords(turn.Activity))
        {
            // Someone may have typed their worry straight in: never leave them with silence.
            await turn.SendTextAsync(ConcernBot.Resources.Intake.NotUnderstood, cancellationToken);
        }

        return null;
    }

    private static bool IsUnansweredWords(Activity activity) =>
        activity.IsType(ActivityTypes.Message)
        && activity.Conversation?.ConversationType is null or "personal"
        && activity.Conversation?.IsGroup != true
        && MessageText.Normalise(activity.Text).Length > 0;

    private static CultureInfo CultureFor(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale) || locale.Length > 20)
        {
            return DefaultCulture;
        }

        try
        {
            return CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            return DefaultCulture;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No feature handles a card action (verb of {VerbLength} characters)")]
    private static partial void LogUnknownAction(ILogger logger, int verbLength);
}
