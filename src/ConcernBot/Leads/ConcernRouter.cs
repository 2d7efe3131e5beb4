using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Concerns;
using ConcernBot.Storage.Outbox;
using ConcernBot.Storage;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>
/// Routing at submit: a new thread in the leads' channel with the need-to-know card. A concern about a lead never goes into
/// a channel (a lead may be in it, or join it later): it goes by 1:1 message to the people who may handle it (the other
/// leads; for a lead the reporter did not name, the escalation contact or the deputies), and never to that lead.
/// </summary>
internal sealed partial class ConcernRouter(
    IConcernStore store,
    LeadsChannels channels,
    LeadsDirectory directory,
    ITeamsLeads messenger,
    EscalationRoutes routes,
    LeadsCards cards,
    LeadsClocks clocks,
    LeadsOrganisations organisations,
    TimeProvider time,
    ILogger<ConcernRouter> logger) : IOutboxHandler
{
    private const int MaxViewers = 60;

    public string Kind => LeadsOutbox.ConcernSubmitted;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var concernId = LeadsOutbox.ConcernIdOf(message);
        var current = concernId is null ? null : await store.GetAsync(concernId, cancellationToken);
        if (current is null)
        {
            LogNoConcern(logger);
            return;
        }

        if (current.Value.Leads.Posts.Count > 0)
        {
            return;
        }

        var concern = current.Value;
        var channel = await channels.FindAsync(concern.ServiceId, cancellationToken)
            ?? throw new InvalidOperationException("No leads' channel is set yet: the concern waits in the outbox until one is.");
        await organisations.RememberAsync(concern.OrganisationId, cancellationToken);

        var members = await messenger.ReadRosterAsync(channel.ServiceUrl, channel.ChannelId, cancellationToken);
        var leads = directory.AuthorisedLeads(concern);
        var viewers = leads.Select(l => LeadsRoster.UserIdOf(l, members)).OfType<string>().Distinct(StringComparer.Ordinal).Take(MaxViewers).ToList();
        var privately = LeadsDirectory.IsAboutALead(concern);

        var now = time.GetUtcNow();

        // The connector cannot list a channel's messages, so a post that happened before a crash cannot be found again.
        // Recording the attempt first lets a retry say so on its card (and in the audit) instead of a silent duplicate.
        var mayHavePosted = concern.Leads.PostingStartedAt is not null;
        concern = concern with { Leads = concern.Leads with { PostingStartedAt = now } };
        var marked = new AuditEntry { Actor = LeadsAudit.System, At = now, Action = mayHavePosted ? LeadsAudit.Reposting : LeadsAudit.Posting, Detail = $"outbox={message.Id}" };
        current = new Versioned<Concern>(concern, await store.UpdateAsync(concern, current.ETag, marked, [], cancellationToken));

        var routed = concern with
        {
            Leads = concern.Leads with
            {
                RoutedAt = now,
                RoutedPrivately = privately,
                ViewerUserIds = viewers,
                AcknowledgementDue = clocks.AcknowledgementDue(concern),
            },
        };
        var card = cards.NeedToKnow(routed, mayHavePosted ? Words.CardReplacesEarlierCopy : null);

        List<LeadsCardPost> posts;
        if (!privately)
        {
            posts = [await messenger.PostThreadAsync(channel, card, cancellationToken)];
        }
        else
        {
            posts = await PostPrivatelyAsync(routed, channel, members, card, cancellationToken);
        }

        routed = routed with { Leads = routed.Leads with { Posts = posts } };
        routed = routed with { NextDeadline = clocks.NextDeadline(routed) };
        var entry = new AuditEntry
        {
            Actor = LeadsAudit.System,
            At = now,
            Action = privately ? LeadsAudit.RoutedPrivately : LeadsAudit.Routed,
            Detail = $"posts={posts.Count}",
        };
        var notify = LeadsOutbox.Create(LeadsOutbox.ReporterNotify, concern.Id, new ReporterNotifyPayload(concern.Id, ReporterNotifyKinds.Received), now, $"{concern.Id}:notify:received");
        await SaveAsync(current, routed, entry, notify, cancellationToken);
    }

    private async Task<List<LeadsCardPost>> PostPrivatelyAsync(Concern concern, LeadsChannel channel, IReadOnlyDictionary<string, TeamsMember> members, System.Text.Json.JsonElement card, CancellationToken cancellationToken)
    {
        // Who may handle it is the directory's one rule (for the only lead, or an unnamed one: the policy's recipients).
        var recipients = directory.AuthorisedLeads(concern);

        var posts = new List<LeadsCardPost>();
        foreach (var person in recipients)
        {
            if ((await routes.ReachAsync(channel.ServiceUrl, concern.OrganisationId, person, members, null, card, cancellationToken)).Post is { } post)
            {
                posts.Add(post);
            }
        }

        if (posts.Count == 0)
        {
            // Never into the channel instead: it waits in the outbox (and is retried) until someone who may see it is reached.
            LogNobodyReached(logger, recipients.Count);
            throw new InvalidOperationException("The concern is about a lead and nobody who may handle it could be reached yet.");
        }

        LogRoutedPrivately(logger, posts.Count);
        return posts;
    }

    /// <summary>Keeps the posts even if the concern changed meanwhile (it is re-read and the posts applied again).</summary>
    private async Task SaveAsync(Versioned<Concern> read, Concern routed, AuditEntry entry, OutboxMessage notify, CancellationToken cancellationToken)
    {
        var etag = read.ETag;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await store.UpdateAsync(routed, etag, entry, [notify], cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                var fresh = await store.GetAsync(routed.Id, cancellationToken) ?? throw new InvalidOperationException("The concern disappeared while it was being routed.");
                routed = fresh.Value with { Leads = fresh.Value.Leads with { Posts = routed.Leads.Posts, RoutedAt = routed.Leads.RoutedAt, RoutedPrivately = routed.Leads.RoutedPrivately, ViewerUserIds = routed.Leads.ViewerUserIds, AcknowledgementDue = routed.Leads.AcknowledgementDue } };
                routed = routed with { NextDeadline = clocks.NextDeadline(routed) };
                etag = fresh.ETag;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A submitted concern could not be found to route")]
    private static partial void LogNoConcern(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "A concern about a lead could not reach any of the {Count} people who may handle it; it waits in the outbox")]
    private static partial void LogNobodyReached(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "A concern about a lead went privately to {Count} people")]
    private static partial void LogRoutedPrivately(ILogger logger, int count);
}
