using System.Collections.Concurrent;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Teams;

namespace ConcernBot.Tests.Support.Chat;

/// <summary>Stands in for the Bot Connector: records every message the bot sends, in order.</summary>
public sealed class ConnectorRecorder : IConnectorClient, ISentActivities
{
    private readonly ConcurrentQueue<Activity> _sent = new();
    private int _ids;

    public IReadOnlyList<Activity> Sent => _sent.ToList();

    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        activity.Id = "bot-" + Interlocked.Increment(ref _ids);
        _sent.Enqueue(activity);
        return Task.FromResult(new ResourceResponse { Id = activity.Id });
    }

    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync(serviceUrl, conversationId, activity, cancellationToken);

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ResourceResponse { Id = activityId });

    public Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<TeamsMember>> GetMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<TeamsMember?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<TeamDetails> GetTeamAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<ChannelInfo>> GetChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}
