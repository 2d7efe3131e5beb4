namespace ConcernBot.Channels.DirectLine;

/// <summary>The `DirectLine` configuration section: the web page's own channel.</summary>
public sealed class DirectLineOptions
{
    /// <summary>The organisation every conversation of this channel belongs to (the page is configured for one).</summary>
    public string? OrganisationId { get; set; }

    /// <summary>How long a conversation token is good for; the client refreshes it before then.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a conversation with nothing new is kept in memory.</summary>
    public TimeSpan IdleLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How many activities one conversation keeps for the client to fetch (the oldest go first).</summary>
    public int MaxActivities { get; set; } = 500;

    /// <summary>How many conversations this instance keeps at once; a new one beyond that is refused (429).</summary>
    public int MaxConversations { get; set; } = 10_000;
}
