using ConcernBot.Concerns;
using ConcernBot.Storage;
using ConcernBot.Storage.Outbox;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>Delivers a reminder into the concern's thread (or the leads' 1:1 chats), mentioning the authorised leads.</summary>
internal sealed class LeadsReminderHandler(
    IConcernStore store,
    LeadsMentions leads,
    ITeamsLeads messenger,
    LeadsClocks clocks) : IOutboxHandler
{
    public string Kind => LeadsOutbox.Reminder;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = LeadsOutbox.Read(message, LeadsJsonContext.Default.StagePayload);
        if (payload?.ConcernId is null || await store.GetAsync(payload.ConcernId, cancellationToken) is not { } read)
        {
            return;
        }

        var concern = read.Value;
        var stillDue = payload.Stage is EscalationStep.AckReminder or EscalationStep.NotReached || ReferralSteps.IsReferralStep(payload.Stage)
            ? LeadsEscalationHandler.StillDue(concern, payload.Stage!)
            : concern.Status != ConcernStatus.Closed;
        if (!stillDue)
        {
            return;
        }

        var mentions = await leads.ForAsync(concern, only: null, cancellationToken);
        var names = LeadsMentions.Names(mentions);
        var text = payload.Stage switch
        {
            EscalationStep.LadoReminder => LeadsText.Format(Words.ReminderLado, names, concern.Reference, clocks.Show(clocks.LadoDue(concern) ?? concern.ReceivedAt)),
            EscalationStep.NotReached => $"{names} {payload.Text}",
            { } stage when ReferralSteps.TryRead(stage, out _, out var kind) && kind == ReferralStage.NotReached => $"{names} {payload.Text}",
            { } stage when stage.StartsWith(EscalationStep.ReferralPrefix, StringComparison.Ordinal) => ReferralReminder(concern, stage, names),
            EscalationStep.FeedbackReminder => LeadsText.Format(Words.ReminderFeedback, names, concern.Reference, clocks.Show(clocks.FeedbackDue(concern))),
            _ => LeadsText.Format(Words.ReminderAcknowledge, names, concern.Reference, clocks.Show(clocks.AcknowledgementDue(concern))),
        };

        foreach (var post in concern.Leads.Posts)
        {
            await messenger.ReplyAsync(post, text, post.InChannel ? mentions : [], cancellationToken);
        }
    }

    private string ReferralReminder(Concern concern, string stage, string names)
    {
        var referral = concern.Leads.Referrals.FirstOrDefault(r => LeadsClocks.ReferralStep(r) == stage);
        return referral is null
            ? LeadsText.Format(Words.ReminderFeedback, names, concern.Reference, clocks.Show(clocks.FeedbackDue(concern)))
            : LeadsText.Format(Words.ReminderReferral, names, concern.Reference, LeadsText.Label("Agency", referral.Agency), clocks.Show(referral.MadeAt), clocks.Show(referral.ResponseDue ?? referral.MadeAt));
    }
}
