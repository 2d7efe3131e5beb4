using System.Globalization;
using ConcernBot.Concerns;
using W = ConcernBot.Resources.Learning;

namespace ConcernBot.Learning;

/// <summary>
/// The export for records and inspection. One row per concern received or closed in the period. It never holds who a reporter
/// is (no name, no Teams or Entra id, no protected identity, no reply route, no reporter reference), for anyone; the free
/// text of accounts, the people named and the reporters' comments only when the lead asks for them.
/// </summary>
public static class ConcernExport
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Reference", "Service", "ReceivedAt", "Status", "Urgent", "ImmediateDanger", "HarmKinds", "RaisedBy", "ReporterChoice",
        "PersonAtRisk", "ChildServicesStatus", "SubjectKind", "RecordedLocation", "StillHappening", "ConsentToShare",
        "PersonKnowsConcernRaised", "DesiredOutcomesAsked", "AcknowledgementDue", "AcknowledgedAt", "AcknowledgedInTime",
        "AcknowledgedBy", "AssignedLead", "Decisions", "Referred", "InformationSharingDecisions", "ClosedAt", "OutcomesAchieved",
        "RiskOutcome", "ReporterFeedbackOutcomes", "ReporterFeltListenedTo", "Referrals",
    ];

    /// <summary>Added only when the lead asks for the accounts.</summary>
    public static readonly IReadOnlyList<string> AccountColumns =
    [
        "RecordedSubject", "PersonAtRiskDescription", "WhatHappened", "When", "Where", "WhatPersonWants", "WhatReporterWants",
        "WhoPersonWantsInvolved", "DecisionReasons", "ReporterFeedbackComment", "ReferralResponses",
    ];

    public static string Concerns(ReportPeriod period, IEnumerable<Concern> concerns, bool withAccounts)
    {
        var csv = new Csv().Row(withAccounts ? Columns.Concat(AccountColumns) : Columns);
        foreach (var c in InPeriod(period, concerns))
        {
            IEnumerable<string?> row = Row(c);
            csv.Row(withAccounts ? row.Concat(Accounts(c)) : row);
        }

        return csv.ToString();
    }

    /// <summary>The Making Safeguarding Personal figures, in the Safeguarding Adults Collection's questions and answers.</summary>
    public static string MakingSafeguardingPersonal(LearningFigures figures)
    {
        var csv = new Csv().Row([W.MspQuestionHeader, W.MspAnswerHeader, W.MspCountHeader]);
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        csv.Row([W.MspQuestionAsked, W.MspAnswerYesExpressed, N(figures.Get(figures.OutcomesAsked, DesiredOutcomesRecorded.AskedAndExpressed))])
            .Row([W.MspQuestionAsked, W.MspAnswerYesNoneExpressed, N(figures.Get(figures.OutcomesAsked, DesiredOutcomesRecorded.AskedNoneExpressed))])
            .Row([W.MspQuestionAsked, W.MspAnswerNo, N(figures.Get(figures.OutcomesAsked, DesiredOutcomesRecorded.NotAsked))])
            .Row([W.MspQuestionAsked, W.MspAnswerDontKnow, N(figures.Get(figures.OutcomesAsked, DesiredOutcomesRecorded.DontKnow))])
            .Row([W.MspQuestionAchieved, W.MspAnswerFully, N(figures.Get(figures.OutcomesAchieved, OutcomesAchieved.Fully))])
            .Row([W.MspQuestionAchieved, W.MspAnswerPartially, N(figures.Get(figures.OutcomesAchieved, OutcomesAchieved.Partially))])
            .Row([W.MspQuestionAchieved, W.MspAnswerNotAchieved, N(figures.Get(figures.OutcomesAchieved, OutcomesAchieved.NotAchieved))]);
        foreach (var risk in Enum.GetValues<RiskOutcome>())
        {
            csv.Row([W.MspQuestionRisk, LearningText.Risk(risk), N(figures.Get(figures.Risk, risk))]);
        }

        return csv.ToString();
    }

    public static IEnumerable<Concern> InPeriod(ReportPeriod period, IEnumerable<Concern> concerns) => concerns
        .Where(c => period.Contains(c.ReceivedAt) || period.Contains(c.ClosedAt ?? c.Leads.Outcome?.ClosedAt))
        .OrderBy(c => c.ReceivedAt);

    private static string?[] Row(Concern c)
    {
        var leads = c.Leads;
        var feedback = c.ReporterFeedback?.AnsweredAt is null ? null : c.ReporterFeedback;
        return
        [
            c.Reference,
            c.ServiceId,
            Time(c.ReceivedAt),
            c.Status.ToString(),
            YesNo(c.Urgent),
            YesNo(c.ImmediateDanger),
            string.Join(';', c.HarmKinds),
            LearningFigures.RaiserOf(c).ToString(),
            c.Reporter.Choice.ToString(),
            c.PersonAtRisk.Kind.ToString(),
            c.PersonAtRisk.ChildServicesStatus?.ToString(),
            c.Subject.Kind.ToString(),
            c.Subject.RecordedLocation,
            c.Account.StillHappening.ToString(),
            c.InformationSharing.Consent.ToString(),
            c.DesiredOutcomes.PersonKnowsConcernRaised.ToString(),
            c.DesiredOutcomes.Recorded.ToString(),
            Time(leads.AcknowledgementDue),
            Time(c.AcknowledgedAt),
            leads.AcknowledgementDue is { } due && c.AcknowledgedAt is { } at ? YesNo(at <= due) : null,
            leads.AcknowledgedBy,
            leads.AssignedLeadName,
            string.Join(';', leads.Decisions.Select(d => d.Kind)),
            YesNo(LearningFigures.WasReferred(c)),
            string.Join(';', leads.Decisions.Select(d => d.Sharing)),
            Time(c.ClosedAt ?? leads.Outcome?.ClosedAt),
            leads.Outcome?.DesiredOutcomes.ToString(),
            leads.Outcome?.Risk.ToString(),
            feedback?.OutcomesAchieved?.ToString(),
            feedback?.FeltListenedTo is { } listened ? YesNo(listened) : null,
            // Each referral: agency, when, their reference, and when the answer was due and came back.
            string.Join(';', leads.Referrals.Select(r => $"{r.Agency}@{Time(r.MadeAt)} ref={r.AgencyReference} due={Time(r.ResponseDue)} answered={Time(r.RespondedAt)}")),
        ];
    }

    private static string?[] Accounts(Concern c) =>
    [
        c.Subject.RecordedSubject,
        c.PersonAtRisk.Description,
        c.Account.WhatHappened,
        c.Account.WhenDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? c.Account.WhenDescription,
        c.Account.Where,
        c.DesiredOutcomes.WhatPersonWants,
        c.DesiredOutcomes.WhatReporterWants,
        c.DesiredOutcomes.WhoPersonWantsInvolved,
        string.Join(" | ", c.Leads.Decisions.Select(d => $"{d.Kind}: {d.Reason} / {d.Sharing}: {d.SharingReason}")),
        c.ReporterFeedback?.Comment,
        string.Join(" | ", c.Leads.Referrals.Where(r => r.Answered).Select(r => $"{r.Agency}: {r.Response}")),
    ];

    private static string? Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "Yes" : "No";
}
