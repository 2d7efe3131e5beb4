using System.Text.Json;
using ConcernBot.Channels.Activities;

namespace ConcernBot.Channels.Turns;

/// <summary>One turn: every answer goes through the adapter that owns the conversation.</summary>
public sealed class TurnContext(Activity inbound, IChannelAdapter adapter) : ITurnContext
{
    public Activity Activity { get; } = inbound;

    private ConversationReference? _reference;

    public TurnFacts Facts { get; } = adapter.Describe(inbound);

    public ConversationReference? Reference => _reference ??= ConversationReference.FromActivity(Activity, Facts.OrganisationId);

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

    public Task<bool> DeleteAsync(string activityId, CancellationToken cancellationToken = default) =>
        adapter.DeleteAsync(Reference ?? throw new InvalidOperationException("The activity has no conversation to answer into."), activityId, cancellationToken);

    public int FileCount => adapter is IChannelFiles files ? files.CountFiles(Activity) : 0;

    public Task<IReadOnlyList<ChannelFile>> ReadFilesAsync(long maxBytes, CancellationToken cancellationToken = default) =>
        adapter is IChannelFiles files && files.CountFiles(Activity) > 0
            ? files.ReadFilesAsync(Activity, maxBytes, cancellationToken)
            : Task.FromResult<IReadOnlyList<ChannelFile>>([]);

    public Task<ResourceResponse> SendToAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default) =>
        adapter.SendAsync(reference, activity, cancellationToken);
}
