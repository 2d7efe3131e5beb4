using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConcernBot.EndToEnd.Tests.Hosting;

/// <summary>
/// The real ConcernBot web host on a real loopback socket (Kestrel, not the in-memory test server), in local mode:
/// Development settings, no app id, unauthenticated requests accepted from loopback service URLs only.
/// </summary>
internal sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("concernbot-e2e-data-").FullName;

    public BotHost()
    {
        Port = FreePort.Next();
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
    }

    public int Port { get; }

    public Uri MessagesEndpoint => new($"http://127.0.0.1:{Port}/api/messages");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("AllowUnauthenticatedLocalRequests", "true");
        builder.UseSetting("MicrosoftAppId", "");
        builder.UseSetting("Storage:Sqlite:Path", Path.Combine(_dataFolder, "concernbot.db"));
        builder.UseSetting("DataProtection:KeyFolder", Path.Combine(_dataFolder, "keys"));
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
            // A file still held open is left for the OS to clean from the temp folder.
        }
    }
}
