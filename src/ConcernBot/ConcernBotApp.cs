using System.Globalization;
using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Cards;
using ConcernBot.Channels.Invoke;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;
using ConcernBot.Resources;

namespace ConcernBot;

/// <summary>
/// The bot: runs what every turn needs (the middleware, the reader's language, the turn's shared conversation read), then
/// offers the turn to each feature in the order of <see cref="TurnRoutes"/>, skipping routes for another channel.
/// </summary>
internal sealed partial class ConcernBotApp(IEnumerable<ITurnHandler> handlers, IEnumerable<ITurnMiddleware> middleware, Language.LanguagePreference languages, ILogger<ConcernBotApp> logger) : IBot
{
    private readonly IReadOnlyList<(TurnRoute Route, ITurnHandler Handler)> _routes = TurnRoutes.Resolve(handlers);
    private readonly ITurnMiddleware[] _middleware = [.. middleware];

    public async Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        foreach (var step in _middleware)
        {
            step.OnTurn(turn);
        }

        using var conversationReads = TurnConversationCache.BeginTurn();
        var language = Language.TurnLanguage.Begin(await languages.CultureForAsync(turn, cancellationToken));
        if (!ReferenceEquals(CultureInfo.CurrentUICulture, language.Culture))
        {
            CultureInfo.CurrentUICulture = language.Culture;
        }

        var action = UserAction.From(turn.Activity);

        var channel = turn.Activity.ChannelId;
        foreach (var (route, handler) in _routes)
        {
            if (route.Channel is not null && !string.Equals(route.Channel, channel, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            TurnOutcome outcome;
            try
            {
                outcome = await handler.HandleAsync(turn, action, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return await TryAgainShortlyAsync(turn, action, exception, cancellationToken);
            }

            if (outcome.Handled)
            {
                return outcome.InvokeResponse;
            }

            // A handler changed the turn's language (the language card) and passed the turn on: the rest speak it.
            if (!ReferenceEquals(CultureInfo.CurrentUICulture, language.Culture))
            {
                CultureInfo.CurrentUICulture = language.Culture;
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
        else if (turn.Facts.IsPrivate && IsUnansweredWords(turn.Activity))
        {
            // Someone may have typed their worry straight in: never leave them with silence.
            await turn.SendTextAsync(ConcernBot.Resources.Intake.NotUnderstood, cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// A feature failed (the store or a service it needs is down): nothing of the turn was saved, so the person is asked
    /// to try again in a moment, instead of silence. When even that cannot be sent, the channel gets the failure (500).
    /// </summary>
    private async Task<InvokeResponse?> TryAgainShortlyAsync(ITurnContext turn, UserAction? action, Exception failure, CancellationToken cancellationToken)
    {
        LogTurnFailed(logger, failure.GetType().Name);
        Telemetry.OperatorMetrics.TurnsFailed.Add(1);
        if (action?.IsInvoke == true)
        {
            return InvokeResponse.Error(503, "TryAgain", Strings.TryAgainShortly);
        }

        if (turn.Facts.IsPrivate)
        {
            try
            {
                await turn.SendCardAsync(TryAgainCard(), cancellationToken);
                return null;
            }
#pragma warning disable CA1031 // the original failure is what the channel is told about
            catch (Exception)
#pragma warning restore CA1031
            {
                LogApologyFailed(logger);
            }
        }

        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return null;
    }

    private static JsonElement TryAgainCard() => new AdaptiveCard()
        .Add(CardElement.Text(Strings.TryAgainShortly, wrap: true))
        .WithFallbackText(Strings.TryAgainShortly)
        .ToJsonElement();

    private static bool IsUnansweredWords(Activity activity) =>
        activity.IsType(ActivityTypes.Message) && MessageText.Normalise(activity.Text).Length > 0;

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn failed ({ExceptionType}); the person was asked to try again shortly")]
    private static partial void LogTurnFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking the person to try again failed too; the channel is told the turn failed")]
    private static partial void LogApologyFailed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "No feature handles a card action (verb of {VerbLength} characters)")]
    private static partial void LogUnknownAction(ILogger logger, int verbLength);
}
