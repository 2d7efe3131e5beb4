namespace ConcernBot.Workspace;

/// <summary>A label and what it says, as the detail view shows it.</summary>
public sealed record CaseFact(string Label, string Value);

/// <summary>One clock on a concern: when it is due, when it was met (if it was), and whether it has passed unmet.</summary>
public sealed record CaseClock(string Name, string Label, DateTimeOffset Due, DateTimeOffset? Met, bool Overdue, string Shown);

/// <summary>A line of the case list: need-to-know facts and the clocks, never what the reporter said.</summary>
public sealed record CaseListItem(
    string Reference,
    string Status,
    string StatusLabel,
    bool Urgent,
    string Urgency,
    IReadOnlyList<string> HarmKinds,
    string Service,
    string? AssignedLead,
    bool AssignedToMe,
    DateTimeOffset ReceivedAt,
    string Received,
    bool Overdue,
    IReadOnlyList<CaseClock> Clocks);

public sealed record CaseList(IReadOnlyList<CaseListItem> Cases, int Overdue);

/// <summary>One entry of the chronology: who did what, when, and why.</summary>
public sealed record ChronologyEntry(long Sequence, DateTimeOffset At, string When, string Actor, string Action, string? Reason);

/// <summary>A choice the page offers for an action (its value is what the card's input would carry).</summary>
public sealed record CaseChoice(string Value, string Label);

/// <summary>A referral to another agency as the case page shows it.</summary>
public sealed record CaseReferral(string Id, string Agency, string Made, string? TheirReference, string? MadeLate, string? Answer, bool Answered, CaseClock? Clock);

/// <summary>Everything the case page shows to an authorised lead.</summary>
public sealed record CaseFile(
    string Reference,
    string Status,
    string StatusLabel,
    bool Closed,
    string ETag,
    string? Notice,
    IReadOnlyList<CaseFact> Summary,
    IReadOnlyList<CaseClock> Clocks,
    string WhatHappened,
    IReadOnlyList<CaseFact> Detail,
    IReadOnlyList<CaseFact> DesiredOutcomes,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> Notes,
    IReadOnlyList<CaseFact> Outcome,
    IReadOnlyList<CaseReferral> Referrals,
    IReadOnlyList<ChronologyEntry> Chronology,
    bool RecordIntact,
    string RecordCheck,
    bool CanAskReporter,
    IReadOnlyList<CaseChoice> Leads,
    IReadOnlyList<CaseChoice> DecisionKinds,
    IReadOnlyList<CaseChoice> SharingDecisions,
    IReadOnlyList<CaseChoice> OutcomesAchieved,
    IReadOnlyList<CaseChoice> RiskOutcomes,
    IReadOnlyList<CaseChoice> Agencies);

/// <summary>A refusal or a problem, in plain words; nothing of any concern.</summary>
public sealed record WorkspaceMessage(string Message);
