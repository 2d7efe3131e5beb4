using ConcernBot.Concerns;
using ConcernBot.Conversation;
using ConcernBot.Storage;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>What a lead's action changes: the new concern, its audit line and outbox messages; or why nothing changed.</summary>
public sealed record LeadsChange(Concern? Updated, AuditEntry? Entry, IReadOnlyList<OutboxMessage> Outbox, string Notice)
{
    public bool Changed => Updated is not null;

    public static LeadsChange Unchanged(string notice) => new(null, null, [], notice);
}

/// <summary>
/// The lead actions on the card, as pure changes to a concern. The first thing a lead does also acknowledges the concern,
/// so a concern someone is handling never escalates.
/// </summary>
public sealed class LeadsActions(LeadsClocks clocks, LeadsDirectory directory)
{
    public LeadsChange Apply(string verb, Concern concern, LeadPerson lead, UserAction action, DateTimeOffset now)
    {
        if (concern.Status == ConcernStatus.Closed)
        {
            return LeadsChange.Unchanged(LeadsText.Format(Words.AlreadyClosed, concern.Leads.Outcome?.ClosedBy ?? Words.ALead, clocks.Show(concern.ClosedAt ?? now)));
        }

        return verb switch
        {
            LeadsVerbs.Acknowledge => Acknowledge(concern, lead, now),
            LeadsVerbs.Assign => Assign(concern, lead, action, now),
            LeadsVerbs.Ask => Ask(concern, lead, action, now),
            LeadsVerbs.Decide => Decide(concern, lead, action, now),
            LeadsVerbs.Note => Note(concern, lead, action, now),
            LeadsVerbs.Close => Close(concern, lead, action, now),
            LeadsVerbs.RecordSubject => RecordSubject(concern, lead, action, now),
            LeadsVerbs.Refer => Refer(concern, lead, action, now),
            LeadsVerbs.ReferralReply => ReferralReply(concern, lead, action, now),
            _ => LeadsChange.Unchanged(Words.UnknownLeadAction),
        };
    }

    private LeadsChange Acknowledge(Concern concern, LeadPerson lead, DateTimeOffset now)
    {
        if (concern.Status != ConcernStatus.Received)
        {
            return LeadsChange.Unchanged(LeadsText.Format(Words.AlreadyAcknowledged, concern.Leads.AcknowledgedBy ?? Words.ALead, clocks.Show(concern.AcknowledgedAt ?? now)));
        }

        var outbox = new List<OutboxMessage>();
        var updated = Acknowledged(concern, lead, now, outbox);
        return Done(updated, lead, LeadsAudit.Acknowledged, null, null, outbox, now, Words.DoneAcknowledged);
    }

    private LeadsChange Assign(Concern concern, LeadPerson lead, UserAction action, DateTimeOffset now)
    {
        var wanted = action.GetString(LeadsVerbs.Inputs.Assignee);
        var assignee = wanted is null or LeadsVerbs.Me ? lead : directory.FindAuthorised(concern, wanted);
        if (assignee is null)
        {
            return LeadsChange.Unchanged(Words.AssigneeNotALead);
        }

        var outbox = new List<OutboxMessage>();
        var updated = Acknowledged(concern, lead, now, outbox) with { AssignedLeadId = assignee.ObjectId };
        updated = updated with { Leads = updated.Leads with { AssignedLeadName = assignee.Name } };
        return Done(updated, lead, LeadsAudit.Assigned, assignee.Name, null, outbox, now, LeadsText.Format(Words.DoneAssigned, assignee.Name));
    }

