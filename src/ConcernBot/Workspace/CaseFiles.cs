using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Storage;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Workspace;

/// <summary>Builds what the workspace's pages show from a concern, with the leads' own words, facts and clocks.</summary>
public sealed class CaseFiles(LeadsCards cards, LeadsClocks clocks, CaseClocks caseClocks, LeadsDirectory directory, LeadsCaseWork work, IAuditLog audit)
{
    public CaseListItem ListItem(Concern concern, LeadPerson lead, DateTimeOffset now)
    {
        var clockList = caseClocks.Of(concern, now);
        return new CaseListItem(
            concern.Reference,
            concern.Status.ToString(),
            LeadsText.Label("Status", concern.Status),
            LeadsClocks.IsUrgent(concern),
            concern.ImmediateDanger ? Words.UrgencyImmediateDanger : concern.Urgent ? Words.UrgencyUrgent : Words.UrgencyNotUrgent,
            [.. concern.HarmKinds.Select(k => LeadsText.Label("Harm", k))],
            ServiceName(concern),
            concern.Leads.AssignedLeadName,
            string.Equals(concern.AssignedLeadId, lead.ObjectId, StringComparison.OrdinalIgnoreCase),
            concern.ReceivedAt,
            clocks.Show(concern.ReceivedAt),
            clockList.Any(c => c.Overdue),
            clockList);
    }

    /// <summary>Overdue first (the longest overdue at the top), then the nearest deadline, then the oldest.</summary>
    public static IReadOnlyList<CaseListItem> Ordered(IEnumerable<CaseListItem> items) =>
        [.. items
            .OrderByDescending(i => i.Overdue)
            .ThenBy(i => i.Clocks.Where(c => c.Met is null).Select(c => c.Due).DefaultIfEmpty(DateTimeOffset.MaxValue).Min())
            .ThenBy(i => i.ReceivedAt)];

    public async Task<CaseFile> FileAsync(Concern concern, string etag, LeadPerson lead, string? notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entries = await audit.ReadAsync(concern.Id, cancellationToken);
        var check = await audit.VerifyAsync(concern.Id, cancellationToken);
        var leads = concern.Leads;
        return new CaseFile(
            concern.Reference,
            concern.Status.ToString(),
            LeadsText.Label("Status", concern.Status),
            concern.Status == ConcernStatus.Closed,
            etag,
            notice,
            Facts(cards.SummaryFacts(concern)).Append(new CaseFact(Resources.Workspace.FactService, ServiceName(concern))).ToList(),
            caseClocks.Of(concern, now),
            concern.Account.WhatHappened,
            Facts(LeadsCards.DetailFacts(concern, work.ReporterName(concern, lead))),
            Facts(LeadsCards.OutcomeFacts(concern)),
            [.. leads.Decisions.SelectMany(d => new[]
            {
                Plain(LeadsText.Format(Words.DecisionLine, LeadsText.Label("Decision", d.Kind), d.Reason, d.DecidedBy, clocks.Show(d.DecidedAt))),
                Plain(LeadsText.Format(Words.SharingLine, LeadsText.Label("Sharing", d.Sharing), d.SharingReason)),
            })],
            [.. leads.Questions.Select(q => Plain(LeadsText.Format(Words.QuestionLine, q.AskedBy, clocks.Show(q.At), q.Text))
                + " " + (q.Answer is null ? Words.NoAnswerYet : Plain(LeadsText.Format(Words.AnswerLine, q.Answer))))],
            [.. leads.Notes.Select(n => Plain(LeadsText.Format(Words.NoteLine, n.Author, clocks.Show(n.At), n.Text)))],
            leads.Outcome is { } outcome
                ?
                [
                    new(Words.OutcomeDesired, LeadsText.Label("Achieved", outcome.DesiredOutcomes)),
                    new(Words.OutcomeRisk, LeadsText.Label("Risk", outcome.Risk)),
                    new(Words.OutcomeReporterMessage, outcome.ReporterMessage ?? Words.NotSaid),
                ]
                : [],
            [.. leads.Referrals.Select(r => Referral(concern, r, now))],
            [.. entries.Select(e => new ChronologyEntry(e.Sequence, e.At, clocks.Show(e.At), e.Actor, LeadsText.AuditAction(e.Action), e.Reason))],
            check.IsIntact,
            check.IsIntact ? Resources.Workspace.RecordIntact : Resources.Workspace.RecordAltered,
            LeadsCards.CanAskReporter(concern),
            [.. directory.AuthorisedLeads(concern).Select(l => new CaseChoice(l.ObjectId, l.Name))],
            Choices<DecisionKind>("Decision"),
            Choices<SharingDecision>("Sharing"),
            Choices<OutcomesAchieved>("Achieved"),
            Choices<RiskOutcome>("Risk"),
            Choices<ReferralAgency>("Agency"));
    }

    private CaseReferral Referral(Concern concern, AgencyReferral referral, DateTimeOffset now)
    {
        var agency = LeadsText.Label("Agency", referral.Agency);
        var madeBy = clocks.ReferralMadeBy(concern, referral.Agency);
        var clock = caseClocks.Of(concern, now).FirstOrDefault(c => c.Name == "referral" && c.Due == referral.ResponseDue && c.Label.Contains(agency, StringComparison.Ordinal));
        return new CaseReferral(
            referral.Id,
            agency,
            LeadsText.Format(Resources.Workspace.ReferralLine, agency, clocks.Show(referral.MadeAt), referral.MadeBy),
            referral.AgencyReference is { } theirs ? LeadsText.Format(Resources.Workspace.ReferralTheirReference, theirs) : null,
            madeBy is { } due && referral.MadeAt > due ? LeadsText.Format(Resources.Workspace.ReferralMadeLate, clocks.Show(due)) : null,
            referral.Response is { } answer ? LeadsText.Format(Resources.Workspace.ReferralAnswer, clocks.Show(referral.RespondedAt ?? referral.MadeAt), answer) : null,
            referral.Answered,
            clock);
    }

    private string ServiceName(Concern concern) => directory.ForService(concern.ServiceId).Name ?? Resources.Workspace.ServiceDefault;

    private static List<CaseFact> Facts(IEnumerable<(string Label, string Value)> facts) => [.. facts.Select(f => new CaseFact(f.Label, f.Value))];

    private static List<CaseChoice> Choices<TEnum>(string prefix)
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => new CaseChoice(v.ToString(), LeadsText.Label(prefix, v)))];

    /// <summary>The card's lines mark names in bold with Markdown; the page shows plain text.</summary>
    private static string Plain(string line) => line.Replace("**", "", StringComparison.Ordinal);
}
