namespace ConcernBot.Leads;

/// <summary>Audit action codes of the leads' workflow (shown through Audit_* resources).</summary>
public static class LeadsAudit
{
    public const string System = "ConcernBot";

    public const string Posting = "leads.posting";
    public const string Reposting = "leads.reposting";
    public const string Routed = "leads.routed";
    public const string RoutedPrivately = "leads.routed.privately";
    public const string DetailViewed = "leads.detail.viewed";
    public const string HistoryViewed = "leads.history.viewed";
    public const string Refused = "leads.refused";
    public const string Acknowledged = "leads.acknowledged";
    public const string Assigned = "leads.assigned";
    public const string QuestionAsked = "leads.question.asked";
    public const string DecisionRecorded = "leads.decision.recorded";
    public const string NoteAdded = "leads.note.added";
    public const string Closed = "leads.closed";
    public const string SubjectRecorded = "leads.subject.recorded";
    public const string ReferralMade = "leads.referral.made";
    public const string ReferralAnswered = "leads.referral.answered";
    public const string Escalated = "leads.escalated";
    public const string EscalationReached = "leads.escalation.reached";
    public const string EscalationNotReached = "leads.escalation.notreached";
    public const string EscalationDrill = "leads.escalation.drill";
}
