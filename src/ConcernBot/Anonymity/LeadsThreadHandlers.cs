using ConcernBot.Leads;
using ConcernBot.Storage;
using ConcernBot.Storage.Outbox;
using Words = ConcernBot.Resources.Anonymity;

namespace ConcernBot.Anonymity;

/// <summary>Tells the concern's thread (or the leads' 1:1 chats) that the reporter added information: never what it says.</summary>
internal sealed class ReporterInformationHandler(IConcernStore concerns, Leads.ITeamsLeads messenger) : IOutboxHandler
{
    public string Kind => RelayKinds.ReporterAnswer;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (RelayKinds.Read(message, AnonymityJson.Default.ReporterAnswerMessage) is not { } said
            || await concerns.GetAsync(said.ConcernId, cancellationToken) is not { Value: var concern })
        {
            return;
        }

        var text = RelayCards.Format(Words.LeadsInformation, said.From, concern.Reference);
        foreach (var post in concern.Leads.Posts)
        {
            await messenger.ReplyAsync(post, text, [], cancellationToken);
        }
    }
}

/// <summary>Tells the leads' thread that the reporter ended contact: no more questions or updates can reach them.</summary>
internal sealed class ContactEndedHandler(IConcernStore concerns, Leads.ITeamsLeads messenger) : IOutboxHandler
{
    public string Kind => RelayKinds.ContactEnded;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (RelayKinds.Read(message, AnonymityJson.Default.ContactEndedMessage) is not { } ended
            || await concerns.GetAsync(ended.ConcernId, cancellationToken) is not { Value: var concern })
        {
            return;
        }

        foreach (var post in concern.Leads.Posts)
        {
            await messenger.ReplyAsync(post, Words.LeadsContactEnded, [], cancellationToken);
        }
    }
}
