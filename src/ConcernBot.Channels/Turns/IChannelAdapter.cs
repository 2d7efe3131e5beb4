using ConcernBot.Channels.Activities;

namespace ConcernBot.Channels.Turns;

/// <summary>
/// What a channel tells about a turn, once, so that no feature has to read channel-specific fields: whether the
/// conversation is private (a personal chat, a web page), the organisation it belongs to, and a stable key for the person
/// that the client cannot choose (Teams: the Entra object id; a web page: the user id bound into its own token).
/// <paramref name="SignedIn"/> says whether the channel vouches for who the person is (Teams: signed in to the
/// organisation; a public web page: nobody is, so a name is only what the person types).
/// </summary>
public sealed record TurnFacts(bool IsPrivate, string? OrganisationId, string? PersonKey, bool SignedIn = false);

/// <summary>
/// A channel: owns the inbound turns of its conversations and every message sent to them later (the Microsoft 365 Agents
/// SDK's IChannelAdapter shape). Found by the activity's or the stored reference's channel id.
/// </summary>
public interface IChannelAdapter
{
    /// <summary>True when conversations of this channel id belong to this adapter.</summary>
    bool Owns(string? channelId);

    TurnFacts Describe(Activity activity);

    Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default);

    Task UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a message the bot sent. True when it is gone from what the person sees; false when the channel cannot take
    /// a message off the person's screen (it may still forget its own copy).
    /// </summary>
    Task<bool> DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Opens a private conversation with a person the channel knows by <paramref name="memberId"/>, reached through
    /// <paramref name="serviceUrl"/> in <paramref name="organisationId"/>. Null when the channel has no such thing.
    /// </summary>
    Task<ConversationReference?> OpenPrivateAsync(string serviceUrl, string organisationId, string memberId, CancellationToken cancellationToken = default);
}

/// <summary>
/// The adapters, by channel id: the first that owns it. Other channels' adapters are registered as IChannelAdapter; the Bot
/// Connector's adapter comes last and owns the rest.
/// </summary>
public sealed class ChannelAdapters(IEnumerable<IChannelAdapter> adapters)
{
    private readonly IChannelAdapter[] _adapters = [.. adapters];

    public IChannelAdapter For(string? channelId) =>
        Array.Find(_adapters, a => a.Owns(channelId)) ?? throw new InvalidOperationException("No channel adapter owns this conversation.");
}

/// <summary>Channel ids as the Bot Framework names them.</summary>
public static class ChannelIds
{
    public const string Teams = "msteams";
}
