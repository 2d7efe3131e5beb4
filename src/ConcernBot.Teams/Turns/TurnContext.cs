using System.Text.Json;
using ConcernBot.Teams.Activities;
using ConcernBot.Teams.Connector;

namespace ConcernBot.Teams.Turns;

/// <summary>One turn: every answer goes through the adapter that owns the conversation.</summary>
public sealed class TurnContext(Activity inbound, IChannelAdapter adapter) : ITurnContext
{
    public Activity Activity { get; } = inbound;

    public ConversationReference? Reference { get; } = ConversationReference.FromActivity(inbound);

    public TurnFacts Facts { get; } = adapter.Describe(inbound);

    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken = default) =>
        adapter.SendAsync(Reference ?? throw new InvalidOperationException("The activity has no conversation to answer into."), activity, cancellationToken);

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
        update.ReplyToId = null;
        update.Attachments = [Attachment.AdaptiveCard(card)];
        return adapter.UpdateAsync(reference, activityId, update, cancellationToken);
    }

    public Task<ResourceResponse> SendToAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default) =>
        adapter.SendAsync(reference, activity, cancellationToken);
}
