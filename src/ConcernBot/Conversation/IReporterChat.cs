using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;

namespace ConcernBot.Conversation;

/// <summary>
/// The only way to reach a reporter after their turn (the receipt, the leads' questions, acknowledged, closed, the
/// follow-up, draft reminders): through the reference of their chat and the channel adapter that owns it, whatever the
/// channel. Features never know which channel that is.
/// </summary>
public interface IReporterChat
{
    Task<ResourceResponse> SendAsync(ConversationReference chat, Activity message, CancellationToken cancellationToken);

    /// <summary>
    /// Opens the private chat of a named or confidential reporter whom the channel knows by <paramref name="memberId"/>
    /// (Teams: their Entra object id or user id), via <paramref name="serviceUrl"/>; null when the channel cannot.
    /// </summary>
    Task<ConversationReference?> OpenAsync(string? channelId, string serviceUrl, string organisationId, string memberId, CancellationToken cancellationToken);
}
