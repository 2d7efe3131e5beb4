namespace ConcernBot.Concerns;

/// <summary>How the reporter chose to be known.</summary>
public enum IdentityChoice
{
    /// <summary>Their name is shared with the leads handling the concern.</summary>
    Named,

    /// <summary>Only the designated leads can see who they are; never on the channel card.</summary>
    Confidential,

    /// <summary>Nobody, including the leads and the store, can learn who they are.</summary>
    Anonymous,
}

/// <summary>
/// The reporter as stored with a concern. For an anonymous reporter it holds nothing that identifies them:
/// only the opaque token of a sealed reply route, stored apart.
/// </summary>
public sealed record ReporterIdentity
{
    public required IdentityChoice Choice { get; init; }

    /// <summary>Named reporters only.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Named reporters only.</summary>
    public string? AadObjectId { get; init; }

    /// <summary>Named reporters who were not signed in (a web page): how they asked to be contacted, as they typed it.</summary>
    public string? GivenContact { get; init; }

    /// <summary>Confidential reporters only: their identity, encrypted with a key that is not in the store.</summary>
    public string? ProtectedIdentity { get; init; }

    /// <summary>The opaque token of the sealed reply route (all choices); null once the reporter ends contact.</summary>
    public string? ReplyRouteToken { get; init; }

    /// <summary>The reporter said "stop contact": nothing more may reach them, whichever way they chose to be known.</summary>
    public bool ContactEnded { get; init; }

    public static ReporterIdentity Anonymous(string? replyRouteToken) => new() { Choice = IdentityChoice.Anonymous, ReplyRouteToken = replyRouteToken };
}

public enum ReporterRole
{
    StaffOrVolunteer,
    PersonUsingService,
    FamilyOrFriend,
    PreferNotToSay,
}
