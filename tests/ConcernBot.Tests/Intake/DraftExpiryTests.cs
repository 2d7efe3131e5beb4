using ConcernBot.Channels.Teams;
using ConcernBot.Intake;
using ConcernBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

public sealed class DraftExpiryTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task An_abandoned_draft_gets_one_reminder_the_day_before_and_is_deleted_after_seven_days()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        var started = DateTimeOffset.UtcNow;

        var time = new FakeTimeProvider(started + TimeSpan.FromDays(6) + TimeSpan.FromHours(1));
        var connector = new FakeTeamsConnector();
        var service = new DraftExpiryService(_data.Conversations, ThroughTheBotConnector(connector), Options.Create(new IntakeOptions()), time, NullLogger<DraftExpiryService>.Instance);

        Assert.Equal((1, 0), await service.RunOnceAsync(CancellationToken.None));
        var reminder = Assert.Single(connector.Sent);
        Assert.Equal(I.DraftReminder, reminder.Text);
        Assert.Equal(chat.User.ConversationId, reminder.Conversation!.Id);
        Assert.Equal((0, 0), await service.RunOnceAsync(CancellationToken.None));

        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal((0, 1), await service.RunOnceAsync(CancellationToken.None));
        var state = (await _data.Conversations.GetAsync(chat.User.ConversationId))!.Value;
        Assert.Null(state.Data);
        Assert.Null(state.ReferenceJson);
        Assert.False((await chat.SayAsync("hi")).Says(I.ResumeTitle));
    }

    [Fact]
    public async Task A_draft_touched_again_is_not_reminded_about_early()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromDays(5));
        var connector = new FakeTeamsConnector();
        var service = new DraftExpiryService(_data.Conversations, ThroughTheBotConnector(connector), Options.Create(new IntakeOptions()), time, NullLogger<DraftExpiryService>.Instance);

        Assert.Equal((0, 0), await service.RunOnceAsync(CancellationToken.None));
        Assert.Empty(connector.Sent);
    }

    public void Dispose() => _data.Dispose();

    /// <summary>The product's reporter chat over the Bot Connector's adapter, with the recorder in place of the connector.</summary>
    private static ConcernBot.Connectors.ReporterChat ThroughTheBotConnector(FakeTeamsConnector connector) =>
        new ConcernBot.Connectors.ReporterChat(new ConcernBot.Channels.Turns.ChannelAdapters(
            [new ConcernBot.Channels.Teams.BotConnectorAdapter(connector, Options.Create(new ConcernBot.Channels.Teams.Authentication.BotAuthenticationOptions()))]));
}
