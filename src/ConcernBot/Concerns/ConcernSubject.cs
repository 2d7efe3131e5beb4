namespace ConcernBot.Concerns;

/// <summary>Whether the concern is about someone in the organisation; feeds routing and conflict of interest.</summary>
public sealed record ConcernSubject
{
    public SubjectKind Kind { get; init; } = SubjectKind.NotAboutStaff;

    /// <summary>When the concern is about a safeguarding lead: the lead's Entra object id, so it never reaches them.</summary>
    public string? LeadAadObjectId { get; init; }

    /// <summary>When the concern is about a safeguarding lead: which one, as the reporter named or chose them.</summary>
    public string? LeadName { get; init; }

    /// <summary>A subject the lead records or corrects (a person or place), used to spot patterns.</summary>
    public string? RecordedSubject { get; init; }
}

public enum SubjectKind
{
    NotAboutStaff,
    StaffMember,
    Volunteer,
    SafeguardingLead,
    DontKnow,
}
