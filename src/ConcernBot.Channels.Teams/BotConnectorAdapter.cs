using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Authentication;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Turns;
using Microsoft.Extensions.Options;

namespace ConcernBot.Channels.Teams;

/// <summary>
/// The Bot Framework channels, Teams first: turns arrive on POST /api/messages; messages leave through the Bot Connector.
/// Owns every channel id no other adapter claims.
/// </summary>
public sealed class BotConnectorAdapter(IConnectorClient connector, IOptions<BotAuthenticationOptions> bot, TeamsFiles? files = null) : IChannelAdapter, IChannelFiles
{
    /// <summary>The bot's id when no app id is configured (local development, the Playground).</summary>
    public const string LocalBotId = "28:concernbot-local";

    public const string TeamsChannelId = "msteams";

    public bool Owns(string? channelId) => true;

    public TurnFacts Describe(Activity activity)
    {
        var conversation = activity.Conversation;
        var isPrivate = conversation?.ConversationType is null or "personal" && conversation?.IsGroup != true;
        var tenant = conversation?.TenantId ?? activity.GetTeamsChannelData().Tenant?.Id;
        // Only Teams vouches for who is talking; the same connector also carries Azure's own Direct Line and Web Chat
        // channels, where the client names itself.
        var signedIn = string.Equals(activity.ChannelId, TeamsChannelId, StringComparison.OrdinalIgnoreCase);
        return new TurnFacts(isPrivate, string.IsNullOrEmpty(tenant) ? null : tenant, activity.From?.AadObjectId ?? activity.From?.Id, signedIn);
    }

    public Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default) =>
        connector.SendAsync(reference.ServiceUrl, reference.ConversationId, Prepare(activity, reference), cancellationToken);

    public Task UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        activity.Id = activityId;
        return connector.UpdateAsync(reference.ServiceUrl, reference.ConversationId, activityId, Prepare(activity, reference), cancellationToken);
    }

    public async Task<bool> DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        await connector.DeleteAsync(reference.ServiceUrl, reference.ConversationId, activityId, cancellationToken);
        return true;
    }

    public async Task<ConversationReference?> OpenPrivateAsync(string serviceUrl, string organisationId, string memberId, CancellationToken cancellationToken = default)
    {
        var chat = await connector.CreatePersonalChatAsync(serviceUrl, BotId, memberId, organisationId, cancellationToken);
        var id = chat.Id ?? throw new InvalidOperationException("The connector did not return a conversation id.");
        return new ConversationReference
        {
            ServiceUrl = chat.ServiceUrl ?? serviceUrl,
            ChannelId = "msteams",
            ConversationId = id,
            ConversationType = "personal",
            TenantId = organisationId,
            BotId = BotId,
        };
    }

    public int CountFiles(Activity activity) => files is null ? 0 : TeamsFiles.Count(activity);

    public Task<IReadOnlyList<ChannelFile>> ReadFilesAsync(Activity activity, long maxBytes, CancellationToken cancellationToken = default) =>
        files is null ? Task.FromResult<IReadOnlyList<ChannelFile>>([]) : files.ReadAsync(activity, maxBytes, cancellationToken);

    /// <summary>The bot's Teams id (28:app id), or the local one.</summary>
    public string BotId => string.IsNullOrWhiteSpace(bot.Value.MicrosoftAppId) ? LocalBotId : TeamsConversationIds.Bot(bot.Value.MicrosoftAppId);

    private static Activity Prepare(Activity message, ConversationReference reference)
    {
        message.Type ??= ActivityTypes.Message;
        message.Conversation ??= new ConversationAccount { Id = reference.ConversationId, ConversationType = reference.ConversationType, TenantId = reference.TenantId };
        message.ServiceUrl ??= reference.ServiceUrl;
        message.ChannelId ??= reference.ChannelId;
        return message;
    }
}
