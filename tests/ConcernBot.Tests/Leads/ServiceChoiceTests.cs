using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Leads;

/// <summary>With several services, the reporter picks one and is told who will receive the concern; it goes to that service's leads.</summary>
public sealed class ServiceChoiceTests : IDisposable
{
    private const string ElmChannel = "19:elm-leads@thread.tacv2";
    private static readonly Person Olu = new("00000000-0000-0000-0000-0000000001a1", "Olu Elm Lead", "29:olu");
    private readonly IntakeData _data = new();

    private static Dictionary<string, string?> Services(params string[] names)
    {
        var settings = People.Settings();
        foreach (var name in names)
        {
            var id = name.Split(' ')[0].ToLowerInvariant();
            settings[$"Leads:Services:{id}:Name"] = name;
            settings[$"Leads:Services:{id}:Channel:ServiceUrl"] = People.ServiceUrl;
            settings[$"Leads:Services:{id}:Channel:ConversationId"] = $"19:{id}-leads@thread.tacv2";
            settings[$"Leads:Services:{id}:Designated:0:ObjectId"] = Olu.ObjectId;
            settings[$"Leads:Services:{id}:Designated:0:Name"] = Olu.Name;
        }

        return settings;
    }

    [Fact]
    public async Task With_two_services_the_reporter_picks_one_is_told_who_receives_it_and_it_goes_to_that_services_channel()
    {
        var settings = Services("Oak House", "Elm Court");
        Concerns.Concern concern;
        using (var intake = TestHost.Intake(_data, settings))
        {
            var chat = intake.Chat();
            await chat.SayAsync("raise a concern");
            await chat.PressAsync(I.DangerNo);
            var asked = await chat.PressAsync(I.RoleStaff);

            Assert.True(asked.Says(I.ServiceQuestion), asked.Words);
            Assert.True(asked.Says(ConcernBot.Conversation.Words.Format(I.ServiceReceivers, "Elm Court")), asked.Words);
            Assert.Contains("Oak House", asked.LastCard!.Buttons);
            Assert.Contains("Elm Court", asked.LastCard!.Buttons);

            var review = intake.Chat(TeamsUser.Make("Rosa Ellery"));
            await Walkthrough.ToReviewAsync(review, I.IdentityNamed, service: "Elm Court");
            Assert.True(review.Last.Says("The designated safeguarding leads for Elm Court"), review.Last.Words);
            await review.PressAsync(I.ReviewSubmit);
            concern = Assert.Single(await _data.ConcernsAsync());
        }

        Assert.Equal("elm", concern.ServiceId);

        // The leads' host below has a store of its own, without the intake's sealed reply route: the named reporter
        // is reached by their Entra id instead. The intake host's own outbox may already have routed it there (to that
        // host's connector): the leads' host starts from the concern as submitted, not yet routed.
        concern = concern with { Reporter = concern.Reporter with { ReplyRouteToken = null }, Leads = new(), NextDeadline = null };
        await using var leads = TestHost.Leads(new() { Preset = settings });
        leads.Connector.Members[ElmChannel] = [Olu.AsMember()];
        var post = await LeadsFlow.RouteAsync(leads, concern);

        Assert.StartsWith(ElmChannel, post.ConversationId, StringComparison.Ordinal);
        await leads.DeliverOutboxAsync();
        // The person is told in their 1:1 chat: sent to it, or carried by the call that opens it.
        var told = string.Join("\n", leads.Connector.Calls.Select(c => c.Activity?.Text ?? c.Parameters?.Activity?.Text));
        Assert.True(told.Contains("has reached the designated safeguarding leads for Elm Court", StringComparison.Ordinal),
            "Told: " + told + "\nOutbox: " + string.Join("; ", leads.Stores.OutboxRows().Select(r => $"{r.Message.Kind} due={r.DueTicks} delivered={r.Delivered}"))
            + $"\nClock: {leads.Clock.GetUtcNow().UtcTicks}\nCalls: " + string.Join("; ", leads.Connector.Calls.Select(c => $"{c.Operation} {c.ConversationId} text={c.Activity?.Text} ptext={c.Parameters?.Activity?.Text}")));
    }

    [Fact]
    public async Task With_one_service_the_question_is_not_asked_and_the_concern_goes_to_that_service()
    {
        using var intake = TestHost.Intake(_data, Services("Oak House"));
        var chat = intake.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        var next = await chat.PressAsync(I.RoleStaff);

        Assert.False(next.Says(I.ServiceQuestion), next.Words);
        Assert.True(next.Says(I.AtRiskQuestion), next.Words);
        var other = intake.Chat(TeamsUser.Make("Rosa Ellery"));
        await Walkthrough.ToReviewAsync(other, I.IdentityNamed);
        await other.PressAsync(I.ReviewSubmit);
        Assert.Equal("oak", Assert.Single(await _data.ConcernsAsync()).ServiceId);
    }

    public void Dispose() => _data.Dispose();
}
