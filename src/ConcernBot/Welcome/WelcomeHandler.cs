using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;
using ConcernBot.Resources;

namespace ConcernBot.Welcome;

/// <summary>Greets a person when they install the app, open the chat, or say hello, with what ConcernBot is for.</summary>
internal sealed class WelcomeHandler(WelcomeCards cards) : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!turn.Facts.IsPrivate)
        {
            return TurnOutcome.NotHandled;
        }

        if (activity.IsType(ActivityTypes.ConversationUpdate) && activity.BotWasAdded())
        {
            await turn.SendCardAsync(cards.Welcome(), cancellationToken);
            return TurnOutcome.Done;
        }

        if (action is null && activity.IsType(ActivityTypes.Message) && Greetings.IsGreeting(activity.Text))
        {
            await turn.SendCardAsync(cards.Welcome(), cancellationToken);
            return TurnOutcome.Done;
        }

        if (action?.Verb is WelcomeVerbs.Menu)
        {
            await turn.SendCardAsync(cards.Welcome(), cancellationToken);
            return TurnOutcome.Done;
        }

        return TurnOutcome.NotHandled;
    }

}

public static class WelcomeVerbs
{
    public const string Menu = "menu";
    public const string RaiseConcern = "intake.start";
    public const string Learn = "learn.start";
}
