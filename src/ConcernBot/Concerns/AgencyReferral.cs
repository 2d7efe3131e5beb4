namespace ConcernBot.Concerns;

/// <summary>
/// A referral the leads made to another agency about a concern: to whom, when and by whom, the agency's own reference,
/// when its answer is due (where one applies), and what came back.
/// </summary>
public sealed record AgencyReferral(
    string Id,
    ReferralAgency Agency,
    DateTimeOffset MadeAt,
    string MadeBy,
    string? AgencyReference,
    DateTimeOffset? ResponseDue,
    string? Response = null,
    DateTimeOffset? RespondedAt = null,
    string? ResponseRecordedBy = null)
{
    public bool Answered => Response is not null;
}

/// <summary>The agencies a safeguarding concern is referred to.</summary>
public enum ReferralAgency
{
    /// <summary>The local authority's adult safeguarding team (Care Act 2014, section 42).</summary>
    AdultSafeguarding,

    /// <summary>Children's social care, or the multi-agency safeguarding hub (MASH).</summary>
    ChildrensServices,

    /// <summary>The local authority designated officer: an allegation about someone who works with children.</summary>
    Lado,

    Police,

    /// <summary>A statutory notification to the Care Quality Commission (without delay).</summary>
    CqcNotification,

    Other,
}
