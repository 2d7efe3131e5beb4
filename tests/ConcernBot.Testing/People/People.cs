using ConcernBot.Channels.Teams.Connector;

namespace ConcernBot.Testing;

/// <summary>A made-up person of the leads' tenant: Entra object id, name and Teams user id.</summary>
public sealed record Person(string ObjectId, string Name, string UserId)
{
    public TeamsMember AsMember() => new() { Id = UserId, Name = Name, AadObjectId = ObjectId };

    /// <summary>This person in their 1:1 chat with the bot.</summary>
    public TeamsUser InPersonalChat => new(UserId, Name, ObjectId, People.Tenant, "a:personal-" + UserId);
}

/// <summary>
/// The made-up people of the tests: the leads' tenant (its team, its leads' channel and who is who in it), and the one
/// person of the host tests' personal chat (<see cref="Tester"/>).
/// </summary>
public static class People
{
    public const string Tenant = "tenant-0001";
    public const string TeamId = "19:team-general@thread.tacv2";
    public const string LeadsChannel = "19:leads-channel@thread.tacv2";

    /// <summary>The leads' channel's service URL in the settings: the one every built activity comes from.</summary>
    public const string ServiceUrl = TestActivity.LocalServiceUrl;

    /// <summary>The person of the host tests' personal chat, with the fixed ids a test looks for in logs and calls.</summary>
    public static readonly TeamsUser Tester = new("29:1a2b3c-test-user", "Test Person", "6f1d2c3b-0000-4000-8000-00000000a11c", "tenant-test", "a:1personal-test-conversation");

    public static readonly Person Asha = new("00000000-0000-0000-0000-00000000a5a1", "Asha Designated", "29:asha");
    public static readonly Person Ben = new("00000000-0000-0000-0000-00000000be01", "Ben Designated", "29:ben");
    public static readonly Person Dee = new("00000000-0000-0000-0000-00000000dee1", "Dee Deputy", "29:dee");
    public static readonly Person Erin = new("00000000-0000-0000-0000-00000000e121", "Erin Trustee", "29:erin");
    public static readonly Person Ada = new("00000000-0000-0000-0000-00000000ada1", "Ada Admin", "29:ada");
    public static readonly Person Nick = new("00000000-0000-0000-0000-000000001c01", "Nick Colleague", "29:nick");
    public static readonly Person Rita = new("00000000-0000-0000-0000-00000000717a", "Rita Reporter", "29:rita");

    /// <summary>Settings for the leads: Asha and Ben designated, Dee deputy, Erin the escalation contact, Ada admin.</summary>
    public static Dictionary<string, string?> Settings(bool channelInSettings = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AllowUnauthenticatedLocalRequests"] = "true",
            ["Leads:Admins:0"] = Ada.ObjectId,
            ["Leads:Designated:0:ObjectId"] = Asha.ObjectId,
            ["Leads:Designated:0:Name"] = Asha.Name,
            ["Leads:Designated:1:ObjectId"] = Ben.ObjectId,
            ["Leads:Designated:1:Name"] = Ben.Name,
            ["Leads:Deputies:0:ObjectId"] = Dee.ObjectId,
            ["Leads:Deputies:0:Name"] = Dee.Name,
            ["Leads:EscalationContact:ObjectId"] = Erin.ObjectId,
            ["Leads:EscalationContact:Name"] = Erin.Name,
            ["Leads:EscalationContact:UserId"] = Erin.UserId,
            ["Leads:OutsideRoutes:0:Name"] = "Local authority safeguarding adults team",
            ["Leads:OutsideRoutes:0:Phone"] = "0300 000 0000",
            ["Leads:OutsideRoutes:1:Name"] = "Protect (whistleblowing advice line)",
            ["Leads:OutsideRoutes:1:Url"] = "https://protect-advice.org.uk/",
        };
        if (channelInSettings)
        {
            settings["Leads:Channel:ServiceUrl"] = ServiceUrl;
            settings["Leads:Channel:ConversationId"] = LeadsChannel;
        }

        return settings;
    }
}
