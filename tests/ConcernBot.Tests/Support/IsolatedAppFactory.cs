using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ConcernBot.Tests.Support;

/// <summary>The real app for tests that only need its services, on a data folder of its own.</summary>
public sealed class IsolatedAppFactory : WebApplicationFactory<Program>
{
    private readonly TestDataFolder _data = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _data.Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _data.Dispose();
    }
}
