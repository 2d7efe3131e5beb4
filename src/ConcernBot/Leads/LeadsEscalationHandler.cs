using ConcernBot.Concerns;
using ConcernBot.Storage.Outbox;
using ConcernBot.Storage;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>
/// Delivers an escalation step by 1:1 message: to the deputies, then to the escalation contact. Every person named is
/// tried by every route there is (<see cref="EscalationRoutes"/>); each result is recorded on the concern as it happens (so
/// a retry never tells anyone twice), the next person hears who was told and who could not be reached, the leads' thread
/// hears of anyone who could not be reached, and when nobody in a step was reached the next step starts at once.
/// </summary>
internal sealed partial class LeadsEscalationHandler(
    IConcernStore store,
    LeadsDirectory directory,
    LeadsChannels channels,
    ITeamsLeads roster,
    EscalationRoutes routes,
    LeadsCards cards,
    LeadsClocks clocks,
    TimeProvider time,
    ILogger<LeadsEscalationHandler> logger) : IOutboxHandler
{
    public string Kind => LeadsOutbox.Escalation;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = LeadsOutbox.Read(message, LeadsJsonContext.Default.StagePayload);
        if (payload?.ConcernId is null || payload.Stage is not { } stage || await store.GetAsync(payload.ConcernId, cancellationToken) is not { } read)
        {
            return;
        }

        if (!StillDue(read.Value, stage))
        {
            return;
        }

        var concern = read.Value;
        var channel = await channels.FindAsync(concern.ServiceId, cancellationToken);
        var serviceUrl = channel?.ServiceUrl ?? (concern.Leads.Posts.Count > 0 ? concern.Leads.Posts[0].ServiceUrl : null)
            ?? throw new InvalidOperationException("No leads' channel is set: the escalation waits until one is.");
        var members = channel is null ? new Dictionary<string, ConcernBot.Channels.Teams.Connector.TeamsMember>() : await roster.ReadRosterAsync(channel.ServiceUrl, channel.ChannelId, cancellationToken);

        var toContact = stage == ReferralSteps.ChainOf(stage).Contact;
        if (toContact && ContactHandlesIt(concern))
        {
            // A concern about a lead that went to the escalation contact: they have it already, and had the reminder.
            return;
        }

        var role = toContact ? EscalationRole.EscalationContact : EscalationRole.Deputy;
        IReadOnlyList<LeadPerson> people = toContact
            ? directory.EscalationContact(concern) is { } contact ? [contact] : []
            : directory.Deputies(concern);

        foreach (var person in people.DistinctBy(p => p.Identity, StringComparer.Ordinal))
        {
            if (read.Value.Leads.EscalationNotices.Any(n => n.Step == stage && n.Role == role && n.Name == person.Name))
            {
                continue;
            }

            var (text, card) = What(read.Value, stage, person, members);
            var reach = await routes.ReachAsync(serviceUrl, concern.OrganisationId, person, members, text, card, cancellationToken);
            read = await RecordAsync(read, new EscalationNotice(stage, role, person.Name, reach.Reached, reach.Route, time.GetUtcNow()), card is null ? null : reach.Post, cancellationToken);
            if (!reach.Reached)
            {
                LogNotReached(logger, stage, role.ToString());
            }
        }

        await FinishStepAsync(read, stage, people.Count, cancellationToken);
    }

    /// <summary>An acknowledgement step while nobody has acknowledged it; a referral's step while its answer is still awaited.</summary>
    public static bool StillDue(Concern concern, string stage) =>
        concern.Status != ConcernStatus.Closed
        && (ReferralSteps.IsReferralStep(stage) ? ReferralSteps.Unanswered(concern, stage) is not null : concern.Status == ConcernStatus.Received);

    private bool ContactHandlesIt(Concern concern) =>
        directory.EscalationContact(concern) is { HasObjectId: true } contact && directory.FindAuthorised(concern, contact.ObjectId) is not null;

    /// <summary>A deputy in the channel is pointed to it; a deputy outside it gets the need-to-know card to act on here.</summary>
    private (string Text, System.Text.Json.JsonElement? Card) What(Concern concern, string stage, LeadPerson person, IReadOnlyDictionary<string, ConcernBot.Channels.Teams.Connector.TeamsMember> members)
    {
        var urgency = LeadsClocks.IsUrgent(concern) ? Words.UrgencyUrgent : Words.UrgencyNotUrgent;
        var due = clocks.Show(clocks.AcknowledgementDue(concern));
        var (deputiesStep, contactStep) = ReferralSteps.ChainOf(stage);
        var referral = ReferralSteps.Unanswered(concern, stage);
        if (stage == contactStep)
        {
            return referral is null
                ? (LeadsText.Format(Words.EscalationToContact, concern.Reference, urgency, due, WhoWasTold(concern, deputiesStep)), null)
                : (ReferralWords(Words.ReferralEscalationToContact, concern, referral, WhoWasTold(concern, deputiesStep)), null);
        }

        var inChannel = concern.Leads.Posts.Any(p => p.InChannel) && person.HasObjectId && members.ContainsKey(person.ObjectId);
        if (referral is not null)
        {
            return inChannel
                ? (ReferralWords(Words.ReferralEscalationToDeputies, concern, referral, null), null)
                : (ReferralWords(Words.ReferralEscalationToDeputiesHere, concern, referral, null), cards.NeedToKnow(concern));
        }

        return inChannel
            ? (LeadsText.Format(Words.EscalationToDeputies, concern.Reference, urgency, due), null)
            : (LeadsText.Format(Words.EscalationToDeputiesHere, concern.Reference, urgency, due), cards.NeedToKnow(concern));
    }

    /// <summary>A referral's words: the concern's reference, the agency, when it was referred and when the answer was due.</summary>
    private string ReferralWords(string format, Concern concern, AgencyReferral referral, string? whoWasTold) =>
        LeadsText.Format(format, concern.Reference, LeadsText.Label("Agency", referral.Agency), clocks.Show(referral.MadeAt), clocks.Show(referral.ResponseDue ?? referral.MadeAt), whoWasTold);

    /// <summary>The truth for the escalation contact: who was reminded, told, and could not be reached.</summary>
    private string WhoWasTold(Concern concern, string deputiesStep)
    {
        var deputies = concern.Leads.EscalationNotices.Where(n => n.Step == deputiesStep).ToList();
        var parts = new List<string> { concern.Leads.Posts.Any(p => p.InChannel) ? Words.EscalationLeadsRemindedInChannel : Words.EscalationLeadsRemindedPrivately };
        if (deputies.Count == 0)
        {
            parts.Add(directory.ForService(concern.ServiceId).Deputies.Count == 0 ? Words.EscalationNoDeputies : Words.EscalationDeputiesKeptOut);
        }

        if (deputies.Where(n => n.Reached).Select(n => n.Name).ToList() is { Count: > 0 } told)
        {
            parts.Add(LeadsText.Format(Words.EscalationDeputiesTold, string.Join(", ", told)));
        }

        if (deputies.Where(n => !n.Reached).Select(n => n.Name).ToList() is { Count: > 0 } missed)
        {
            parts.Add(LeadsText.Format(Words.EscalationDeputiesNotReached, string.Join(", ", missed)));
        }

        return string.Join(" ", parts);
    }

    /// <summary>Records one result (and a card posted to a deputy, so later updates reach it) with its audit entry.</summary>
    private async Task<Versioned<Concern>> RecordAsync(Versioned<Concern> read, EscalationNotice notice, LeadsCardPost? post, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry
        {
            Actor = LeadsAudit.System,
            At = notice.At,
            Action = notice.Reached ? LeadsAudit.EscalationReached : LeadsAudit.EscalationNotReached,
            Detail = $"step={notice.Step}; role={notice.Role}; name={notice.Name}; route={notice.Route}",
        };
        for (var attempt = 0; ; attempt++)
        {
            var leads = read.Value.Leads;
            var updated = read.Value with
            {
                Leads = leads with
                {
                    EscalationNotices = [.. leads.EscalationNotices, notice],
                    Posts = post is null ? leads.Posts : [.. leads.Posts, post],
                },
            };
            try
            {
                return new Versioned<Concern>(updated, await store.UpdateAsync(updated, read.ETag, entry, [], cancellationToken));
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                read = await store.GetAsync(read.Value.Id, cancellationToken) ?? throw new InvalidOperationException("The concern disappeared during escalation.");
            }
        }
    }

    /// <summary>Tells the leads' thread who could not be reached; when nobody was, the next step starts now.</summary>
    private async Task FinishStepAsync(Versioned<Concern> read, string stage, int named, CancellationToken cancellationToken)
    {
        var notices = read.Value.Leads.EscalationNotices.Where(n => n.Step == stage).ToList();
        var nobody = notices.All(n => !n.Reached);
        var (deputiesStep, contactStep) = ReferralSteps.ChainOf(stage);
        var referral = ReferralSteps.Unanswered(read.Value, stage);
        var bringForward = nobody && stage == deputiesStep && !read.Value.Leads.EscalationsFired.Contains(contactStep)
            && directory.EscalationContact(read.Value) is not null && !ContactHandlesIt(read.Value);
        var missed = notices.Where(n => !n.Reached).Select(n => n.Name).ToList();
        if (missed.Count == 0 && named > 0)
        {
            return;
        }

        var anyDeputies = directory.ForService(read.Value.ServiceId).Deputies.Count > 0;
        var text = named == 0
            ? NobodyNamed(stage == contactStep, anyDeputies, referral)
            : LeadsText.Format(Words.EscalationNotReachedInThread, string.Join(", ", missed), read.Value.Reference);
        if (bringForward)
        {
            text += " " + Words.EscalationNextStepNow;
        }

        var now = time.GetUtcNow();
        var threadStage = referral is null ? EscalationStep.NotReached : ReferralSteps.NotReached(referral);
        var thread = LeadsOutbox.Create(LeadsOutbox.Reminder, read.Value.Id, new StagePayload(read.Value.Id, threadStage, text), now, $"{read.Value.Id}:{stage}:not-reached");
        var outbox = new List<OutboxMessage> { thread };
        var updated = read.Value;
        if (bringForward)
        {
            updated = updated with { Leads = updated.Leads with { EscalationsFired = [.. updated.Leads.EscalationsFired, contactStep] } };
            updated = updated with { NextDeadline = clocks.NextDeadline(updated) };
            outbox.Add(LeadsOutbox.Create(LeadsOutbox.Escalation, updated.Id, new StagePayload(updated.Id, contactStep), now, $"{updated.Id}:{contactStep}"));
        }

        var entry = new AuditEntry
        {
            Actor = LeadsAudit.System,
            At = now,
            Action = bringForward ? LeadsAudit.Escalated + "." + contactStep : LeadsAudit.EscalationNotReached,
            Detail = bringForward ? $"brought forward: nobody reached at {stage}" : $"thread told: step={stage}; not reached={missed.Count}",
        };
        try
        {
            await store.UpdateAsync(updated, read.ETag, entry, outbox, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // A lead acted meanwhile (or another instance finished the step): the retry looks again with fresh eyes.
            throw new InvalidOperationException("The concern changed while its escalation step was finishing; the step is retried.");
        }

        if (bringForward)
        {
            LogBroughtForward(logger, stage);
        }
    }

    /// <summary>What the thread is told when a step had nobody to tell: no contact, deputies kept out, or no deputies.</summary>
    private static string NobodyNamed(bool contactStep, bool anyDeputies, AgencyReferral? referral) => (contactStep, anyDeputies, referral is null) switch
    {
        (true, _, true) => Words.EscalationNoContactInThread,
        (true, _, false) => Words.ReferralNoContactInThread,
        (false, true, true) => Words.EscalationDeputiesKeptOutInThread,
        (false, true, false) => Words.ReferralDeputiesKeptOutInThread,
        (false, false, true) => Words.EscalationNoDeputiesInThread,
        (false, false, false) => Words.ReferralNoDeputiesInThread,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation {Stage}: a {Role} could not be reached by any route")]
    private static partial void LogNotReached(ILogger logger, string stage, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation {Stage}: nobody was reached, so the next step starts now")]
    private static partial void LogBroughtForward(ILogger logger, string stage);
}
