namespace ConcernBot.Concerns;

/// <summary>
/// How the safeguarding leads are handling a concern: where its card was posted, who acted, their decisions and the outcome.
/// Lead names are kept here; the reporter's and the person at risk's never are.
/// </summary>
public sealed record LeadsCase
{
    /// <summary>Where the leads' card was posted: one channel thread, or 1:1 chats when the concern is about a lead.</summary>
    public IReadOnlyList<LeadsCardPost> Posts { get; init; } = [];

    public DateTimeOffset? RoutedAt { get; init; }

    /// <summary>
    /// Set just before the card is posted. Set with no <see cref="Posts"/>, an earlier attempt may have posted a card and
    /// failed before saving it: the next attempt's card says it replaces an earlier copy.
    /// </summary>
    public DateTimeOffset? PostingStartedAt { get; init; }

    /// <summary>The Teams user ids (29:...) of the leads who get the detail view (card refresh, at most 60).</summary>
    public IReadOnlyList<string> ViewerUserIds { get; init; } = [];

    /// <summary>True when the concern went privately to some leads because it is about someone in the leads' channel.</summary>
    public bool RoutedPrivately { get; init; }

    public DateTimeOffset? AcknowledgementDue { get; init; }
    public string? AcknowledgedBy { get; init; }
    public string? AssignedLeadName { get; init; }

    public IReadOnlyList<LeadDecision> Decisions { get; init; } = [];
    public IReadOnlyList<LeadNote> Notes { get; init; } = [];
    public IReadOnlyList<ReporterQuestion> Questions { get; init; } = [];
    public CloseOutcome? Outcome { get; init; }

    /// <summary>Referrals to other agencies (local authority, MASH, LADO, police, CQC), each with its own clock.</summary>
    public IReadOnlyList<AgencyReferral> Referrals { get; init; } = [];

    /// <summary>The escalation stages and reminders already sent (each fires once).</summary>
    public IReadOnlyList<string> EscalationsFired { get; init; } = [];

    /// <summary>Whom each escalation step tried to reach, and whether it did: the next person in the chain is told this.</summary>
    public IReadOnlyList<EscalationNotice> EscalationNotices { get; init; } = [];

    /// <summary>The last thing a lead did, shown on the card and to a lead whose change lost a race.</summary>
    public LeadActivity? LastActivity { get; init; }
}

public sealed record LeadsCardPost(string ServiceUrl, string ConversationId, string ActivityId, bool InChannel);

/// <summary>One person an escalation step tried to reach (by role and name), by which route, and whether it reached them.</summary>
public sealed record EscalationNotice(string Step, EscalationRole Role, string Name, bool Reached, string Route, DateTimeOffset At);

public enum EscalationRole
{
    Deputy,
    EscalationContact,
}

public sealed record LeadActivity(string Actor, string Action, DateTimeOffset At);

public sealed record LeadNote(string Author, DateTimeOffset At, string Text);

public sealed record ReporterQuestion(string AskedBy, DateTimeOffset At, string Text, string? Answer = null, DateTimeOffset? AnsweredAt = null);

/// <summary>A lead's decision with its reason, and the information-sharing decision with its reason (golden rule 7).</summary>
public sealed record LeadDecision(
    DecisionKind Kind,
    string Reason,
    SharingDecision Sharing,
    string SharingReason,
    string DecidedBy,
    DateTimeOffset DecidedAt);

public enum DecisionKind
{
    NoFurtherAction,
    InternalAction,
    LocalAuthorityCareActS42,
    ChildrensSocialCare,
    Lado,
    Police,
    CqcNotification,
    Other,
}

public enum SharingDecision
{
    SharedWithConsent,
    SharedWithoutConsent,
    NotShared,
    NotNeeded,
}

/// <summary>Making Safeguarding Personal outcome measures, recorded at close.</summary>
public sealed record CloseOutcome(OutcomesAchieved DesiredOutcomes, RiskOutcome Risk, string? ReporterMessage, string ClosedBy, DateTimeOffset ClosedAt);

public enum OutcomesAchieved
{
    Fully,
    Partially,
    NotAchieved,
    NoneExpressed,
}

public enum RiskOutcome
{
    Removed,
    Reduced,
    Remains,
}
