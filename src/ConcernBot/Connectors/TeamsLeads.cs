using System.Text.Json.Nodes;
using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Teams;
using ConcernBot.Concerns;

using ConcernBot.Leads;
using ConcernBot.Channels.Turns;

namespace ConcernBot.Connectors;

/// <summary>
/// The leads' side of Teams, over the Bot Connector: a new channel thread, 1:1 chats, replies in the thread, updates in
/// place, the channel's roster and a team's channels. Teams-only on purpose: the leads work in Teams.
/// </summary>
public sealed class TeamsLeads(IConnectorClient connector, BotConnectorAdapter adapter) : ITeamsLeads
{
    private const int RosterPageSize = 500;

    /// <summary>Starts a new thread in the channel with the card.</summary>
    public async Task<LeadsCardPost> PostThreadAsync(LeadsChannel channel, JsonElement card, CancellationToken cancellationToken)
    {
        var thread = await connector.StartChannelThreadAsync(channel.ServiceUrl, channel.ChannelId, CardMessage(card), cancellationToken);
        return new LeadsCardPost(channel.ServiceUrl, thread.ConversationId, thread.RootActivityId, InChannel: true);
    }

    /// <summary>A message to one person in a 1:1 chat: text, a card, or both in one message. Answers where it went.</summary>
    public async Task<LeadsCardPost> SendPrivateAsync(string serviceUrl, string tenantId, string memberId, string? text, JsonElement? card, CancellationToken cancellationToken)
    {
        var conversationId = await OpenPersonalAsync(serviceUrl, tenantId, memberId, cancellationToken);
        var message = card is { } c ? CardMessage(c, conversationId) : TextMessage(text ?? "", conversationId);
        if (card is not null && text is not null)
        {
            message.Text = text;
            message.TextFormat = "markdown";
        }

        var sent = await connector.SendAsync(serviceUrl, conversationId, message, cancellationToken);
        return new LeadsCardPost(serviceUrl, conversationId, sent.Id ?? "", InChannel: false);
    }

    /// <summary>A message in the card's thread (channel) or chat (1:1), with @mentions.</summary>
    public Task<ResourceResponse> ReplyAsync(LeadsCardPost post, string text, IReadOnlyList<(string UserId, string Name)> mentions, CancellationToken cancellationToken)
    {
        var conversationId = post.InChannel ? TeamsConversationIds.ThreadReply(post.ConversationId, post.ActivityId) : post.ConversationId;
        var message = TextMessage(text, conversationId);
        message.ReplyToId = post.ActivityId;
        if (mentions.Count > 0)
        {
            message.Entities = [.. mentions.Select(m => Json(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = $"<at>{m.Name}</at>",
                ["mentioned"] = new JsonObject { ["id"] = m.UserId, ["name"] = m.Name },
            }))];
        }

        return connector.SendAsync(post.ServiceUrl, conversationId, message, cancellationToken);
    }

    /// <summary>Replaces the card everywhere it was posted.</summary>
    public async Task UpdateAsync(IEnumerable<LeadsCardPost> posts, JsonElement card, CancellationToken cancellationToken)
    {
        foreach (var post in posts.Where(p => p.ActivityId.Length > 0))
        {
            var update = CardMessage(card, post.ConversationId);
            update.Id = post.ActivityId;
            await connector.UpdateAsync(post.ServiceUrl, post.ConversationId, post.ActivityId, update, cancellationToken);
        }
    }

    public async Task<IReadOnlyDictionary<string, TeamsMember>> ReadRosterAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        var members = new Dictionary<string, TeamsMember>(StringComparer.OrdinalIgnoreCase);
        await foreach (var member in connector.GetAllMembersAsync(serviceUrl, conversationId, RosterPageSize, cancellationToken))
        {
            if (member.AadObjectId is { Length: > 0 } objectId)
            {
                members[objectId] = member;
            }
        }

        return members;
    }

    public Task<IReadOnlyList<ChannelInfo>> ListChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) =>
        connector.GetChannelsAsync(serviceUrl, teamId, cancellationToken);

    public async Task SendPrivateAttachmentsAsync(string serviceUrl, string tenantId, string memberId, IReadOnlyList<Attachment> attachments, CancellationToken cancellationToken)
    {
        var conversationId = await OpenPersonalAsync(serviceUrl, tenantId, memberId, cancellationToken);
        await connector.SendAsync(serviceUrl, conversationId, new Activity { Type = ActivityTypes.Message, Conversation = new ConversationAccount { Id = conversationId }, Attachments = [.. attachments] }, cancellationToken);
    }

    private async Task<string> OpenPersonalAsync(string serviceUrl, string tenantId, string userId, CancellationToken cancellationToken)
    {
        var response = await connector.CreatePersonalChatAsync(serviceUrl, adapter.BotId, userId, tenantId, cancellationToken);
        return response.Id ?? throw new InvalidOperationException("The connector did not return a conversation id.");
    }

    private static Activity CardMessage(JsonElement card, string? conversationId = null) => new()
    {
        Type = ActivityTypes.Message,
        Conversation = conversationId is null ? null : new ConversationAccount { Id = conversationId },
        Attachments = [Attachment.AdaptiveCard(card)],
    };

    private static Activity TextMessage(string text, string conversationId) => new()
    {
        Type = ActivityTypes.Message,
        Conversation = new ConversationAccount { Id = conversationId },
        Text = text,
        TextFormat = "markdown",
    };

    private static JsonElement Json(JsonObject node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
