namespace ConcernBot.Testing;

/// <summary>A made-up person in a 1:1 chat with the bot: their Teams user id, name, Entra object id, tenant and chat.</summary>
public sealed record TeamsUser(string Id, string Name, string AadObjectId, string TenantId, string ConversationId)
{
    /// <summary>The tenant of the people <see cref="Make"/> makes (the intake's organisation).</summary>
    public const string Organisation = "tenant-contoso-care";

    public static TeamsUser Ada() => Make("Ada Quillfeather");

    /// <summary>Someone new, with ids and a chat of their own.</summary>
    public static TeamsUser Make(string name)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        return new TeamsUser("29:user-" + tag, name, "aad-" + tag, Organisation, "a:conversation-" + tag);
    }
}