    private LeadsChange Ask(Concern concern, LeadPerson lead, UserAction action, DateTimeOffset now)
    {
        if (!LeadsCards.CanAskReporter(concern))
        {
            return LeadsChange.Unchanged(Words.AskNotPossible);
        }

        if (Input(action, LeadsVerbs.Inputs.Question, LeadsCards.MaxQuestionLength) is not { } question)
        {
            return LeadsChange.Unchanged(LeadsText.Format(Words.InputMissing, Words.InputQuestion, LeadsCards.MaxQuestionLength));
        }

        var outbox = new List<OutboxMessage>();
        var updated = Acknowledged(concern, lead, now, outbox);
        updated = updated with { Leads = updated.Leads with { Questions = [.. updated.Leads.Questions, new ReporterQuestion(lead.Name, now, question)] } };
        var number = updated.Leads.Questions.Count;
        outbox.Add(LeadsOutbox.Create(LeadsOutbox.ReporterQuestion, concern.Id, new ReporterQuestionPayload(concern.Id, number, question), now));
        return Done(updated, lead, LeadsAudit.QuestionAsked, question, null, outbox, now, Words.DoneAsked);
    }

    private LeadsChange Decide(Concern concern, LeadPerson lead, UserAction action, DateTimeOffset now)
    {
        var reason = Input(action, LeadsVerbs.Inputs.DecisionReason, LeadsCards.MaxReasonLength);
        var sharingReason = Input(action, LeadsVerbs.Inputs.SharingReason, LeadsCards.MaxReasonLength);
        if (!Enum.TryParse<DecisionKind>(action.GetString(LeadsVerbs.Inputs.Decision), out var kind)
            || !Enum.TryParse<SharingDecision>(action.GetString(LeadsVerbs.Inputs.Sharing), out var sharing)
            || reason is null
            || sharingReason is null)
        {
            return LeadsChange.Unchanged(Words.DecisionIncomplete);
        }

        var outbox = new List<OutboxMessage>();
        var updated = Acknowledged(concern, lead, now, outbox) with { Status = ConcernStatus.InProgress };
        var decision = new LeadDecision(kind, reason, sharing, sharingReason, lead.Name, now);
        updated = updated with { Leads = updated.Leads with { Decisions = [.. updated.Leads.Decisions, decision] } };
        var detail = $"decision={kind}; sharing={sharing}";
        return Done(updated, lead, LeadsAudit.DecisionRecorded, reason + " | " + sharingReason, detail, outbox, now, Words.DoneDecided);
    }

    private LeadsChange Note(Concern concern, LeadPerson lead, UserAction action, DateTimeOffset now)
    {
        if (Input(action, LeadsVerbs.Inputs.Note, LeadsCards.MaxReasonLength) is not { } note)
        {
            return LeadsChange.Unchanged(LeadsText.Format(Words.InputMissing, Words.InputNote, LeadsCards.MaxReasonLength));
        }

        var outbox = new List<OutboxMessage>();
        var updated = Acknowledged(concern, lead, now, outbox);
        updated = updated with { Leads = updated.Leads with { Notes = [.. updated.Leads.Notes, new LeadNote(lead.Name, now, note)] } };
        return Done(updated, lead, LeadsAudit.NoteAdded, note, null, outbox, now, Words.DoneNote);
    }

    private LeadsChange Close(Concern concern, LeadPerson lead, UserAction action, DateTimeOffset now)
    {
        if (!Enum.TryParse<OutcomesAchieved>(action.GetString(LeadsVerbs.Inputs.OutcomeDesired), out var desired)
            || !Enum.TryParse<RiskOutcome>(action.GetString(LeadsVerbs.Inputs.OutcomeRisk), out var risk))
        {
            return LeadsChange.Unchanged(Words.CloseIncomplete);
        }

        var message = Input(action, LeadsVerbs.Inputs.ReporterMessage, LeadsCards.MaxQuestionLength);
        var outbox = new List<OutboxMessage>();
        var updated = Acknowledged(concern, lead, now, outbox) with { Status = ConcernStatus.Closed, ClosedAt = now };
        updated = updated with { Leads = updated.Leads with { Outcome = new CloseOutcome(desired, risk, message, lead.Name, now) } };
        outbox.Add(LeadsOutbox.Create(LeadsOutbox.ReporterNotify, concern.Id, new ReporterNotifyPayload(concern.Id, ReporterNotifyKinds.Closed, message), now, $"{concern.Id}:notify:closed"));
        (updated, var followUp) = Learning.FollowUp.Ask(updated, action.GetString(Learning.FollowUp.Inputs.AskPersonAtRisk) == "true", now);
        if (followUp is not null)
        {
            outbox.Add(followUp with { NotBefore = now.AddMinutes(1) }); // after the "closed" message
        }

        return Done(updated, lead, LeadsAudit.Closed, message, $"outcomes={desired}; risk={risk}", outbox, now, Words.DoneClosed);
    }

