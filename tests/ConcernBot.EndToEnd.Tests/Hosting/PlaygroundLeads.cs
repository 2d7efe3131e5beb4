namespace ConcernBot.EndToEnd.Tests.Hosting;

/// <summary>The leads' settings for the Playground's own people and team.</summary>
internal static class PlaygroundLeads
{
    /// <summary>The Playground's current user, Alex Wilber.</summary>
    public const string Alex = "00000000-0000-0000-0000-0000000000020";

    /// <summary>The Playground's second user, Megan Bowen.</summary>
    public const string Megan = "00000000-0000-0000-0000-0000000000021";

    /// <summary>
    /// Alex a designated lead and Megan a deputy; the leads' channel the Playground's team (My Team, General), reached
    /// through the Playground on <paramref name="playgroundPort"/>; the outbox polled often, so cards arrive in moments.
    /// </summary>
    public static Dictionary<string, string?> Settings(int playgroundPort) => new()
    {
        ["Leads:Designated:0:ObjectId"] = Alex,
        ["Leads:Designated:0:Name"] = "Alex Wilber",
        ["Leads:Deputies:0:ObjectId"] = Megan,
        ["Leads:Deputies:0:Name"] = "Megan Bowen",
        ["Leads:Channel:ServiceUrl"] = $"http://localhost:{playgroundPort}/_connector",
        ["Leads:Channel:ConversationId"] = "team-id",
        ["Storage:Outbox:PollInterval"] = "00:00:00.200",
    };
}
