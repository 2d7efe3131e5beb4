using ConcernBot.Testing;

namespace ConcernBot.EndToEnd.Tests.Hosting;

/// <summary>The real bot and the real Playground pointed at it, for one test class; both stopped even when a test fails.</summary>
public sealed class PlaygroundFixture : IAsyncLifetime, IAsyncDisposable
{
    private TestHost? _bot;
    private PlaygroundProcess? _playground;

    public Uri PlaygroundAddress => Playground.Address;

    internal PlaygroundProcess Playground => _playground ?? throw new InvalidOperationException("The Playground has not started.");

    /// <summary>The bot's services (e.g. its stores), to check what a conversation in the browser left behind.</summary>
    public IServiceProvider BotServices => (_bot ?? throw new InvalidOperationException("The bot has not started.")).Services;

    public async Task InitializeAsync()
    {
        try
        {
            _bot = TestHost.Playground();
            _bot.StartServer();
            _playground = await PlaygroundProcess.StartAsync(_bot.MessagesEndpoint);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>Safe to call more than once (xunit may call both dispose methods).</summary>
    public async Task DisposeAsync()
    {
        var playground = Interlocked.Exchange(ref _playground, null);
        var bot = Interlocked.Exchange(ref _bot, null);
        try
        {
            if (playground is not null)
            {
                await playground.DisposeAsync();
            }
        }
        finally
        {
            if (bot is not null)
            {
                await bot.DisposeAsync();
            }
        }
    }

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());
}
