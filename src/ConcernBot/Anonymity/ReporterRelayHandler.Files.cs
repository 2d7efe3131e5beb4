using ConcernBot.Channels.Turns;
using ConcernBot.Concerns;
using ConcernBot.Conversation;

namespace ConcernBot.Anonymity;

internal sealed partial class ReporterRelayHandler
{
    /// <summary>
    /// Files sent later, in a chat that sent a concern or checked in to one with its reference and secret word (its sealed
    /// links): they go to the newest open one. A chat in the middle of a new concern keeps them for the intake; a chat
    /// linked to nothing is not this handler's.
    /// </summary>
    private async Task<TurnOutcome?> FilesLaterAsync(ITurnContext turn, string conversationId, CancellationToken cancellationToken)
    {
        if ((await conversations.GetAsync(conversationId, cancellationToken))?.Value.Flow == Intake.IntakeConversation.FlowName)
        {
            return null;
        }

        Concern? open = null;
        foreach (var link in (await chats.GetAsync(conversationId, cancellationToken)).Links.Reverse())
        {
            if (await concerns.GetAsync(link.ConcernId, cancellationToken) is { Value.Status: not ConcernStatus.Closed } read)
            {
                open = read.Value;
                break;
            }
        }

        if (open is null)
        {
            return null;
        }

        var (kept, told) = await evidence.TakeNamedAsync(turn, open.Id, anonymous: open.Reporter.Choice != IdentityChoice.Named, cancellationToken);
        if (kept.Count > 0 && await relay.AddEvidenceAsync(open.Id, kept.Count, cancellationToken))
        {
            told += "\n\n" + Words.Format(Resources.Intake.FilesAddedLater, string.Join(", ", kept), open.Reference);
        }

        await turn.SendTextAsync(told, cancellationToken);
        return TurnOutcome.Done;
    }
}
