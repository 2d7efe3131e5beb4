using System.Globalization;
using ConcernBot.Concerns;
using Microsoft.Extensions.Options;

namespace ConcernBot.Leads;

/// <summary>A step of escalation or a reminder, due at <see cref="At"/>; each fires once.</summary>
public sealed record EscalationStep(string Name, DateTimeOffset At)
{
    public const string AckReminder = "ack.reminder";
    public const string AckDeputies = "ack.deputies";
    public const string AckContact = "ack.contact";
    public const string LadoReminder = "lado.reminder";
    public const string FeedbackReminder = "feedback.reminder";

    /// <summary>An agency's answer to a referral is overdue: the step is this prefix and the referral's id.</summary>
    public const string ReferralPrefix = "referral.";

    /// <summary>Not a deadline: the leads' thread is told that someone in the chain could not be reached.</summary>
    public const string NotReached = "ack.notreached";
}

/// <summary>The clocks that run on a concern: acknowledgement, receipt, feedback and the LADO referral, and escalation.</summary>
public sealed class LeadsClocks(IOptions<LeadsOptions> options)
{
    private readonly Lazy<WorkingHours> _hours = new(() => new WorkingHours(options.Value.Deadlines));

    private DeadlineOptions Deadlines => options.Value.Deadlines;

    public WorkingHours Hours => _hours.Value;

    public static bool IsUrgent(Concern concern) => concern.Urgent || concern.ImmediateDanger;

    public DateTimeOffset AcknowledgementDue(Concern concern) =>
        concern.Leads.AcknowledgementDue
        ?? (IsUrgent(concern)
            ? concern.ReceivedAt + Deadlines.UrgentAcknowledgement
            : Hours.Add(concern.ReceivedAt, TimeSpan.FromHours(Deadlines.AcknowledgementWorkingHours)));

    public DateTimeOffset ReceiptDue(Concern concern) => concern.ReceivedAt.AddDays(Deadlines.ReceiptDays);

    public DateTimeOffset FeedbackDue(Concern concern) => concern.ReceivedAt.AddMonths(Deadlines.FeedbackMonths);

    /// <summary>An allegation about someone who works with children: the LADO within one working day. Null otherwise.</summary>
    public DateTimeOffset? LadoDue(Concern concern) =>
        IsAboutSomeoneWorkingWithChildren(concern)
            ? Hours.Add(concern.ReceivedAt, Hours.WorkingDay * Deadlines.LadoWorkingDays)
            : null;

    public static bool IsAboutSomeoneWorkingWithChildren(Concern concern) =>
        concern.PersonAtRisk.Kind == PersonAtRiskKind.Child
        && concern.Subject.Kind is SubjectKind.StaffMember or SubjectKind.Volunteer or SubjectKind.SafeguardingLead;

    public static bool LadoReferred(Concern concern) =>
        concern.Leads.Decisions.Any(d => d.Kind == DecisionKind.Lado) || concern.Leads.Referrals.Any(r => r.Agency == ReferralAgency.Lado);

    /// <summary>When the LADO was told: the LADO decision or the LADO referral, whichever came first.</summary>
    public static DateTimeOffset? LadoReferredAt(Concern concern) =>
        concern.Leads.Decisions.Where(d => d.Kind == DecisionKind.Lado).Select(d => (DateTimeOffset?)d.DecidedAt)
            .Concat(concern.Leads.Referrals.Where(r => r.Agency == ReferralAgency.Lado).Select(r => (DateTimeOffset?)r.MadeAt))
            .Min();

    /// <summary>When an agency's answer to a referral made at <paramref name="madeAt"/> is due; null when none applies.</summary>
    public DateTimeOffset? ReferralResponseDue(ReferralAgency agency, DateTimeOffset madeAt) =>
        Deadlines.ReferralResponseWorkingDays.TryGetValue(agency.ToString(), out var days) && days > 0
            ? Hours.Add(madeAt, Hours.WorkingDay * days)
            : null;

    /// <summary>By when the referral itself should have been made, where the law or guidance says: CQC without delay, the LADO within a working day.</summary>
    public DateTimeOffset? ReferralMadeBy(Concern concern, ReferralAgency agency) => agency switch
    {
        ReferralAgency.CqcNotification => concern.ReceivedAt + Deadlines.CqcNotificationWithin,
        ReferralAgency.Lado => LadoDue(concern),
        _ => null,
    };

    /// <summary>The escalation step of a referral whose answer has not come back: <c>referral.&lt;id&gt;</c>.</summary>
    public static string ReferralStep(AgencyReferral referral) => ReferralSteps.Reminder(referral);

    /// <summary>The steps still to fire, earliest first.</summary>
    public IReadOnlyList<EscalationStep> PendingSteps(Concern concern)
    {
        if (concern.Status == ConcernStatus.Closed)
        {
            return [];
        }

        var steps = new List<EscalationStep>();
        if (concern.Status == ConcernStatus.Received)
        {
            var ackDue = AcknowledgementDue(concern);
            var deputies = NextStage(concern, ackDue);
            steps.Add(new(EscalationStep.AckReminder, ackDue));
            steps.Add(new(EscalationStep.AckDeputies, deputies));
            steps.Add(new(EscalationStep.AckContact, NextStage(concern, deputies)));
        }

        if (LadoDue(concern) is { } lado && !LadoReferred(concern))
        {
            steps.Add(new(EscalationStep.LadoReminder, lado));
        }

        foreach (var referral in concern.Leads.Referrals.Where(r => !r.Answered && r.ResponseDue is not null))
        {
            // An overdue answer escalates like an unacknowledged concern: the leads, then the deputies, then the contact.
            var due = referral.ResponseDue!.Value;
            var deputies = NextStage(concern, due);
            steps.Add(new(ReferralSteps.Reminder(referral), due));
            steps.Add(new(ReferralSteps.Deputies(referral), deputies));
            steps.Add(new(ReferralSteps.Contact(referral), NextStage(concern, deputies)));
        }

        steps.Add(new(EscalationStep.FeedbackReminder, FeedbackDue(concern)));
        return [.. steps.Where(s => !concern.Leads.EscalationsFired.Contains(s.Name)).OrderBy(s => s.At)];
    }

    public DateTimeOffset? NextDeadline(Concern concern) => PendingSteps(concern) is [var first, ..] ? first.At : null;

    public EscalationStep? DueStep(Concern concern, DateTimeOffset now) => PendingSteps(concern).FirstOrDefault(s => s.At <= now);

    /// <summary>A time for people to read, in the organisation's time zone.</summary>
    public string Show(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Hours.Zone).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.CurrentCulture);

    private DateTimeOffset NextStage(Concern concern, DateTimeOffset from) =>
        IsUrgent(concern)
            ? from + Deadlines.UrgentEscalationInterval
            : Hours.Add(from, TimeSpan.FromHours(Deadlines.EscalationIntervalWorkingHours));
}
