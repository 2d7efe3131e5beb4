using ConcernBot.Conversation;
using ConcernBot.Resources;
using ConcernBot.Teams.Turns;

namespace ConcernBot.Welcome;

/// <summary>Until the guided conversation lands: the welcome card's two buttons say the feature is on its way.</summary>
internal sealed class ComingSoonHandler : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        if (action?.Verb is not (WelcomeVerbs.RaiseConcern or WelcomeVerbs.Learn))
        {
            return TurnOutcome.NotHandled;
        }

        await turn.SendTextAsync(Strings.FeatureOnItsWay, cancellationToken);
        return TurnOutcome.Done;
    }
}
