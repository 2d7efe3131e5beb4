using System.Text.Json;
using ConcernBot.Anonymity;
using ConcernBot.Channels.Activities;
using ConcernBot.Concerns;
using ConcernBot.Storage;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Words = ConcernBot.Resources.Anonymity;

namespace ConcernBot.Tests.Anonymity;

/// <summary>The relay both ways, the secret word and its limit, "stop contact", and the key ring across restarts.</summary>
public sealed class RelayTests
{
    private const string OtherChat = "a:1another-chat-somewhere-else";

    [Fact]
    public async Task A_leads_question_reaches_the_reporter_and_their_answers_reach_the_leads_as_Anonymous_reporter()
    {
        await using var harness = AnonymityHarness.Create();
        await using var host = harness.Start();
        var (concern, _) = await AnonymityHarness.RaiseAsync(host, IdentityChoice.Anonymous, "SG-QA1-RL2");

        await AnonymityHarness.AskAsync(host, concern.Id, 1, "Which room was it?");
        var delivered = await host.Connector.WaitForSendToAsync(Distinctive.ConversationId);
        Assert.Equal(Distinctive.ServiceUrl, delivered.ServiceUrl);
        var card = RelayTurns.Describe(delivered.Activity);
        Assert.Contains("Which room was it?", card, StringComparison.Ordinal);
        Assert.Contains("SG-QA1-RL2", card, StringComparison.Ordinal);
        Assert.Contains(RelayVerbs.Stop, card, StringComparison.Ordinal);

        var said = await host.SayAsync(Distinctive.CardAction(new { verb = RelayVerbs.Answer, concernId = concern.Id, question = 1, answer = "Room 4, the blue one" }));
        Assert.Contains(Words.AnswerSent, said, StringComparison.Ordinal);
        Assert.Equal("Room 4, the blue one", await AnonymityHarness.AnswerSeenByLeadsAsync(host, concern.Id, 1));

        // A second question, answered by simply typing in the chat.
        await AnonymityHarness.AskAsync(host, concern.Id, 2, "Was anyone else there?");
        await host.Connector.WaitForSendToAsync(Distinctive.ConversationId, "Was anyone else there?");
        Assert.Contains(Words.AnswerSent, await host.SayAsync(Distinctive.Message("Only the night manager")), StringComparison.Ordinal);
        Assert.Equal("Only the night manager", await AnonymityHarness.AnswerSeenByLeadsAsync(host, concern.Id, 2));

        var audit = await host.Services.GetRequiredService<IAuditLog>().ReadAsync(concern.Id);
        var answered = audit.Where(e => e.Action == ConcernBot.Leads.ReporterAnswers.AnsweredAction).ToList();
        Assert.Equal(2, answered.Count);
        Assert.All(answered, e => Assert.Equal(("Anonymous reporter", 0), (e.Actor, e.At.Second)));
        Assert.True((await host.Services.GetRequiredService<IAuditLog>().VerifyAsync(concern.Id)).IsIntact);
    }

    [Fact]
    public async Task Only_the_reporters_own_chat_can_answer()
    {
        await using var harness = AnonymityHarness.Create();
        await using var host = harness.Start();
        var (concern, _) = await AnonymityHarness.RaiseAsync(host, IdentityChoice.Anonymous, "SG-QA2-RL3");
        await AnonymityHarness.AskAsync(host, concern.Id, 1, "Which room was it?");
        await host.Connector.WaitForSendToAsync(Distinctive.ConversationId);

        var said = await host.SayAsync(Distinctive.CardAction(new { verb = RelayVerbs.Answer, concernId = concern.Id, question = 1, answer = "A made-up answer" }, OtherChat));

        Assert.Contains(Words.AnswerNotPossible, said, StringComparison.Ordinal);
        Assert.Null(await AnonymityHarness.AnswerSeenByLeadsAsync(host, concern.Id, 1));
    }

