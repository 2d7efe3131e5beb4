using ConcernBot.Channels.Teams.Connector.Auth;

namespace ConcernBot.Channels.Teams.Tests.Connector;

internal sealed class FakeTokenProvider : IConnectorTokenProvider
{
    public const string Token = "test-connector-token";

    public int Calls { get; private set; }

    public Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult<string?>(Token);
    }
}
