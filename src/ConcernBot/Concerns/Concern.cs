namespace ConcernBot.Concerns;

/// <summary>
/// A safeguarding concern as the reporter submitted it, and where it stands now. Times are UTC.
/// Stored as one document; the store indexes <see cref="Id"/>, <see cref="Reference"/>, <see cref="OrganisationId"/>,
/// <see cref="Status"/>, <see cref="NextDeadline"/> and <see cref="ReporterReference"/>.
/// </summary>
public sealed record Concern
{
    public required string Id { get; init; }

    /// <summary>The short, readable, unguessable reference the reporter is given, e.g. SG-7K3-Q9P.</summary>
    public required string Reference { get; init; }

    /// <summary>The organisation (Entra tenant id) the concern belongs to; patterns and reports never cross it.</summary>
    public required string OrganisationId { get; init; }

    /// <summary>The service or site whose leads receive it, where an organisation has several.</summary>
    public string? ServiceId { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }
    public ConcernStatus Status { get; init; } = ConcernStatus.Received;
    public bool Urgent { get; init; }
    public bool ImmediateDanger { get; init; }

    public required ReporterIdentity Reporter { get; init; }
    public ReporterRole ReporterRole { get; init; } = ReporterRole.PreferNotToSay;

    /// <summary>
    /// An opaque key by which a reporter's concerns can be listed (a hash of the named or confidential reporter's id);
    /// null for an anonymous reporter.
    /// </summary>
    public string? ReporterReference { get; init; }

    public required PersonAtRisk PersonAtRisk { get; init; }
    public required IncidentAccount Account { get; init; }
    public IReadOnlyList<HarmKind> HarmKinds { get; init; } = [];
    public ConcernSubject Subject { get; init; } = new();
    public DesiredOutcomes DesiredOutcomes { get; init; } = new();
    public InformationSharing InformationSharing { get; init; } = new();

    /// <summary>What the reporter has already done to keep people safe or keep evidence.</summary>
    public string? ActionsAlreadyTaken { get; init; }

    /// <summary>How many photos and documents are kept with it (in the evidence store; only the leads open them).</summary>
    public int EvidenceCount { get; init; }

    /// <summary>After closing: what the reporter (and the person at risk, through them) said about the outcome. Asked once.</summary>
    public ReporterFeedback? ReporterFeedback { get; init; }

    /// <summary>The earliest deadline still open (acknowledgement, feedback, LADO referral); drives escalation.</summary>
    public DateTimeOffset? NextDeadline { get; init; }

    public string? AssignedLeadId { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The leads' handling: card posts, decisions, notes, questions, escalations.</summary>
    public LeadsCase Leads { get; init; } = new();
}

public enum ConcernStatus
{
    Received,
    Acknowledged,
    InProgress,
    Closed,
}
