using ConcernBot.Channels.Teams.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConcernBot.Channels.Teams.Tests.Connector;

public sealed class ConnectorOptionsTests
{
    [Fact]
    public async Task The_BotConnector_section_adds_known_hosts_to_the_public_Teams_host_and_sets_the_retry_limits()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BotConnector:KnownServiceUrls:0"] = "https://smba.infra.gcc.teams.microsoft.com/",
            ["BotConnector:MaxAttempts"] = "2",
            ["BotConnector:TotalTimeout"] = "00:00:20",
        }).Build();
        var services = new ServiceCollection();
        services.AddBotConnector(configuration.GetSection("BotConnector"));
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ConnectorOptions>>().Value;

        Assert.True(options.IsKnownServiceUrl("https://smba.trafficmanager.net/amer/"));
        Assert.True(options.IsKnownServiceUrl("https://smba.infra.gcc.teams.microsoft.com/gcc/"));
        Assert.Equal(2, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(20), options.TotalTimeout);
    }

    [Fact]
    public async Task Zero_attempts_are_refused()
    {
        var services = new ServiceCollection();
        services.AddBotConnector();
        services.Configure<ConnectorOptions>(o => o.MaxAttempts = 0);
        await using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ConnectorOptions>>().Value);
    }
}
