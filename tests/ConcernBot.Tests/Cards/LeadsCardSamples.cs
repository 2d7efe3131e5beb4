using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Storage;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;

namespace ConcernBot.Tests.Cards;

/// <summary>Concerns at each stage, for the leads' cards in the catalogue.</summary>
internal static class LeadsCardSamples
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Viewers = [People.Asha.UserId, People.Ben.UserId];

    public static Concern NewUrgent() =>
        SampleConcerns.Create("SG-URG-001", urgent: true) with
        {
            NextDeadline = Now.AddMinutes(-45),
            Leads = new LeadsCase { ViewerUserIds = Viewers, EscalationsFired = [EscalationStep.AckReminder] },
        };

    public static Concern InProgress() =>
        SampleConcerns.Create("SG-INP-002", atRisk: PersonAtRiskKind.Child) with
        {
            Status = ConcernStatus.InProgress,
            AcknowledgedAt = Now.AddHours(-1),
            NextDeadline = Now.AddDays(80),
            Leads = new LeadsCase
            {
                ViewerUserIds = Viewers,
                AcknowledgedBy = People.Asha.Name,
                AssignedLeadName = People.Ben.Name,
                Questions = [new ReporterQuestion(People.Asha.Name, Now.AddMinutes(-50), "Which evening was it?", "Tuesday", Now.AddMinutes(-20))],
                Notes = [new LeadNote(People.Ben.Name, Now.AddMinutes(-10), "Spoke to the manager")],
                Decisions = [new LeadDecision(DecisionKind.Lado, "Allegation about a member of staff", SharingDecision.SharedWithoutConsent, "A child's safety", People.Ben.Name, Now.AddMinutes(-5))],
                Referrals =
                [
                    new AgencyReferral("r1", ReferralAgency.Lado, Now.AddMinutes(-4), People.Ben.Name, "LADO-2026-0412", Now.AddHours(8)),
                    new AgencyReferral("r2", ReferralAgency.Police, Now.AddMinutes(-3), People.Ben.Name, null, null, "Logged, no further police action", Now.AddMinutes(-1), People.Ben.Name),
                ],
                LastActivity = new LeadActivity(People.Ben.Name, LeadsAudit.DecisionRecorded, Now.AddMinutes(-5)),
            },
        };

    public static Concern Closed() =>
        InProgress() with
        {
            Status = ConcernStatus.Closed,
            ClosedAt = Now,
            NextDeadline = null,
            Leads = InProgress().Leads with { Outcome = new CloseOutcome(OutcomesAchieved.Partially, RiskOutcome.Reduced, "We acted on it.", People.Asha.Name, Now) },
        };

    public static LeadsDetailView View() =>
        new(People.Rita.Name, [new LeadPerson { ObjectId = People.Asha.ObjectId, Name = People.Asha.Name }, new LeadPerson { ObjectId = People.Ben.ObjectId, Name = People.Ben.Name }], "You acknowledged this concern.");

    public static IReadOnlyList<AuditEntry> History() =>
    [
        new AuditEntry { Actor = LeadsAudit.System, At = Now.AddHours(-2), Action = LeadsAudit.Routed, Sequence = 1 },
        new AuditEntry { Actor = People.Asha.Name, At = Now.AddHours(-1), Action = LeadsAudit.Acknowledged, Sequence = 2 },
        new AuditEntry { Actor = People.Ben.Name, At = Now.AddMinutes(-5), Action = LeadsAudit.DecisionRecorded, Reason = "Allegation about a member of staff", Sequence = 3 },
    ];
}