    /// <summary>What the lead records as the person or place the concern is about: what patterns are matched on.</summary>
    private LeadsChange RecordSubject(Concern concern, LeadPerson lead, UserAction action, DateTimeOffset now)
    {
        var subject = Input(action, LeadsVerbs.Inputs.RecordedSubject, Learning.LearningLimits.MaxRecordedLength);
        var location = Input(action, LeadsVerbs.Inputs.RecordedLocation, Learning.LearningLimits.MaxRecordedLength);
        if (subject is null && location is null)
        {
            return LeadsChange.Unchanged(LeadsText.Format(Resources.Learning.SubjectMissing, Learning.LearningLimits.MaxRecordedLength));
        }

        var outbox = new List<OutboxMessage>();
        var updated = Acknowledged(concern, lead, now, outbox);
        updated = updated with { Subject = updated.Subject with { RecordedSubject = subject, RecordedLocation = location } };
        return Done(updated, lead, LeadsAudit.SubjectRecorded, null, null, outbox, now, Resources.Learning.DoneSubject);
    }

    /// <summary>A referral to another agency: which, when (now unless given, never before the concern or in the future), their reference.</summary>
    private LeadsChange Refer(Concern concern, LeadPerson lead, UserAction action, DateTimeOffset now)
    {
        var reference = Input(action, LeadsVerbs.Inputs.AgencyReference, LeadsCards.MaxQuestionLength);
        var at = action.GetString(LeadsVerbs.Inputs.ReferredAt) is { Length: > 0 } given ? ReferredAt(given)
            : action.GetString(LeadsVerbs.Inputs.ReferredOn) is { Length: > 0 } day ? ReferredOn(day, concern, now)
            : now;
        if (!Enum.TryParse<ReferralAgency>(action.GetString(LeadsVerbs.Inputs.Agency), out var agency)
            || !Enum.IsDefined(agency)
            || at is null
            || at < concern.ReceivedAt - TimeSpan.FromMinutes(1)
            || at > now + TimeSpan.FromMinutes(5))
        {
            return LeadsChange.Unchanged(Words.ReferralIncomplete);
        }

        var outbox = new List<OutboxMessage>();
        var updated = Acknowledged(concern, lead, now, outbox);
        var referral = new AgencyReferral($"r{concern.Leads.Referrals.Count + 1}", agency, at.Value, lead.Name, reference, clocks.ReferralResponseDue(agency, at.Value));
        updated = updated with { Leads = updated.Leads with { Referrals = [.. updated.Leads.Referrals, referral] } };
        var detail = $"referral={referral.Id}; agency={agency}; at={at.Value.UtcDateTime:O}";
        return Done(updated, lead, LeadsAudit.ReferralMade, reference, detail, outbox, now, LeadsText.Format(Words.DoneReferred, LeadsText.Label("Agency", agency)));
    }

