using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;
using ConcernBot.Leads;
using ConcernBot.Resources;

namespace ConcernBot.Welcome;

/// <summary>
/// Greets a person when they install the app, open the chat, or say hello, with what ConcernBot is for. An admin is also
/// told, then, when no leads' channel is chosen yet (concerns reach nobody until one is).
/// </summary>
internal sealed class WelcomeHandler(WelcomeCards cards, LeadsDirectory directory, LeadsReach reach) : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!turn.Facts.IsPrivate)
        {
            return TurnOutcome.NotHandled;
        }

        if ((activity.IsType(ActivityTypes.ConversationUpdate) && activity.BotWasAdded())
            || (action is null && activity.IsType(ActivityTypes.Message) && Greetings.IsGreeting(activity.Text)))
        {
            await turn.SendCardAsync(cards.Welcome(), cancellationToken);
            if (directory.IsAdmin(activity.From?.AadObjectId) && await reach.NoChannelAsync(cancellationToken))
            {
                await turn.SendTextAsync(ConcernBot.Resources.Leads.NoLeadsChannelForAdmin, cancellationToken);
            }

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
