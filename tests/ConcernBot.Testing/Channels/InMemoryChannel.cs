using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Testing;

/// <summary>
/// A second channel, for tests only: its own channel id, no tenant and no Entra ids. It owns its conversations' turns (run
/// straight into the host's IBot) and every message sent to them later, as a web page's channel would. The person's key is
/// the one this channel bound to the conversation, never what the client sent in <c>from</c>.
/// </summary>
public sealed class InMemoryChannel(string organisationId) : IChannelAdapter, ISentActivities
{
    public const string Id = "test-inmemory";
    public const string ServiceUrl = "inmemory://channel/";

    private readonly ConcurrentQueue<Activity> _sent = new();
    private readonly ConcurrentDictionary<string, string> _people = new(StringComparer.Ordinal);
    private int _ids;

    public IServiceProvider? Services { get; set; }

    public IReadOnlyList<Activity> Sent => [.. _sent];

    /// <summary>Opens a conversation for a new visitor: the channel, not the client, chooses whose it is.</summary>
    public string Open()
    {
        var conversationId = "inmemory-" + Guid.NewGuid().ToString("N")[..12];
        _people[conversationId] = "visitor-" + Guid.NewGuid().ToString("N")[..12];
        return conversationId;
    }

    public bool Owns(string? channelId) => channelId == Id;

    public TurnFacts Describe(Activity activity) =>
        new(IsPrivate: true, OrganisationId: organisationId, PersonKey: activity.Conversation?.Id is { } id && _people.TryGetValue(id, out var person) ? person : null);

    public Task<ResourceResponse> SendAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default)
    {
        activity.Id = "im-" + Interlocked.Increment(ref _ids);
        activity.Conversation = new ConversationAccount { Id = reference.ConversationId };
        activity.ChannelId = Id;
        _sent.Enqueue(activity);
        return Task.FromResult(new ResourceResponse { Id = activity.Id });
    }

    public Task UpdateAsync(ConversationReference reference, string activityId, Activity activity, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<bool> DeleteAsync(ConversationReference reference, string activityId, CancellationToken cancellationToken = default) => Task.FromResult(false);

    public Task<ConversationReference?> OpenPrivateAsync(string serviceUrl, string organisationId, string memberId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ConversationReference?>(null);

    /// <summary>Runs one inbound activity as this channel's turn (the transport of a <see cref="TeamsChat"/> on this channel).</summary>
    public async Task DeliverAsync(JsonObject json)
    {
        json["channelId"] = Id;
        json["serviceUrl"] = ServiceUrl;
        var activity = json.ToActivity();
        var bot = (Services ?? throw new InvalidOperationException("Set Services first.")).GetRequiredService<IBot>();
        await bot.OnTurnAsync(new TurnContext(activity, this), CancellationToken.None);
    }
}
