using ConcernBot.Concerns;
using ConcernBot.Storage;
using ConcernBot.Storage.Outbox;
using ConcernBot.Teams.Connector;

namespace ConcernBot.Leads;

/// <summary>
/// Routing at submit: a new thread in the leads' channel with the need-to-know card. A concern about someone in the leads'
/// channel goes by 1:1 message to the other leads (or the escalation contact) instead, and never to that person.
/// </summary>
internal sealed partial class ConcernRouter(
    IConcernStore store,
    LeadsChannels channels,
    LeadsDirectory directory,
    LeadsRoster roster,
    LeadsMessenger messenger,
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

        var members = await roster.ReadAsync(channel.ServiceUrl, channel.ChannelId, cancellationToken);
        var leads = directory.AuthorisedLeads(concern);
        var viewers = leads.Select(l => LeadsRoster.UserIdOf(l, members)).OfType<string>().Distinct(StringComparer.Ordinal).Take(MaxViewers).ToList();
        var subjectInChannel = concern.Subject.LeadAadObjectId is { } subject && members.ContainsKey(subject);

        var now = time.GetUtcNow();
        var routed = concern with
        {
            Leads = concern.Leads with
            {
                RoutedAt = now,
                RoutedPrivately = subjectInChannel,
                ViewerUserIds = viewers,
                AcknowledgementDue = clocks.AcknowledgementDue(concern),
            },
        };
        var card = cards.NeedToKnow(routed);

        List<LeadsCardPost> posts;
        if (!subjectInChannel)
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
            Action = subjectInChannel ? LeadsAudit.RoutedPrivately : LeadsAudit.Routed,
            Detail = $"posts={posts.Count}",
        };
        var notify = LeadsOutbox.Create(LeadsOutbox.ReporterNotify, concern.Id, new ReporterNotifyPayload(concern.Id, ReporterNotifyKinds.Received), now, $"{concern.Id}:notify:received");
        await SaveAsync(current, routed, entry, notify, cancellationToken);
    }

    private async Task<List<LeadsCardPost>> PostPrivatelyAsync(Concern concern, LeadsChannel channel, IReadOnlyDictionary<string, TeamsMember> members, System.Text.Json.JsonElement card, CancellationToken cancellationToken)
    {
        var recipients = directory.AuthorisedLeads(concern).Select(l => LeadsRoster.UserIdOf(l, members)).OfType<string>().ToList();
        if (recipients.Count == 0 && directory.EscalationContact(concern) is { } contact && LeadsRoster.UserIdOf(contact, members) is { } contactId)
        {
            recipients.Add(contactId);
        }

        if (recipients.Count == 0)
        {
            throw new InvalidOperationException("The concern is about someone in the leads' channel and nobody else can be reached: set user ids for the leads or the escalation contact.");
        }

        var posts = new List<LeadsCardPost>();
        foreach (var userId in recipients.Distinct(StringComparer.Ordinal))
        {
            posts.Add(await messenger.PostPrivateAsync(channel.ServiceUrl, concern.OrganisationId, userId, card, cancellationToken));
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

    [LoggerMessage(Level = LogLevel.Information, Message = "A concern about someone in the leads' channel went privately to {Count} people")]
    private static partial void LogRoutedPrivately(ILogger logger, int count);
}
