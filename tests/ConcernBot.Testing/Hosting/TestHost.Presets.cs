namespace ConcernBot.Testing;

/// <summary>The set-ups the tests share, each a <see cref="TestHost"/> with options of its own.</summary>
public sealed partial class TestHost
{
    /// <summary>What the intake's host tells someone in danger (Intake:EmergencyAdvice).</summary>
    public const string EmergencyAdvice = "Call 999 now. (Test setting.)";

    /// <summary>Where the leads' fake clock starts: a Tuesday morning.</summary>
    public static readonly DateTimeOffset LeadsStart = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Local mode, as a developer runs the bot: no app id, token-less requests from loopback service URLs.</summary>
    private static Dictionary<string, string?> LocalMode() => new()
    {
        ["AllowUnauthenticatedLocalRequests"] = "true",
        ["MicrosoftAppId"] = "",
    };

    /// <summary>
    /// The intake's host, in local mode on <paramref name="data"/> (which outlives it: a restart is a new host on the same
    /// data): two named leads (Priya, Tom), an escalation contact, emergency advice, a support contact and a policy link.
    /// </summary>
    /// <param name="countConversations">
    /// Put a <see cref="CountingConversationStore"/> straight on the SQLite conversation store in place of the product's
    /// own composition (sealed, shared within a turn); false keeps the product's composition as it runs.
    /// </param>
    public static TestHost Intake(IntakeData data, IReadOnlyDictionary<string, string?>? settings = null, bool countConversations = true)
    {
        var preset = LocalMode();
        preset["Intake:EmergencyAdvice"] = EmergencyAdvice;
        preset["Intake:SupportContacts:0"] = "Employee assistance: 0800 000 0000 (test)";
        preset["Leads:Designated:0:Name"] = "Priya Shah";
        preset["Leads:Designated:0:ObjectId"] = "lead-priya-oid";
        preset["Leads:Designated:1:ObjectId"] = "lead-tom-oid";
        preset["Leads:Designated:1:Name"] = "Tom Okafor";
        preset["Leads:EscalationContact:ObjectId"] = "head-of-care-oid";
        preset["Leads:EscalationContact:Name"] = "Jo Smith (Head of Care)";
        preset["Learn:PolicyLinks:0:Title"] = "Safeguarding adults policy";
        preset["Learn:PolicyLinks:0:Url"] = "https://example.org/policies/safeguarding-adults";
        return new(new TestHostOptions { Data = data.Folder, Preset = preset, Settings = settings, CountConversations = countConversations });
    }

    /// <summary>
    /// The leads' host: <see cref="People.Settings"/> (unless the options give their own <see cref="TestHostOptions.Preset"/>),
    /// the fake clock from <see cref="LeadsStart"/> (unless they give another) with the outbox delivered by the test, and
    /// the leads' channel's roster: Asha, Ben, Dee and Nick.
    /// </summary>
    public static TestHost Leads(TestHostOptions? options = null)
    {
        options ??= new TestHostOptions();
        var host = new TestHost(options with { Preset = options.Preset ?? People.Settings(), ClockStart = options.ClockStart ?? LeadsStart });
        host.Connector.Members[People.LeadsChannel] = [People.Asha.AsMember(), People.Ben.AsMember(), People.Dee.AsMember(), People.Nick.AsMember()];
        return host;
    }

    /// <summary>
    /// The host for the Microsoft 365 Agents Playground: in local mode on a real loopback socket (a free port unless given),
    /// with the real Bot Connector client, which the Playground answers. Start it with StartServer().
    /// </summary>
    public static TestHost Playground(int? port = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(new TestHostOptions { Port = port ?? FreePort.Next(), RealConnector = true, Preset = LocalMode(), Settings = settings });
}
