using System.Runtime.CompilerServices;
using ConcernBot.Channels.Activities;

namespace ConcernBot.Channels.Teams.Connector;

/// <summary>The conversations a bot starts, and whole rosters.</summary>
public static class ConnectorClientExtensions
{
    /// <summary>Starts (or finds) the 1:1 chat with a user; the answer's id is the conversation to send to.</summary>
    public static Task<ConversationResourceResponse> CreatePersonalChatAsync(this IConnectorClient connector, string serviceUrl, string botId, string userId, string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return connector.CreateConversationAsync(serviceUrl, ConversationParameters.ForPersonalChat(botId, userId, tenantId), cancellationToken);
    }

    /// <summary>Posts <paramref name="activity"/> as a new thread in a channel; answers where to send replies in that thread.</summary>
    public static async Task<ChannelThread> StartChannelThreadAsync(this IConnectorClient connector, string serviceUrl, string channelId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        var created = await connector.CreateConversationAsync(serviceUrl, ConversationParameters.ForChannelThread(channelId, activity), cancellationToken).ConfigureAwait(false);
        var rootId = created.ActivityId;
        if (string.IsNullOrEmpty(rootId))
        {
            throw new ConnectorException(200, ConnectorException.InvalidResponse, "The connector created the thread but did not say the id of its first message.");
        }

        return new ChannelThread(TeamsConversationIds.ThreadReply(channelId, rootId), rootId, created.ServiceUrl ?? serviceUrl);
    }

    /// <summary>Every member of a conversation or team, page by page (the connector's paged roster).</summary>
    public static async IAsyncEnumerable<TeamsMember> GetAllMembersAsync(this IConnectorClient connector, string serviceUrl, string conversationId, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connector);
        string? continuation = null;
        do
        {
            var page = await connector.GetPagedMembersAsync(serviceUrl, conversationId, pageSize, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var member in page.Members ?? [])
            {
                yield return member;
            }

            continuation = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuation));
    }
}

/// <summary>A thread the bot started: replies go to <see cref="ConversationId"/>; <see cref="RootActivityId"/> is its first post.</summary>
public sealed record ChannelThread(string ConversationId, string RootActivityId, string ServiceUrl);
