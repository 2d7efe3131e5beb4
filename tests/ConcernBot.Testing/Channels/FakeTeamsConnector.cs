using System.Collections.Concurrent;
using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Teams;

namespace ConcernBot.Testing;

/// <summary>One call the bot made to the connector: send, reply, update, delete or create (a conversation).</summary>
public sealed record ConnectorCall(string Operation, string ServiceUrl, string? ConversationId, string? ActivityId, Activity? Activity, ConversationParameters? Parameters = null)
{
    /// <summary>The first adaptive card of the call's activity, as JSON text ("" when none).</summary>
    public string CardJson =>
        (Activity ?? Parameters?.Activity)?.Attachments?.FirstOrDefault()?.Content is { } card ? card.GetRawText() : "";

    public JsonElement Card => (Activity ?? Parameters?.Activity)!.Attachments![0].Content!.Value;
}

/// <summary>
/// The Bot Connector, stood in for: records every call in order and answers like Teams (message ids, thread ids, personal
/// chats, a roster per channel in two pages, a 403 for people the app is not installed for). Every host of these tests uses it.
/// </summary>
public sealed class FakeTeamsConnector : IConnectorClient, ISentActivities
{
    private int _next;

    private readonly ConcurrentQueue<ConnectorCall> _calls = new();

    /// <summary>A snapshot of every call so far, in order.</summary>
    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    /// <summary>The activities sent, replied or updated so far, in order.</summary>
    public IReadOnlyList<Activity> Activities => [.. _calls.Where(c => c.Activity is not null && c.Operation != "create").Select(c => c.Activity!)];

    /// <summary>Waits until at least <paramref name="count"/> calls have been made; fails after the timeout (default 10 s).</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_calls.Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Expected {count} connector calls, saw {_calls.Count}.");
            }

            await Task.Delay(10);
        }

        return Calls;
    }

    /// <summary>Member ids (user or object ids) for whom opening a 1:1 answers 403, as Teams does when the app is not installed for them.</summary>
    public ConcurrentDictionary<string, bool> Unreachable { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every activity sent or replied, in order (what a <see cref="TeamsChat"/> reads its replies from).</summary>
    public IReadOnlyList<Activity> Sent => [.. _calls.Where(c => c.Operation is "send" or "reply" && c.Activity is not null).Select(c => c.Activity!)];

    /// <summary>Members by conversation id (a channel's roster).</summary>
    public ConcurrentDictionary<string, List<TeamsMember>> Members { get; } = new();

    /// <summary>Channels by team id.</summary>
    public ConcurrentDictionary<string, List<ChannelInfo>> Channels { get; } = new();

    /// <summary>The calls of one kind, leaving out the reporter's own chat (see <see cref="ToReporter"/>).</summary>
    public IReadOnlyList<ConnectorCall> Of(string operation) => [.. _calls.Where(c => c.Operation == operation && !IsReporterChat(c))];

    /// <summary>What was sent into the reporter's 1:1 chat.</summary>
    public IReadOnlyList<string> ToReporter() =>
        [.. _calls.Where(c => c.Operation == "send" && IsReporterChat(c)).Select(c => c.Activity!.Text ?? "")];

    public static string ReporterChat => "a:personal-" + People.Rita.ObjectId;

    private static bool IsReporterChat(ConnectorCall call) =>
        call.ConversationId == ReporterChat || call.Parameters?.Members?.FirstOrDefault()?.Id == People.Rita.ObjectId;

    public void Clear() => _calls.Clear();

    private string NextId() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        var id = "m" + NextId();
        activity.Id = id;
        activity.Conversation ??= new ConversationAccount { Id = conversationId };
        _calls.Enqueue(new ConnectorCall("send", serviceUrl, conversationId, id, activity, null));
        return Task.FromResult(new ResourceResponse { Id = id });
    }

    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        _calls.Enqueue(new ConnectorCall("reply", serviceUrl, conversationId, activityId, activity, null));
        return Task.FromResult(new ResourceResponse { Id = "m" + NextId() });
    }

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        _calls.Enqueue(new ConnectorCall("update", serviceUrl, conversationId, activityId, activity, null));
        return Task.FromResult(new ResourceResponse { Id = activityId });
    }

    public Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        _calls.Enqueue(new ConnectorCall("delete", serviceUrl, conversationId, activityId, null, null));
        return Task.CompletedTask;
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        _calls.Enqueue(new ConnectorCall("create", serviceUrl, null, null, null, parameters));
        if (parameters.IsGroup != true && parameters.Members is [var member, ..] && Unreachable.ContainsKey(member.Id ?? ""))
        {
            throw new ConnectorException(403, "BotNotInConversationRoster", "The bot is not installed for this user.");
        }

        if (parameters.IsGroup == true)
        {
            var channel = parameters.ChannelData!.Value.GetProperty("channel").GetProperty("id").GetString();
            var root = "root" + NextId();
            return Task.FromResult(new ConversationResourceResponse { Id = $"{channel};messageid={root}", ActivityId = root, ServiceUrl = serviceUrl });
        }

        return Task.FromResult(new ConversationResourceResponse { Id = "a:personal-" + parameters.Members![0].Id, ServiceUrl = serviceUrl });
    }

    public Task<IReadOnlyList<TeamsMember>> GetMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TeamsMember>>(Roster(conversationId));

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        // Two pages, so paging is exercised.
        var all = Roster(conversationId);
        var half = all.Count / 2;
        return Task.FromResult(continuationToken is null
            ? new PagedMembersResult { Members = [.. all.Take(half)], ContinuationToken = all.Count > half ? "page2" : null }
            : new PagedMembersResult { Members = [.. all.Skip(half)] });
    }

    public Task<TeamsMember?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Roster(conversationId).FirstOrDefault(m => m.Id == userId));

    public Task<TeamDetails> GetTeamAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new TeamDetails { Id = teamId });

    public Task<IReadOnlyList<ChannelInfo>> GetChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default)
    {
        _calls.Enqueue(new ConnectorCall("channels", serviceUrl, teamId, null, null, null));
        return Task.FromResult<IReadOnlyList<ChannelInfo>>(Channels.TryGetValue(teamId, out var list) ? list : []);
    }

    private List<TeamsMember> Roster(string conversationId)
    {
        var channel = conversationId.Split(';')[0];
        return Members.TryGetValue(channel, out var list) ? list : [];
    }
}