    /// <summary>What came back from an agency, on the referral it answers.</summary>
    private LeadsChange ReferralReply(Concern concern, LeadPerson lead, UserAction action, DateTimeOffset now)
    {
        var id = action.GetString(LeadsVerbs.Inputs.ReferralId);
        var response = Input(action, LeadsVerbs.Inputs.ReferralResponse, LeadsCards.MaxReasonLength);
        var referral = concern.Leads.Referrals.FirstOrDefault(r => r.Id == id);
        if (referral is null || response is null)
        {
            return LeadsChange.Unchanged(LeadsText.Format(Words.InputMissing, Words.InputReferralResponse, LeadsCards.MaxReasonLength));
        }

        var outbox = new List<OutboxMessage>();
        var updated = Acknowledged(concern, lead, now, outbox);
        var answered = referral with { Response = response, RespondedAt = now, ResponseRecordedBy = lead.Name };
        updated = updated with { Leads = updated.Leads with { Referrals = [.. updated.Leads.Referrals.Select(r => r.Id == referral.Id ? answered : r)] } };
        return Done(updated, lead, LeadsAudit.ReferralAnswered, response, $"referral={referral.Id}; agency={referral.Agency}", outbox, now, Words.DoneReferralReply);
    }

    /// <summary>A time the lead typed: an HTML datetime-local (yyyy-MM-ddTHH:mm) in the organisation's time zone, or ISO 8601 with its offset.</summary>
    private DateTimeOffset? ReferredAt(string given)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        if (DateTime.TryParseExact(given, "yyyy-MM-dd'T'HH:mm", invariant, System.Globalization.DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, clocks.Hours.Zone.GetUtcOffset(local)).ToUniversalTime();
        }

        return DateTimeOffset.TryParse(given, invariant, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;
    }

    /// <summary>
    /// The day the card gives (yyyy-MM-dd, no time): today is now; an earlier day is its midday in the organisation's time
    /// zone, kept between the concern's arrival and now. A day before the concern's or after today is refused (null).
    /// </summary>
    private DateTimeOffset? ReferredOn(string given, Concern concern, DateTimeOffset now)
    {
        if (!DateOnly.TryParseExact(given, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
        {
            return null;
        }

        var zone = clocks.Hours.Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var received = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(concern.ReceivedAt, zone).DateTime);
        if (day > today || day < received)
        {
            return null;
        }

        if (day == today)
        {
            return now;
        }

        var midday = day.ToDateTime(new TimeOnly(12, 0));
        var at = new DateTimeOffset(midday, zone.GetUtcOffset(midday)).ToUniversalTime();
        return at < concern.ReceivedAt ? concern.ReceivedAt : at;
    }

    private static Concern Acknowledged(Concern concern, LeadPerson lead, DateTimeOffset now, List<OutboxMessage> outbox)
    {
        if (concern.Status != ConcernStatus.Received)
        {
            return concern;
        }

        outbox.Add(LeadsOutbox.Create(LeadsOutbox.ReporterNotify, concern.Id, new ReporterNotifyPayload(concern.Id, ReporterNotifyKinds.Acknowledged), now, $"{concern.Id}:notify:acknowledged"));
        return concern with
        {
            Status = ConcernStatus.Acknowledged,
            AcknowledgedAt = now,
            Leads = concern.Leads with { AcknowledgedBy = lead.Name },
        };
    }

    private LeadsChange Done(Concern updated, LeadPerson lead, string auditAction, string? reason, string? detail, List<OutboxMessage> outbox, DateTimeOffset now, string notice)
    {
        updated = updated with { Leads = updated.Leads with { LastActivity = new LeadActivity(lead.Name, auditAction, now) } };
        updated = updated with { NextDeadline = clocks.NextDeadline(updated) };
        var entry = new AuditEntry { Actor = lead.Name, At = now, Action = auditAction, Reason = reason, Detail = detail };
        return new LeadsChange(updated, entry, outbox, notice);
    }

    private static string? Input(UserAction action, string name, int maxLength) =>
        action.GetString(name) is { } value && value.Trim() is { Length: > 0 } trimmed && trimmed.Length <= maxLength ? trimmed : null;
}
