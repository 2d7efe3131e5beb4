using ConcernBot.Anonymity;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Tests.Anonymity;

/// <summary>Times and client details that could point to an anonymous reporter are blurred or never kept.</summary>
public sealed class MetadataTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 4, 10, 17, 0, TimeSpan.Zero);

    [Fact]
    public void The_leads_card_for_an_anonymous_concern_waits_a_random_1_to_15_minutes()
    {
        var waits = Enumerable.Range(0, 200).Select(_ => AnonymousTiming.LeadsCardNotBefore(IdentityChoice.Anonymous, urgent: false, Received) - Received).ToList();

        Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15)));
        Assert.True(waits.Distinct().Count() > 50, "The wait must be random, not a fixed delay.");
        Assert.True(AnonymousTiming.IsDelayed(IdentityChoice.Anonymous, urgent: false));
    }

    [Theory]
    [InlineData(IdentityChoice.Anonymous, true)]
    [InlineData(IdentityChoice.Confidential, false)]
    [InlineData(IdentityChoice.Named, false)]
    public void Urgent_and_non_anonymous_concerns_go_straight_away(IdentityChoice choice, bool urgent)
    {
        Assert.Equal(Received, AnonymousTiming.LeadsCardNotBefore(choice, urgent, Received));
        Assert.False(AnonymousTiming.IsDelayed(choice, urgent));
    }

    [Fact]
    public void Stored_times_are_rounded_down_to_the_minute_in_UTC()
    {
        var local = new DateTimeOffset(2026, 3, 4, 23, 47, 59, 999, new TimeSpan(13, 45, 0));

        var rounded = AnonymousTiming.RoundToMinute(local);

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 10, 2, 0, TimeSpan.Zero), rounded);
        Assert.Equal(TimeSpan.Zero, rounded.Offset);
    }

    [Fact]
    public async Task No_feature_sees_the_local_timestamp_or_the_client_info()
    {
        var seen = new SeenActivity();
        await using var host = TestHost.With(new() { ExtraServices = s => s.AddSingleton<ConcernBot.Conversation.ITurnMiddleware>(seen) });

        await host.SayAsync(Distinctive.Message("something nobody handles"));

        var activity = Assert.IsType<Activity>(seen.Activity);
        Assert.Null(activity.LocalTimestamp);
        Assert.DoesNotContain(activity.Entities ?? [], e => e.ToString().Contains("clientInfo", StringComparison.Ordinal));
    }

    /// <summary>Runs after the scrubber (every middleware runs before any feature is offered the turn): sees what features see.</summary>
    private sealed class SeenActivity : ConcernBot.Conversation.ITurnMiddleware
    {
        public Activity? Activity { get; private set; }

        public void OnTurn(ITurnContext turn)
        {
            Activity ??= turn.Activity;
            Assert.Null(turn.Activity.LocalTimestamp);
        }
    }
}
