using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;

namespace ConcernBot.Connectors;

/// <summary>Sends to a reporter's chat through the adapter that owns its channel.</summary>
internal sealed class ReporterChat(ChannelAdapters adapters) : IReporterChat
{
    public Task<ResourceResponse> SendAsync(ConversationReference chat, Activity message, CancellationToken cancellationToken) =>
        adapters.For(chat.ChannelId).SendAsync(chat, message, cancellationToken);

    public Task<ConversationReference?> OpenAsync(string? channelId, string serviceUrl, string organisationId, string memberId, CancellationToken cancellationToken) =>
        adapters.For(channelId).OpenPrivateAsync(serviceUrl, organisationId, memberId, cancellationToken);
}
