using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using Microsoft.Extensions.Options;

namespace ConcernBot.Channels.DirectLine;

/// <summary>
/// The web page's channel (channel id "webchat"): owns its conversations' turns and every message sent to them later,
/// which it keeps for the page to fetch. The person's key is the user id bound into the conversation's token; the
/// organisation is the one the page is configured for.
/// </summary>
public sealed class DirectLineAdapter(DirectLineConversations conversations, IOptions<DirectLineOptions> options, DirectLineUploads? uploads = null) : IChannelAdapter, IChannelFiles
{
    public const string ChannelId = "webchat";

    /// <summary>Not a URL anything is sent to: the page fetches what is kept for it.</summary>
    public const string ServiceUrl = "directline://local/";

    public const string BotId = "concernbot";

    public bool Owns(string? channelId) => string.Equals(channelId, ChannelId, StringComparison.OrdinalIgnoreCase);

    public TurnFacts Describe(Activity activity) =>
        new(IsPrivate: true, OrganisationId: options.Value.OrganisationId, PersonKey: activity.From?.Id);

    public Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(activity);
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount { Id = reference.ConversationId };
        activity.From = new ChannelAccount { Id = BotId, Name = "ConcernBot", Role = "bot" };
        activity.Recipient = null;
        activity.ServiceUrl = null;
        if (!conversations.Append(reference.ConversationId, activity))
        {
            // The page was closed long ago (or this instance restarted): the outbox keeps it and tries again later.
            throw new InvalidOperationException("The web conversation is not open on this instance.");
        }

        return Task.FromResult(new ResourceResponse { Id = activity.Id });
    }

    public Task UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        conversations.Replace(reference.ConversationId, activityId, activity);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Forgets the kept copy, so a later fetch cannot return it; but Direct Line has no way to take an activity off a page
    /// that has already shown it, so this is false.
    /// </summary>
    public Task<bool> DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        conversations.Remove(reference.ConversationId, activityId);
        return Task.FromResult(false);
    }

    public int CountFiles(Activity activity) => uploads is null ? 0 : DirectLineUploads.Count(activity);

    public Task<IReadOnlyList<ChannelFile>> ReadFilesAsync(Activity activity, long maxBytes, CancellationToken cancellationToken = default) =>
        Task.FromResult(uploads?.Take(activity, maxBytes) ?? []);

    /// <summary>A web visitor cannot be called up: they come back to the page with their reference and secret word.</summary>
    public Task<ConversationReference?> OpenPrivateAsync(string serviceUrl, string organisationId, string memberId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ConversationReference?>(null);
}
