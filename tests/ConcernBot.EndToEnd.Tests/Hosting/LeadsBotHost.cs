using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConcernBot.EndToEnd.Tests.Hosting;

/// <summary>The real host on a loopback socket with the leads' settings; settings may be added until it starts.</summary>
internal sealed class LeadsBotHost : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("concernbot-e2e-leads-").FullName;

    public LeadsBotHost()
    {
        Port = FreePort.Next();
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
        Settings["Leads:Designated:0:ObjectId"] = "00000000-0000-0000-0000-0000000000020"; // Alex Wilber, the Playground's current user
        Settings["Leads:Designated:0:Name"] = "Alex Wilber";
        Settings["Leads:Deputies:0:ObjectId"] = "00000000-0000-0000-0000-0000000000021"; // Megan Bowen, its second user
        Settings["Leads:Deputies:0:Name"] = "Megan Bowen";
        Settings["Storage:Outbox:PollInterval"] = "00:00:00.200";
    }

    public int Port { get; }

    public Dictionary<string, string?> Settings { get; } = [];

    public Uri MessagesEndpoint => new($"http://127.0.0.1:{Port}/api/messages");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("AllowUnauthenticatedLocalRequests", "true");
        builder.UseSetting("MicrosoftAppId", "");
        builder.UseSetting("Storage:Sqlite:Path", Path.Combine(_dataFolder, "concernbot.db"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean from the temp folder.
        }
    }
}
