using ConcernBot.Concerns;

namespace ConcernBot.Leads;

/// <summary>How far a concern has got towards the leads, from its real state (for the reporter's status check).</summary>
public enum LeadsReachStage
{
    /// <summary>No leads' channel is set for its service: it waits safely in the outbox until an admin chooses one.</summary>
    WaitingForChannel,

    /// <summary>A channel is set but the card is not posted yet (an anonymous concern's short wait, or a retry).</summary>
    OnItsWay,

    /// <summary>The card was posted (in the channel, or privately for a concern about a lead).</summary>
    WithLeads,
}

/// <summary>Tells whether a concern's card reached the leads, and if not, why it is waiting.</summary>
public sealed class LeadsReach(LeadsChannels channels)
{
    public async Task<LeadsReachStage> OfAsync(Concern concern, CancellationToken cancellationToken)
    {
        // The router saves the posts before it completes the outbox message: posts mean the card was delivered.
        if (concern.Leads.Posts.Count > 0)
        {
            return LeadsReachStage.WithLeads;
        }

        return await channels.FindAsync(concern.ServiceId, cancellationToken) is null ? LeadsReachStage.WaitingForChannel : LeadsReachStage.OnItsWay;
    }

    /// <summary>True when no leads' channel is set for the default service (the fallback of every other).</summary>
    public async Task<bool> NoChannelAsync(CancellationToken cancellationToken) =>
        await channels.FindAsync(null, cancellationToken) is null;
}
