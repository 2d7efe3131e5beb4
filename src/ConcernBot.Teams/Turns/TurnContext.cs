using System.Text.Json;
using ConcernBot.Teams.Activities;
using ConcernBot.Teams.Connector;

namespace ConcernBot.Teams.Turns;

internal sealed class TurnContext(Activity activity, IConnectorClient connector) : ITurnContext
{
    public Activity Activity { get; } = activity;

    public ConversationReference? Reference { get; } = ConversationReference.FromActivity(activity);

    public Task<ResourceResponse> SendAsync(Activity message, CancellationToken cancellationToken = default)
    {
        var reference = Reference ?? throw new InvalidOperationException("The activity has no conversation to answer into.");
        var outgoing = Prepare(message, reference);
        return connector.SendAsync(reference.ServiceUrl, reference.ConversationId, outgoing, cancellationToken);
    }

    public Task<ResourceResponse> SendTextAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(Activity.CreateReply(text), cancellationToken);

    public Task<ResourceResponse> SendCardAsync(JsonElement card, CancellationToken cancellationToken = default)
    {
        var reply = Activity.CreateReply();
        reply.Attachments = [Attachment.AdaptiveCard(card)];
        return SendAsync(reply, cancellationToken);
    }

    public Task UpdateCardAsync(string activityId, JsonElement card, CancellationToken cancellationToken = default)
    {
        var reference = Reference ?? throw new InvalidOperationException("The activity has no conversation to answer into.");
        var update = Activity.CreateReply();
        update.Id = activityId;
        update.ReplyToId = null;
        update.Attachments = [Attachment.AdaptiveCard(card)];
        return connector.UpdateAsync(reference.ServiceUrl, reference.ConversationId, activityId, update, cancellationToken);
    }

    public Task<ResourceResponse> SendToAsync(ConversationReference reference, Activity message, CancellationToken cancellationToken = default) =>
        connector.SendAsync(reference.ServiceUrl, reference.ConversationId, Prepare(message, reference), cancellationToken);

    private static Activity Prepare(Activity message, ConversationReference reference)
    {
        message.Type ??= ActivityTypes.Message;
        message.Conversation ??= new ConversationAccount { Id = reference.ConversationId };
        message.ServiceUrl ??= reference.ServiceUrl;
        message.ChannelId ??= reference.ChannelId;
        return message;
    }
}
