using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Teams;
using ConcernBot.Concerns;

namespace ConcernBot.Leads;

/// <summary>
/// How the leads are reached: their Teams channel's threads, its roster, a team's channels and 1:1 chats with leads. Teams
/// only, on purpose (the leads work in Teams). Reporters are reached through <see cref="Conversation.IReporterChat"/>.
/// </summary>
public interface ITeamsLeads
{
    /// <summary>Starts a new thread in the channel with the card.</summary>
    Task<LeadsCardPost> PostThreadAsync(LeadsChannel channel, JsonElement card, CancellationToken cancellationToken);

    /// <summary>A message to one person in a 1:1 chat: text, a card, or both in one message. Answers where it went.</summary>
    Task<LeadsCardPost> SendPrivateAsync(string serviceUrl, string tenantId, string memberId, string? text, JsonElement? card, CancellationToken cancellationToken);

    /// <summary>Files (e.g. an export) to one person in a 1:1 chat.</summary>
    Task SendPrivateAttachmentsAsync(string serviceUrl, string tenantId, string memberId, IReadOnlyList<Attachment> attachments, CancellationToken cancellationToken);

    /// <summary>A message in the card's thread (channel) or chat (1:1), with @mentions.</summary>
    Task<ResourceResponse> ReplyAsync(LeadsCardPost post, string text, IReadOnlyList<(string UserId, string Name)> mentions, CancellationToken cancellationToken);

    /// <summary>Replaces the card everywhere it was posted.</summary>
    Task UpdateAsync(IEnumerable<LeadsCardPost> posts, JsonElement card, CancellationToken cancellationToken);

    /// <summary>A conversation's members (paged), keyed by Entra object id.</summary>
    Task<IReadOnlyDictionary<string, TeamsMember>> ReadRosterAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChannelInfo>> ListChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken);
}