    [Fact]
    public async Task Updates_for_the_reporter_go_through_the_sealed_route()
    {
        await using var harness = AnonymityHarness.Create();
        await using var host = harness.Start();
        var (concern, _) = await AnonymityHarness.RaiseAsync(host, IdentityChoice.Anonymous, "SG-NT1-FY2");

        await AnonymityHarness.NotifyAsync(host, concern.Id, "acknowledged");

        var sent = await host.Connector.WaitForSendToAsync(Distinctive.ConversationId);
        Assert.Equal(RelayCards.Format(ConcernBot.Resources.Leads.ReporterAcknowledged, "SG-NT1-FY2"), sent.Activity!.Text);
    }

    [Fact]
    public async Task The_reference_and_secret_word_check_on_the_concern_and_add_to_it_from_a_new_chat()
    {
        await using var harness = AnonymityHarness.Create();
        await using var host = harness.Start();
        var (concern, contact) = await AnonymityHarness.RaiseAsync(host, IdentityChoice.Anonymous, "SG-ST1-AT2");
        Assert.Matches("^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$", contact.Secret);

        var status = await host.SayAsync(Distinctive.Message($"status SG-ST1-AT2 {contact.Secret!.ToLowerInvariant()}", OtherChat));
        Assert.Contains(RelayCards.Format(Words.StatusWaitingForChannel, "SG-ST1-AT2"), status, StringComparison.Ordinal);
        // Checked: the chat is offered a box to add to it, without the secret word again (the status form still takes one).
        Assert.Contains(RelayVerbs.Add, status, StringComparison.Ordinal);

        var added = await host.SayAsync(Distinctive.CardAction(new { verb = RelayVerbs.Add, concernId = concern.Id, addition = "It happened again last night." }, OtherChat));
        Assert.Contains(Words.AddSent, added, StringComparison.Ordinal);
        var information = Payload<ReporterAnswerMessage>(await harness.WaitForLeadsAsync(RelayKinds.ReporterAnswer));
        Assert.Equal(("information", "", concern.Id, "Anonymous reporter"), (information.Kind, information.Text, information.ConcernId, information.From));
        var note = Assert.Single((await host.Services.GetRequiredService<IConcernStore>().GetAsync(concern.Id))!.Value.Leads.Notes);
        Assert.Equal(("Anonymous reporter", "It happened again last night."), (note.Author, note.Text));

        // The secret word is stored only as a slow hash.
        await using var settings = host.Services.GetRequiredService<ISettingsStore>().ListAsync("anonymity/secret/").GetAsyncEnumerator();
        Assert.True(await settings.MoveNextAsync());
        Assert.DoesNotContain(ReporterSecrets.Normalise(contact.Secret), settings.Current.Value.Value, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("210000", settings.Current.Value.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_secret_words_are_limited_per_reference_and_per_chat_and_a_restart_does_not_reset_the_count()
    {
        await using var harness = AnonymityHarness.Create();
        string secret;
        await using (var host = harness.Start())
        {
            (_, var contact) = await AnonymityHarness.RaiseAsync(host, IdentityChoice.Anonymous, "SG-RL1-MT2");
            secret = contact.Secret!;
            for (var i = 1; i <= 4; i++)
            {
                var said = await host.SayAsync(Distinctive.Message("status SG-RL1-MT2 WRNG-WRNG-WRNG-WRNG", OtherChat));
                Assert.Contains(RelayCards.Format(Words.StatusNoMatch, 5 - i), said, StringComparison.Ordinal);
            }

            Assert.Contains(Words.StatusLocked, await host.SayAsync(Distinctive.Message("status SG-RL1-MT2 WRNG-WRNG-WRNG-WRNG", OtherChat)), StringComparison.Ordinal);
            Assert.Contains(Words.StatusLocked, await host.SayAsync(Distinctive.Message($"status SG-RL1-MT2 {secret}", OtherChat)), StringComparison.Ordinal);
        }

        await using (var restarted = harness.Start())
        {
            // The right secret, from another chat: the reference is still locked after the restart.
            Assert.Contains(Words.StatusLocked, await restarted.SayAsync(Distinctive.Message($"status SG-RL1-MT2 {secret}")), StringComparison.Ordinal);

            // The chat that guessed is locked for every reference.
            (_, var other) = await AnonymityHarness.RaiseAsync(restarted, IdentityChoice.Anonymous, "SG-RL3-MT4");
            Assert.Contains(Words.StatusLocked, await restarted.SayAsync(Distinctive.Message($"status SG-RL3-MT4 {other.Secret}", OtherChat)), StringComparison.Ordinal);
            Assert.Contains(RelayCards.Format(Words.StatusWaitingForChannel, "SG-RL3-MT4"), await restarted.SayAsync(Distinctive.Message($"status SG-RL3-MT4 {other.Secret}")), StringComparison.Ordinal);
        }
    }

    private const string LeadsChannel = "19:leads@thread.tacv2";

    /// <summary>Every connector call except those into the leads' channel (its roster, threads and replies).</summary>
    private static List<ConnectorCall> TowardsTheReporter(IEnumerable<ConnectorCall> calls) =>
        [.. calls.Where(c => c.Parameters?.IsGroup != true && !(c.ConversationId ?? "").StartsWith(LeadsChannel, StringComparison.Ordinal))];

    [Theory]
    [InlineData(IdentityChoice.Anonymous)]
    [InlineData(IdentityChoice.Confidential)]
    [InlineData(IdentityChoice.Named)]
    public async Task Stop_contact_deletes_the_route_tells_the_leads_and_no_question_is_delivered_afterwards(IdentityChoice choice)
    {
        await using var harness = AnonymityHarness.Create();

        // A leads' channel is known, so a named reporter could otherwise be reached by a new chat to their Entra id.
        await using var host = harness.Start(extra: new Dictionary<string, string?>
        {
            ["Leads:Channel:ServiceUrl"] = "https://smba.example.test/emea/",
            ["Leads:Channel:ConversationId"] = LeadsChannel,
        });
        var (concern, contact) = await AnonymityHarness.RaiseAsync(host, choice, "SG-SC1-TP2");

        var said = await host.SayAsync(Distinctive.Message("stop contact"));

        Assert.Contains(RelayCards.Format(Words.StopContactDone, "SG-SC1-TP2"), said, StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<IReplyRouteStore>().GetAsync(contact.ReplyRouteToken));
        var stored = await host.Services.GetRequiredService<IConcernStore>().GetAsync(concern.Id);
        Assert.Null(stored!.Value.Reporter.ReplyRouteToken);
        Assert.False(ConcernBot.Leads.LeadsCards.CanAskReporter(stored.Value), "The leads' \"Ask the reporter\" must answer that contact has ended.");
        Assert.Equal(concern.Id, Payload<ContactEndedMessage>(await harness.WaitForLeadsAsync(RelayKinds.ContactEnded)).ConcernId);
        var ended = Assert.Single(await host.Services.GetRequiredService<IAuditLog>().ReadAsync(concern.Id), e => e.Action == ReporterRelay.EndedAction);
        if (choice == IdentityChoice.Anonymous)
        {
            Assert.Equal("Anonymous reporter", ended.Actor);
        }

        // Nothing reaches the reporter afterwards: not through the route, and not by a new chat to their Entra id.
        // (The concern's own routing into the leads' channel may still be under way: that traffic is not the reporter's.)
        var before = TowardsTheReporter(host.Connector.Calls).Count;
        await AnonymityHarness.AskAsync(host, concern.Id, 1, "Are you still there?");
        await AnonymityHarness.NotifyAsync(host, concern.Id, "closed");
        await Task.Delay(1500);
        Assert.Equal(before, TowardsTheReporter(host.Connector.Calls).Count);

        Assert.Contains(Words.StopContactNone, await host.SayAsync(Distinctive.Message("stop contact")), StringComparison.Ordinal);
        if (choice != IdentityChoice.Named)
        {
            // The reference and secret word still tell the reporter where it stands (a named reporter checks by who they are).
            // A channel is set here: an anonymous concern's card is still in its short wait; a confidential one's may be posted already.
            var status = await host.SayAsync(Distinctive.Message($"status SG-SC1-TP2 {contact.Secret}"));
            Assert.True(
                status.Contains(RelayCards.Format(Words.StatusOnItsWay, "SG-SC1-TP2"), StringComparison.Ordinal)
                || (choice == IdentityChoice.Confidential && status.Contains(RelayCards.Format(Words.StatusReceived, "SG-SC1-TP2"), StringComparison.Ordinal)),
                status);
        }
    }

    [Fact]
    public async Task The_stop_contact_button_on_a_question_ends_contact_for_that_concern()
    {
        await using var harness = AnonymityHarness.Create();
        await using var host = harness.Start();
        var (concern, contact) = await AnonymityHarness.RaiseAsync(host, IdentityChoice.Anonymous, "SG-SB1-TN2");

        Assert.Contains(Words.StopContactNone, await host.SayAsync(Distinctive.CardAction(new { verb = RelayVerbs.Stop, concernId = concern.Id }, OtherChat)), StringComparison.Ordinal);
        Assert.NotNull(await host.Services.GetRequiredService<IReplyRouteStore>().GetAsync(contact.ReplyRouteToken));

        var said = await host.SayAsync(Distinctive.CardAction(new { verb = RelayVerbs.Stop, concernId = concern.Id }));
        Assert.Contains(RelayCards.Format(Words.StopContactDone, "SG-SB1-TN2"), said, StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<IReplyRouteStore>().GetAsync(contact.ReplyRouteToken));
    }

    [Fact]
    public async Task A_restart_with_the_same_key_ring_keeps_the_relay_working_and_a_different_key_ring_cannot_open_it()
    {
        await using var harness = AnonymityHarness.Create();
        Concern concern;
        ReporterContact contact;
        await using (var first = harness.Start())
        {
            (concern, contact) = await AnonymityHarness.RaiseAsync(first, IdentityChoice.Anonymous, "SG-KR1-NG2");
        }

        await using (var restarted = harness.Start())
        {
            await AnonymityHarness.AskAsync(restarted, concern.Id, 1, "After the restart: which day?");
            var delivered = await restarted.Connector.WaitForSendToAsync(Distinctive.ConversationId);
            Assert.Contains("After the restart", RelayTurns.Describe(delivered.Activity), StringComparison.Ordinal);
            Assert.Contains(Words.AnswerSent, await restarted.SayAsync(Distinctive.Message("Monday")), StringComparison.Ordinal);
        }

        await using (var otherKeys = harness.Start(keyFolder: Path.Combine(harness.Folder, "other-keys")))
        {
            var routes = otherKeys.Services.GetRequiredService<ReplyRoutes>();
            Assert.Equal(RouteDelivery.Unreadable, await routes.SendAsync(contact.ReplyRouteToken, new Activity { Type = ActivityTypes.Message, Text = "hello" }));
            Assert.False(await routes.LeadsToAsync(contact.ReplyRouteToken, Distinctive.ConversationId));
            Assert.Contains(Words.AnswerNotPossible, await otherKeys.SayAsync(Distinctive.CardAction(new { verb = RelayVerbs.Answer, concernId = concern.Id, question = 1, answer = "x" })), StringComparison.Ordinal);
            Assert.DoesNotContain(otherKeys.Connector.To(Distinctive.ConversationId), c => c.Activity?.Text == "hello");
        }
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    internal static T Payload<T>(OutboxMessage message) => JsonSerializer.Deserialize<T>(message.Payload, Web)!;
}
