using Microsoft.Extensions.Time.Testing;

namespace ConcernBot.Channels.Teams.Tests.Authentication;

/// <summary>The OpenID metadata and keys are fetched once and reused; a new key id triggers one refresh (key rollover).</summary>
public sealed class MetadataCachingTests : IAsyncLifetime
{
    private OpenIdTestServer _server = null!;

    public async Task InitializeAsync() => _server = await OpenIdTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Many_validations_fetch_the_metadata_and_keys_once()
    {
        var key = _server.AddBotFrameworkKey("teams-key", "msteams");
        await using var auth = AuthenticatorHarness.For(_server);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => auth.AuthenticateTokenAsync(TestTokens.BotFramework(key))));

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Reason));
        Assert.Equal(1, _server.MetadataRequests);
        Assert.Equal(1, _server.KeyRequests);
    }

    [Fact]
    public async Task A_key_published_after_the_first_fetch_is_picked_up()
    {
        var first = _server.AddBotFrameworkKey("first-key", "msteams");
        await using var auth = AuthenticatorHarness.For(_server);
        Assert.True((await auth.AuthenticateTokenAsync(TestTokens.BotFramework(first))).Succeeded);

        var rolled = _server.AddBotFrameworkKey("rolled-key", "msteams");
        var outcome = await auth.AuthenticateTokenAsync(TestTokens.BotFramework(rolled));

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal(2, _server.KeyRequests);
    }

    [Fact]
    public async Task Unknown_key_ids_do_not_make_the_bot_refetch_on_every_request()
    {
        var key = _server.AddBotFrameworkKey("teams-key", "msteams");
        await using var auth = AuthenticatorHarness.For(_server);
        Assert.True((await auth.AuthenticateTokenAsync(TestTokens.BotFramework(key))).Succeeded);

        for (var i = 0; i < 5; i++)
        {
            var stranger = new TestSigningKey($"unknown-{i}", "msteams");
            Assert.False((await auth.AuthenticateTokenAsync(TestTokens.BotFramework(stranger))).Succeeded);
        }

        // One fetch at start, one forced refresh for the first unknown key id, none for the rest.
        Assert.Equal(2, _server.KeyRequests);
    }

    [Fact]
    public async Task A_later_key_rollover_is_picked_up_once_the_refresh_pause_has_passed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var first = _server.AddBotFrameworkKey("first-key", "msteams");
        await using var auth = AuthenticatorHarness.For(_server, time: time);
        Assert.True((await auth.AuthenticateTokenAsync(TestTokens.BotFramework(first))).Succeeded);
        var second = _server.AddBotFrameworkKey("second-key", "msteams");
        Assert.True((await auth.AuthenticateTokenAsync(TestTokens.BotFramework(second))).Succeeded);

        var third = _server.AddBotFrameworkKey("third-key", "msteams");
        var tooSoon = await auth.AuthenticateTokenAsync(TestTokens.BotFramework(third));
        time.Advance(TimeSpan.FromMinutes(6));
        var later = await auth.AuthenticateTokenAsync(TestTokens.BotFramework(third));

        Assert.False(tooSoon.Succeeded);
        Assert.True(later.Succeeded, later.Reason);
        Assert.Equal(3, _server.KeyRequests);
    }
}
