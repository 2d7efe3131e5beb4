using System.Globalization;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Teams;

namespace ConcernBot.Tests.Support;

/// <summary>One call the bot made to the connector.</summary>
/// <param name="Operation">send, reply, update, delete or createConversation.</param>
public sealed record ConnectorCall(string Operation, string ServiceUrl, string? ConversationId, string? ActivityId, Activity? Activity, ConversationParameters? Parameters = null);

/// <summary>
/// A connector that records what the bot sends instead of calling Teams. Thread-safe; <see cref="WaitForAsync"/> waits until
/// a number of calls have arrived. Roster and team lookups answer from <see cref="Members"/> and <see cref="Channels"/>.
/// </summary>
public sealed class RecordingConnector : IConnectorClient
{
    private readonly Lock _gate = new();
    private readonly List<ConnectorCall> _calls = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private int _nextId;

    public IList<TeamsMember> Members { get; } = [];

    public IList<ChannelInfo> Channels { get; } = [];

    /// <summary>A snapshot of every call so far, in order.</summary>
    public IReadOnlyList<ConnectorCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The activities sent, replied, or updated so far, in order.</summary>
    public IReadOnlyList<Activity> Activities => [.. Calls.Where(c => c.Activity is not null).Select(c => c.Activity!)];

    /// <summary>Waits until at least <paramref name="count"/> calls have been recorded; fails after the timeout (default 10 s).</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        Task done;
        lock (_gate)
        {
            if (_calls.Count >= count)
            {
                return [.. _calls];
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, waiter));
            done = waiter.Task;
        }

        try
        {
            await done.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Expected {count} connector calls, saw {Calls.Count}.");
        }

        return Calls;
    }

    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        Task.FromResult(Record(new ConnectorCall("send", serviceUrl, conversationId, null, activity)));

    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        Task.FromResult(Record(new ConnectorCall("reply", serviceUrl, conversationId, activityId, activity)));

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        Record(new ConnectorCall("update", serviceUrl, conversationId, activityId, activity));
        return Task.FromResult(new ResourceResponse { Id = activityId });
    }

    public Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        Record(new ConnectorCall("delete", serviceUrl, conversationId, activityId, null));
        return Task.CompletedTask;
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        var id = Record(new ConnectorCall("createConversation", serviceUrl, null, null, parameters.Activity, parameters)).Id;
        return Task.FromResult(new ConversationResourceResponse { Id = "conversation-" + id, ServiceUrl = serviceUrl, ActivityId = id });
    }

    public Task<IReadOnlyList<TeamsMember>> GetMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TeamsMember>>([.. Members]);

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new PagedMembersResult { Members = [.. Members] });

    public Task<TeamsMember?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Members.FirstOrDefault(m => string.Equals(m.Id, userId, StringComparison.Ordinal)));

    public Task<TeamDetails> GetTeamAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new TeamDetails { Id = teamId });

    public Task<IReadOnlyList<ChannelInfo>> GetChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ChannelInfo>>([.. Channels]);

    private ResourceResponse Record(ConnectorCall call)
    {
        string id;
        lock (_gate)
        {
            _calls.Add(call);
            id = (++_nextId).ToString(CultureInfo.InvariantCulture);
            foreach (var waiter in _waiters.Where(w => _calls.Count >= w.Count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }

        return new ResourceResponse { Id = id };
    }
}
