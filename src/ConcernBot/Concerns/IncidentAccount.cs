namespace ConcernBot.Concerns;

/// <summary>What happened, in the reporter's own words, and when and where.</summary>
public sealed record IncidentAccount
{
    public required string WhatHappened { get; init; }
    public DateOnly? WhenDate { get; init; }

    /// <summary>"Last Tuesday night", "over several months", or "not sure".</summary>
    public string? WhenDescription { get; init; }

    public string? Where { get; init; }
    public Answer StillHappening { get; init; } = Answer.DontKnow;
}
