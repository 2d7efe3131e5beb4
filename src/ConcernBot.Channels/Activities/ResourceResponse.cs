namespace ConcernBot.Channels.Activities;

/// <summary>What a channel answers when a message is sent: the new activity's id.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}
