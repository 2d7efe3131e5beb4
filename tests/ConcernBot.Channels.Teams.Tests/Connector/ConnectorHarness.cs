using ConcernBot.Channels.Teams.Authentication;
using ConcernBot.Channels.Teams.Connector.Auth;
using ConcernBot.Channels.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConcernBot.Channels.Teams.Tests.Connector;

/// <summary>The real connector registration (AddBotConnector) talking to a loopback server, with a fake token source.</summary>
internal sealed class ConnectorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ConnectorHarness(LoopbackConnector server, ServiceProvider services)
    {
        Server = server;
        _services = services;
    }

    public LoopbackConnector Server { get; }

    public string ServiceUrl => Server.BaseUrl + "/";

    public IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    public TeamsFiles Files => _services.GetRequiredService<TeamsFiles>();

    public TrustedServiceUrls Trusted => _services.GetRequiredService<TrustedServiceUrls>();

    public ConnectorOptions Options => _services.GetRequiredService<IOptions<ConnectorOptions>>().Value;

    public FakeTokenProvider Tokens { get; } = new();

    public ListLogger Logs { get; } = new();

    public static async Task<ConnectorHarness> StartAsync(bool trustServer = true, string? appId = "00000000-0000-0000-0000-000000000001", Action<ConnectorOptions>? configure = null)
    {
        var server = await LoopbackConnector.StartAsync();
        ConnectorHarness? harness = null;
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(new ListLoggerProvider(() => harness!.Logs)));
        services.Configure<BotAuthenticationOptions>(o => o.MicrosoftAppId = appId);
        services.AddBotConnector();
        services.Configure<ConnectorOptions>(o =>
        {
            o.BaseDelay = TimeSpan.FromMilliseconds(10);
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
            o.TotalTimeout = TimeSpan.FromSeconds(10);
            configure?.Invoke(o);
        });
        services.AddSingleton<IConnectorTokenProvider>(_ => harness!.Tokens);
        harness = new ConnectorHarness(server, services.BuildServiceProvider(validateScopes: true));
        if (trustServer)
        {
            harness.Trusted.Trust(harness.ServiceUrl);
        }

        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}

internal sealed class ListLogger : ILogger
{
    private readonly List<(LogLevel Level, string Message)> _entries = [];

    public IReadOnlyList<(LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_entries)
            {
                return [.. _entries];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (_entries)
        {
            _entries.Add((logLevel, formatter(state, exception)));
        }
    }
}

internal sealed class ListLoggerProvider(Func<ListLogger> logger) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => logger();

    public void Dispose()
    {
    }
}
