using System.Text.Json;
using ConcernBot.Channels.Activities;

namespace ConcernBot.Channels.Turns;

/// <summary>One inbound activity and the ways to answer it. Application code sees only this.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>What the channel says about this turn: private or not, the organisation, the person's key.</summary>
    TurnFacts Facts { get; }

    /// <summary>The reference of the conversation this activity came from.</summary>
    ConversationReference? Reference { get; }

    /// <summary>Sends a message into the conversation the activity came from.</summary>
    Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> SendTextAsync(string text, CancellationToken cancellationToken = default);

    Task<ResourceResponse> SendCardAsync(JsonElement card, CancellationToken cancellationToken = default);

    /// <summary>Replaces a message the bot sent earlier in this conversation (e.g. a card after Action.Submit).</summary>
    Task UpdateCardAsync(string activityId, JsonElement card, CancellationToken cancellationToken = default);

    /// <summary>Deletes a message the bot sent earlier in this conversation; false when the channel cannot take it off the screen.</summary>
    Task<bool> DeleteAsync(string activityId, CancellationToken cancellationToken = default);

    /// <summary>How many files the person attached to this message (none on a channel that carries no files).</summary>
    int FileCount => 0;

    /// <summary>The files attached to this message, read by its channel, at most <paramref name="maxBytes"/> each.</summary>
    Task<IReadOnlyList<ChannelFile>> ReadFilesAsync(long maxBytes, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ChannelFile>>([]);

    /// <summary>Sends to a stored conversation reference (proactive).</summary>
    Task<ResourceResponse> SendToAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default);
}
