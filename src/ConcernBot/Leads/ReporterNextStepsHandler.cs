using System.Text.RegularExpressions;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;
using ConcernBot.Storage;

namespace ConcernBot.Leads;

/// <summary>
/// In the 1:1 chat, "I'm not happy", "nothing has happened" and the like offer the next step: the escalation contact, then
/// the routes outside the organisation. (`status SG-...` is the intake's ConcernStatusHandler.)
/// </summary>
internal sealed partial class ReporterNextStepsHandler(IConversationStore conversations, ReporterMessages messages) : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (action is not null || !activity.IsType(ActivityTypes.Message) || !turn.Facts.IsPrivate
            || !UnhappyPattern().IsMatch(MessageText.Normalise(activity.Text))
            || await InAFlowAsync(activity, cancellationToken))
        {
            return TurnOutcome.NotHandled;
        }

        await turn.SendTextAsync(messages.NextSteps(), cancellationToken);
        return TurnOutcome.Done;
    }

    /// <summary>In the middle of raising a concern, "nothing has happened" is an answer, not a complaint.</summary>
    private async Task<bool> InAFlowAsync(Activity activity, CancellationToken cancellationToken) =>
        activity.Conversation?.Id is { } id && (await conversations.GetAsync(id, cancellationToken))?.Value.Flow is not null;


    [GeneratedRegex(@"^(i'?m not happy|i am not happy|not happy|unhappy|i'?m unhappy|nothing has happened|no one has done anything|nobody has done anything|no action|what can i do next|next steps?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex UnhappyPattern();
}
