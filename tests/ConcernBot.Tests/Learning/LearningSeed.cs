using ConcernBot.Concerns;
using ConcernBot.Storage;

namespace ConcernBot.Tests.Learning;

/// <summary>
/// A known set of concerns for the third quarter of 2026 (1 July to 30 September), with the figures they must give, and
/// concerns that must not count: before and after the quarter, another organisation, another service.
/// </summary>
internal static class LearningSeed
{
    public const string Org = "org-riverside";
    public const string OtherOrg = "org-hillview";
    public const string OtherService = "oak";

    /// <summary>An anonymous reporter's identity, made up and distinctive, placed wherever it could leak.</summary>
    public static readonly string[] AnonymousMarkers =
    [
        "Ottoline Quarrendon", "aad-QX-0099-ottoline", "prot-ZZTOP-ottoline", "route-ZEBRA-QUILL-4471", "rref-ottoline-7781",
        "29:ottoline-teams-user", "a:ottoline-chat",
    ];

    public static readonly DateTimeOffset Now = At(2026, 10, 5, 9, 0);

    public static DateTimeOffset At(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    public static IReadOnlyList<Concern> All { get; } =
    [
        // c1: staff, named, urgent; acknowledged after 30 minutes (15 were due); a s42 referral; closed fully achieved.
        Make("c1", At(2026, 7, 3, 9, 0), ReporterRole.StaffOrVolunteer, [HarmKind.Physical, HarmKind.NeglectOrActsOfOmission]) with
        {
            Urgent = true,
            Status = ConcernStatus.Closed,
            AcknowledgedAt = At(2026, 7, 3, 9, 30),
            ClosedAt = At(2026, 8, 1, 12, 0),
            DesiredOutcomes = new DesiredOutcomes { Recorded = DesiredOutcomesRecorded.AskedAndExpressed, WhatPersonWants = "To feel safe at night" },
            Leads = Case(At(2026, 7, 3, 9, 15), [DecisionKind.LocalAuthorityCareActS42], new CloseOutcome(OutcomesAchieved.Fully, RiskOutcome.Removed, null, "Asha Patel", At(2026, 8, 1, 12, 0))),
            ReporterFeedback = Answered(At(2026, 8, 2, 10, 0), FeedbackOutcome.Fully, true),
            Subject = new ConcernSubject { RecordedLocation = "Rose Unit" },
        },

        // c2: a person using the service, confidential; acknowledged in 2 hours (in time); closed with none expressed.
        Make("c2", At(2026, 7, 10, 10, 0), ReporterRole.PersonUsingService, [HarmKind.FinancialOrMaterial], IdentityChoice.Confidential) with
        {
            Status = ConcernStatus.Closed,
            AcknowledgedAt = At(2026, 7, 10, 12, 0),
            ClosedAt = At(2026, 9, 1, 12, 0),
            DesiredOutcomes = new DesiredOutcomes { Recorded = DesiredOutcomesRecorded.AskedNoneExpressed },
            Leads = Case(At(2026, 7, 10, 14, 0), [DecisionKind.InternalAction], new CloseOutcome(OutcomesAchieved.NoneExpressed, RiskOutcome.Reduced, null, "Asha Patel", At(2026, 9, 1, 12, 0))),
            ReporterFeedback = new ReporterFeedback { AskedAt = At(2026, 9, 1, 12, 5) },
        },

        // c3: anonymous (its role is never counted); acknowledged after 6 hours (4 were due); police and LADO; partly achieved.
        Make("c3", At(2026, 8, 5, 8, 0), ReporterRole.StaffOrVolunteer, [HarmKind.NeglectOrActsOfOmission], IdentityChoice.Anonymous) with
        {
            Status = ConcernStatus.Closed,
            AcknowledgedAt = At(2026, 8, 5, 14, 0),
            ClosedAt = At(2026, 9, 20, 12, 0),
            DesiredOutcomes = new DesiredOutcomes { Recorded = DesiredOutcomesRecorded.NotAsked },
            Leads = Case(At(2026, 8, 5, 12, 0), [DecisionKind.Police, DecisionKind.Lado], new CloseOutcome(OutcomesAchieved.Partially, RiskOutcome.Remains, null, "Dee Morgan", At(2026, 9, 20, 12, 0))) with
            {
                Questions = [new ReporterQuestion("Dee Morgan", At(2026, 8, 6, 9, 0), "Which night was it?", "Ottoline Quarrendon here, it was Tuesday", At(2026, 8, 6, 10, 0))],
                ViewerUserIds = ["29:lead-asha"],
            },
            ReporterFeedback = Answered(At(2026, 9, 21, 10, 0), FeedbackOutcome.NotAchieved, false, "Nobody told me what happened next"),
            Subject = new ConcernSubject { Kind = SubjectKind.StaffMember, RecordedSubject = "Night staff, Rose Unit" },
        },

        // c4: family or friend; acknowledged in 10 minutes (in time); still open.
        Make("c4", At(2026, 9, 15, 11, 0), ReporterRole.FamilyOrFriend, [HarmKind.Physical]) with
        {
            Status = ConcernStatus.Acknowledged,
            AcknowledgedAt = At(2026, 9, 15, 11, 10),
            DesiredOutcomes = new DesiredOutcomes { Recorded = DesiredOutcomesRecorded.AskedAndExpressed },
            Leads = Case(At(2026, 9, 15, 15, 0), [], null),
        },

        // c5: staff, no kind of harm chosen; never acknowledged and its deadline has passed.
        Make("c5", At(2026, 9, 29, 16, 0), ReporterRole.StaffOrVolunteer, []) with
        {
            Leads = Case(At(2026, 9, 30, 10, 0), [], null),
        },

        // c6: received before the quarter, closed in it: counts for outcomes and verdicts only.
        Make("c6", At(2026, 6, 20, 9, 0), ReporterRole.StaffOrVolunteer, [HarmKind.SelfNeglect]) with
        {
            Status = ConcernStatus.Closed,
            AcknowledgedAt = At(2026, 6, 20, 9, 5),
            ClosedAt = At(2026, 7, 15, 9, 0),
            DesiredOutcomes = new DesiredOutcomes { Recorded = DesiredOutcomesRecorded.AskedAndExpressed },
            Leads = Case(At(2026, 6, 20, 13, 0), [DecisionKind.NoFurtherAction], new CloseOutcome(OutcomesAchieved.Fully, RiskOutcome.Removed, null, "Asha Patel", At(2026, 7, 15, 9, 0))),
            ReporterFeedback = Answered(At(2026, 7, 16, 9, 0), FeedbackOutcome.Partly, true),
        },

        // Must never count: another organisation, another service, after the quarter.
        Make("c7", At(2026, 8, 1, 9, 0), ReporterRole.StaffOrVolunteer, [HarmKind.Sexual]) with
        {
            OrganisationId = OtherOrg,
            Status = ConcernStatus.Closed,
            AcknowledgedAt = At(2026, 8, 9, 9, 0),
            ClosedAt = At(2026, 8, 20, 9, 0),
            Leads = Case(At(2026, 8, 1, 13, 0), [DecisionKind.Police], new CloseOutcome(OutcomesAchieved.NotAchieved, RiskOutcome.Remains, null, "Someone", At(2026, 8, 20, 9, 0))),
        },
        Make("c8", At(2026, 8, 2, 9, 0), ReporterRole.StaffOrVolunteer, [HarmKind.Sexual]) with { ServiceId = OtherService },
        Make("c9", At(2026, 10, 2, 9, 0), ReporterRole.StaffOrVolunteer, [HarmKind.Sexual]),
    ];

    public static async Task SeedAsync(IConcernStore store)
    {
        foreach (var concern in All)
        {
            await store.CreateAsync(concern, new AuditEntry { Actor = "seed", At = concern.ReceivedAt, Action = "received" }, []);
        }
    }

    public static Concern Make(string id, DateTimeOffset receivedAt, ReporterRole role, IReadOnlyList<HarmKind> harms, IdentityChoice identity = IdentityChoice.Named) => new()
    {
        Id = id,
        Reference = $"SG-{id.ToUpperInvariant()}-TST",
        OrganisationId = Org,
        ReceivedAt = receivedAt,
        ReporterRole = role,
        Reporter = identity switch
        {
            // Only an anonymous concern's identity must never appear; seeded in every field a careless store could fill.
            IdentityChoice.Anonymous => new ReporterIdentity
            {
                Choice = IdentityChoice.Anonymous,
                DisplayName = "Ottoline Quarrendon",
                AadObjectId = "aad-QX-0099-ottoline",
                ProtectedIdentity = "prot-ZZTOP-ottoline",
                ReplyRouteToken = "route-ZEBRA-QUILL-4471",
            },
            IdentityChoice.Confidential => new ReporterIdentity { Choice = identity, ProtectedIdentity = "prot-" + id },
            _ => new ReporterIdentity { Choice = identity, DisplayName = "Named Reporter " + id, AadObjectId = "aad-" + id },
        },
        ReporterReference = identity == IdentityChoice.Anonymous ? "rref-ottoline-7781" : "rref-" + id,
        PersonAtRisk = new PersonAtRisk { Kind = PersonAtRiskKind.AdultAtRisk, Description = "Mr Example " + id },
        Account = new IncidentAccount { WhatHappened = "Made-up account " + id, Where = "Made-up place " + id },
        HarmKinds = harms,
    };

    private static LeadsCase Case(DateTimeOffset due, IReadOnlyList<DecisionKind> decisions, CloseOutcome? outcome) => new()
    {
        AcknowledgementDue = due,
        AcknowledgedBy = "Asha Patel",
        Decisions = [.. decisions.Select(k => new LeadDecision(k, "Reason " + k, SharingDecision.SharedWithConsent, "Agreed", "Asha Patel", due))],
        Outcome = outcome,
        Posts = [new LeadsCardPost("https://smba.example/", "a:ottoline-chat", "1", false)],
    };

    private static ReporterFeedback Answered(DateTimeOffset at, FeedbackOutcome outcome, bool listened, string? comment = null) => new()
    {
        AskedAt = at.AddDays(-1),
        AnsweredAt = at,
        OutcomesAchieved = outcome,
        FeltListenedTo = listened,
        Comment = comment,
    };
}
