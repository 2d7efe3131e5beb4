using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ConcernBot.Testing;

/// <summary>A bare Kestrel on a free loopback port that answers every request with one handler (a stand-in for a service).</summary>
public static class LoopbackServer
{
    /// <returns>The running app and its base address (no trailing slash).</returns>
    public static async Task<(WebApplication App, string Address)> StartAsync(RequestDelegate handle)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(handle);
        await app.StartAsync();
        return (app, app.Urls.First().TrimEnd('/'));
    }
}
