using System.Text.Json.Nodes;
using System.Text.Json;
using ConcernBot.Anonymity;
using ConcernBot.Channels.Turns;
using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Learning;
using ConcernBot.Tests.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;

namespace ConcernBot.Tests.Learning;

/// <summary>After closing, the reporter is asked once how it went; the answer is stored with the concern and audited.</summary>
public sealed class FollowUpTests
{
    private static async Task<(TestHost Host, Concern Concern)> CloseAsync(IdentityChoice identity, bool askPersonAtRisk)
    {
        var host = TestHost.Leads();
        var concern = SampleConcerns.Create(identity: identity);
        var post = await LeadsFlow.RouteAsync(host, concern);
        await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Close, concern.Id, new
        {
            outcomeDesired = "Partially",
            outcomeRisk = "Reduced",
            followupPersonAtRisk = askPersonAtRisk ? "true" : "false",
        });
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.DeliverOutboxAsync();
        return (host, concern);
    }

    private static JsonElement QuestionCard(TestHost host) =>
        host.Connector.Calls.Single(c => c.Operation == "send" && c.ConversationId == FakeTeamsConnector.ReporterChat && c.Activity!.Attachments is { Count: > 0 }).Card;

    private static JsonObject Answer(JsonElement card, string outcome, string? listened, string? comment)
    {
        var data = JsonNode.Parse(card.GetProperty("actions")[0].GetProperty("data").GetRawText())!.AsObject();
        data[FollowUp.Inputs.Outcome] = outcome;
        data[FollowUp.Inputs.Listened] = listened;
        data[FollowUp.Inputs.Comment] = comment;
        return data;
    }

    private static async Task<JsonElement> SendAsync(TestHost host, JsonObject data)
    {
        var invoke = TestActivity.CardAction(People.Rita, FollowUp.Verb, data, FakeTeamsConnector.ReporterChat, "m1");
        invoke["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = People.Tenant } };
        var (status, body) = await host.TurnAsync(invoke);
        Assert.Equal(200, status);
        return body!.Value;
    }

    [Fact]
    public async Task The_follow_up_card_is_answered_with_Action_Submit_which_every_reporters_channel_renders()
    {
        var (host, concern) = await CloseAsync(IdentityChoice.Named, askPersonAtRisk: false);
        await using var _ = host;
        var card = QuestionCard(host);
        var send = card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString() == ConcernBot.Resources.Learning.FollowUpSend);
        Assert.Equal("Action.Submit", send.GetProperty("type").GetString());
        host.Connector.Clear();

        var message = TestActivity.PersonalMessage(People.Rita, "");
        message.Remove("text");
        message["conversation"]!["id"] = FakeTeamsConnector.ReporterChat;
        message["value"] = Answer(card, "Fully", "yes", null);
        var (status, _) = await host.TurnAsync(message);

        Assert.Equal(200, status);
        Assert.Equal(FeedbackOutcome.Fully, (await SampleConcerns.CurrentAsync(host, concern)).ReporterFeedback!.OutcomesAchieved);
        var thanks = Assert.Single(host.Connector.Calls, c => c.Operation == "send" && c.ConversationId == FakeTeamsConnector.ReporterChat);
        Assert.Contains("Thank you for telling us", LeadsFlow.Readable(thanks.CardJson), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reporter_is_asked_once_in_their_chat_and_their_answer_is_stored_and_audited()
    {
        var (host, concern) = await CloseAsync(IdentityChoice.Named, askPersonAtRisk: true);
        await using var _ = host;

        var card = QuestionCard(host);
        var readable = LeadsFlow.Readable(card.GetRawText());
        Assert.Contains("Were the outcomes you wanted achieved?", readable, StringComparison.Ordinal);
        Assert.Contains("Did you feel listened to?", readable, StringComparison.Ordinal);
        Assert.Contains("hear from the person at risk too", readable, StringComparison.Ordinal);

        var thanks = await SendAsync(host, Answer(card, "Partly", "yes", "It took a while but they kept me informed"));

        Assert.Contains("Thank you for telling us", LeadsFlow.Readable(LeadsFlow.CardOf(thanks)), StringComparison.Ordinal);
        var stored = (await SampleConcerns.CurrentAsync(host, concern)).ReporterFeedback!;
        Assert.Equal(FeedbackOutcome.Partly, stored.OutcomesAchieved);
        Assert.True(stored.FeltListenedTo);
        Assert.True(stored.IncludesPersonAtRisk);
        Assert.Equal("It took a while but they kept me informed", stored.Comment);
        var entry = Assert.Single(await host.Stores.ReadAsync(concern.Id), e => e.Action == FollowUp.AnsweredAction);
        Assert.Equal("Reporter", entry.Actor);
        Assert.DoesNotContain("kept me informed", entry.Detail, StringComparison.Ordinal); // no free text in the audit

        var second = await SendAsync(host, Answer(card, "NotAchieved", "no", "Changed my mind"));

        Assert.Contains("You've already told us", LeadsFlow.Readable(LeadsFlow.CardOf(second)), StringComparison.Ordinal);
        Assert.Equal(FeedbackOutcome.Partly, (await SampleConcerns.CurrentAsync(host, concern)).ReporterFeedback!.OutcomesAchieved);
        Assert.Single(host.Stores.OutboxMessages(), m => m.Kind == FollowUp.Kind);
    }

    [Fact]
    public async Task An_answer_without_the_cards_token_is_not_taken()
    {
        var (host, concern) = await CloseAsync(IdentityChoice.Named, askPersonAtRisk: false);
        await using var _ = host;
        Assert.DoesNotContain("person at risk", LeadsFlow.Readable(QuestionCard(host).GetRawText()), StringComparison.Ordinal);

        var forged = await SendAsync(host, new JsonObject { ["concernId"] = concern.Id, ["token"] = "guessed", [FollowUp.Inputs.Outcome] = "Fully" });

        Assert.Equal("Sorry, I can't find that question any more.", LeadsFlow.MessageOf(forged));
        Assert.Null((await SampleConcerns.CurrentAsync(host, concern)).ReporterFeedback!.AnsweredAt);
    }

    [Fact]
    public async Task An_anonymous_reporter_is_asked_through_the_sealed_reply_route_and_answers_as_Anonymous_reporter()
    {
        await using var host = TestHost.Leads();
        const string chat = "a:anonymous-reporter-chat";
        var token = await host.Get<ReplyRoutes>().SealAsync(new ConversationReference { ServiceUrl = People.ServiceUrl, ConversationId = chat, TenantId = People.Tenant, BotId = "28:bot" });
        var concern = SampleConcerns.Create(identity: IdentityChoice.Anonymous) with { Reporter = ReporterIdentity.Anonymous(token) };
        var post = await LeadsFlow.RouteAsync(host, concern);
        await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Close, concern.Id, new { outcomeDesired = "Fully", outcomeRisk = "Removed" });
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await host.DeliverOutboxAsync();

        var card = host.Connector.Calls.Single(c => c.Operation == "send" && c.ConversationId == chat && c.CardJson.Contains(FollowUp.Verb, StringComparison.Ordinal)).Card;
        var invoke = TestActivity.CardAction(People.Rita, FollowUp.Verb, Answer(card, "NotAchieved", "no", null), chat, "m1");
        invoke["from"] = new JsonObject { ["id"] = "29:someone-anonymous" };
        invoke["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = People.Tenant } };
        var (status, body) = await host.TurnAsync(invoke);

        Assert.Equal(200, status);
        Assert.Contains("Thank you for telling us", LeadsFlow.Readable(LeadsFlow.CardOf(body!.Value)), StringComparison.Ordinal);
        var stored = await SampleConcerns.CurrentAsync(host, concern);
        Assert.Equal(FeedbackOutcome.NotAchieved, stored.ReporterFeedback!.OutcomesAchieved);
        Assert.False(stored.ReporterFeedback.FeltListenedTo);
        var entry = Assert.Single(await host.Stores.ReadAsync(concern.Id), e => e.Action == FollowUp.AnsweredAction);
        Assert.Equal("Anonymous reporter", entry.Actor);
    }
}
