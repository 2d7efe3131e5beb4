using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Storage.Sqlite;
using ConcernBot.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Tests.Support.Chat;

/// <summary>
/// The real host (Development, local mode: no app id, loopback service URL) on the real SQLite store in a test's data
/// folder, with a recording connector in place of the Bot Connector.
/// </summary>
/// <param name="countConversations">
/// Put a <see cref="CountingConversationStore"/> straight on the SQLite conversation store in place of the product's
/// own composition (sealed, shared within a turn); false keeps the product's composition as it runs.
/// </param>
public sealed class IntakeHost(IntakeData data, IReadOnlyDictionary<string, string?>? settings = null, bool countConversations = true) : WebApplicationFactory<Program>
{
    public FakeTeamsConnector Connector { get; } = new();

    public IntakeData Data => data;

    public CountingConversationStore Conversations => Services.GetRequiredService<CountingConversationStore>();

    public const string EmergencyAdvice = "Call 999 now. (Test setting.)";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("AllowUnauthenticatedLocalRequests", "true");
        builder.UseSetting("MicrosoftAppId", "");
        builder.UseSetting("DataProtection:KeyFolder", Path.Combine(data.Folder, "keys"));
        builder.UseSetting("Storage:Sqlite:Path", Path.Combine(data.Folder, "concernbot.db"));
        builder.UseSetting("Intake:EmergencyAdvice", EmergencyAdvice);
        builder.UseSetting("Intake:SupportContacts:0", "Employee assistance: 0800 000 0000 (test)");
        builder.UseSetting("Leads:Designated:0:Name", "Priya Shah");
        builder.UseSetting("Leads:Designated:0:ObjectId", "lead-priya-oid");
        builder.UseSetting("Leads:Designated:1:ObjectId", "lead-tom-oid");
        builder.UseSetting("Leads:EscalationContact:ObjectId", "head-of-care-oid");
        builder.UseSetting("Leads:EscalationContact:Name", "Jo Smith (Head of Care)");
        builder.UseSetting("Leads:Designated:1:Name", "Tom Okafor");
        builder.UseSetting("Learn:PolicyLinks:0:Title", "Safeguarding adults policy");
        builder.UseSetting("Learn:PolicyLinks:0:Url", "https://example.org/policies/safeguarding-adults");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IConnectorClient>();
            services.AddSingleton<IConnectorClient>(Connector);
            if (countConversations)
            {
                services.RemoveAll<IConversationStore>();
                services.AddSingleton(sp => new CountingConversationStore(new SqliteConversationStore(sp.GetRequiredService<SqliteDatabase>())));
                services.AddSingleton<IConversationStore>(sp => sp.GetRequiredService<CountingConversationStore>());
            }
        });
    }

    public TeamsChat Chat(TeamsUser? user = null) => new(CreateClient(), Connector, user ?? TeamsUser.Ada());
}
