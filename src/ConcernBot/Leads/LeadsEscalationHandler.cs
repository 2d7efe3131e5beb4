using ConcernBot.Concerns;
using ConcernBot.Storage;
using ConcernBot.Storage.Outbox;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>Delivers an escalation by 1:1 message: to the deputies, then to the escalation contact. Need-to-know only.</summary>
internal sealed partial class LeadsEscalationHandler(
    IConcernStore store,
    LeadsDirectory directory,
    LeadsChannels channels,
    LeadsRoster roster,
    LeadsMessenger messenger,
    LeadsClocks clocks,
    ILogger<LeadsEscalationHandler> logger) : IOutboxHandler
{
    public string Kind => LeadsOutbox.Escalation;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = LeadsOutbox.Read(message, LeadsJsonContext.Default.StagePayload);
        if (payload?.ConcernId is null || await store.GetAsync(payload.ConcernId, cancellationToken) is not { } read)
        {
            return;
        }

        var concern = read.Value;
        if (concern.Status != ConcernStatus.Received)
        {
            return;
        }

        var channel = await channels.FindAsync(concern.ServiceId, cancellationToken)
            ?? throw new InvalidOperationException("No leads' channel is set: the escalation waits until one is.");
        var members = await roster.ReadAsync(channel.ServiceUrl, channel.ChannelId, cancellationToken);
        var toContact = payload.Stage == EscalationStep.AckContact;
        IReadOnlyList<LeadPerson> people = toContact
            ? directory.EscalationContact(concern) is { } contact ? [contact] : []
            : directory.Deputies(concern);

        var urgency = LeadsClocks.IsUrgent(concern) ? Words.UrgencyUrgent : Words.UrgencyNotUrgent;
        var text = LeadsText.Format(toContact ? Words.EscalationToContact : Words.EscalationToDeputies, concern.Reference, urgency, clocks.Show(clocks.AcknowledgementDue(concern)));
        var sent = 0;
        foreach (var person in people)
        {
            if (LeadsRoster.UserIdOf(person, members) is not { } userId)
            {
                continue;
            }

            await messenger.SendPrivateTextAsync(channel.ServiceUrl, concern.OrganisationId, userId, text, cancellationToken);
            sent++;
        }

        if (sent == 0)
        {
            LogNobodyToEscalateTo(logger, payload.Stage ?? "");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Escalation {Stage}: nobody could be reached (no user ids configured or found)")]
    private static partial void LogNobodyToEscalateTo(ILogger logger, string stage);
}
