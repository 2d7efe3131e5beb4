using ConcernBot.Concerns;
using ConcernBot.Leads;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Workspace;

/// <summary>
/// The clocks of a concern for the workspace, from the leads' own <see cref="LeadsClocks"/> (the same deadlines the card
/// shows and escalation fires on): acknowledgement, the 7-day receipt to the reporter, 3-month feedback, and the LADO
/// within one working day when the concern is about someone who works with children.
/// </summary>
public sealed class CaseClocks(LeadsClocks clocks, LeadsCards cards)
{
    public IReadOnlyList<CaseClock> Of(Concern concern, DateTimeOffset now)
    {
        var shown = cards.DeadlineFacts(concern).ToDictionary(f => f.Label, f => f.Value, StringComparer.Ordinal);
        var list = new List<CaseClock>
        {
            Clock("acknowledgement", Words.DeadlineAcknowledge, clocks.AcknowledgementDue(concern), concern.AcknowledgedAt, now, shown),
            // The receipt is sent when the concern is submitted (docs/intake.md): met at once.
            Clock("receipt", Words.DeadlineReceipt, clocks.ReceiptDue(concern), concern.ReceivedAt, now, shown),
            Clock("feedback", Words.DeadlineFeedback, clocks.FeedbackDue(concern), concern.Leads.Outcome?.ClosedAt ?? concern.ClosedAt, now, shown),
        };
        if (clocks.LadoDue(concern) is { } lado)
        {
            list.Add(Clock("lado", Words.DeadlineLado, lado, LeadsClocks.LadoReferredAt(concern), now, shown));
        }

        // Each referral's own clock: the agency's answer, where one is due.
        foreach (var referral in concern.Leads.Referrals.Where(r => r.ResponseDue is not null))
        {
            var label = LeadsText.Format(Resources.Workspace.ReferralClock, LeadsText.Label("Agency", referral.Agency));
            var text = referral.Answered
                ? LeadsText.Format(Words.DoneBy, referral.ResponseRecordedBy ?? Words.ALead, clocks.Show(referral.RespondedAt ?? referral.MadeAt))
                : LeadsText.Format(referral.ResponseDue <= now ? Words.DeadlinePassed : Words.DueBy, clocks.Show(referral.ResponseDue!.Value));
            list.Add(new CaseClock("referral", label, referral.ResponseDue!.Value, referral.Answered ? referral.RespondedAt : null, !referral.Answered && referral.ResponseDue <= now, text));
        }

        return list;
    }

    private static CaseClock Clock(string name, string label, DateTimeOffset due, DateTimeOffset? met, DateTimeOffset now, Dictionary<string, string> shown) =>
        new(name, label, due, met, met is null && due <= now, shown.TryGetValue(label, out var text) ? text : "");
}
