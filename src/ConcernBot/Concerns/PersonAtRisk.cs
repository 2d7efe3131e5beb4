namespace ConcernBot.Concerns;

public sealed record PersonAtRisk
{
    public PersonAtRiskKind Kind { get; init; } = PersonAtRiskKind.NotKnown;

    /// <summary>A name or description; the reporter may leave it out.</summary>
    public string? Description { get; init; }

    /// <summary>For a child: whether they are already known to children's services.</summary>
    public ChildServicesStatus? ChildServicesStatus { get; init; }
}

public enum PersonAtRiskKind
{
    Child,
    AdultAtRisk,
    Reporter,
    StaffMember,
    MoreThanOnePerson,
    NotKnown,

    /// <summary>The simple path's "someone else": not the reporter, and not said whether a child or an adult.</summary>
    SomeoneElse,
}

/// <summary>Being clear about a child's status matters (the 6Cs: be CLEAR).</summary>
public enum ChildServicesStatus
{
    NotKnownToServices,
    EarlyHelp,
    ChildInNeed,
    ChildProtectionPlan,
    DontKnow,
}

public enum Answer
{
    Yes,
    No,
    DontKnow,
}
