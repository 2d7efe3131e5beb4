namespace ConcernBot.Concerns;

/// <summary>Making Safeguarding Personal: what the person at risk wants, in their words.</summary>
public sealed record DesiredOutcomes
{
    public Answer PersonKnowsConcernRaised { get; init; } = Answer.DontKnow;
    public string? WhatPersonWants { get; init; }
    public string? WhatReporterWants { get; init; }
    public string? WhoPersonWantsInvolved { get; init; }

    /// <summary>The Safeguarding Adults Collection's terms.</summary>
    public DesiredOutcomesRecorded Recorded { get; init; } = DesiredOutcomesRecorded.DontKnow;
}

public enum DesiredOutcomesRecorded
{
    AskedAndExpressed,
    AskedNoneExpressed,
    NotAsked,
    DontKnow,
}

/// <summary>Golden rules 4 and 7: share with consent where possible; record why when sharing without it.</summary>
public sealed record InformationSharing
{
    public ConsentToShare Consent { get; init; } = ConsentToShare.NotAsked;

    /// <summary>Without agreement: why the reporter thinks it must still be shared.</summary>
    public string? ReasonWithoutConsent { get; init; }
}

public enum ConsentToShare
{
    Yes,
    No,
    NotAsked,
    CannotBeAsked,
}
