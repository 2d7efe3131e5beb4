using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;
using Microsoft.AspNetCore.DataProtection;

namespace ConcernBot.Tests.Leads;

public sealed class ReporterDeliveryTests
{
    [Fact]
    public async Task A_confidential_reporter_without_a_reply_route_can_be_asked_a_question_in_their_own_chat()
    {
        await using var host = TestHost.Leads();
        var protector = host.Get<IDataProtectionProvider>().CreateProtector("ConcernBot.ReporterIdentity");
        var concern = SampleConcerns.Create(identity: IdentityChoice.Confidential) is var c
            ? c with { Reporter = c.Reporter with { ReplyRouteToken = null, ProtectedIdentity = protector.Protect("{\"DisplayName\":\"Connie Confidential\",\"UserId\":\"29:connie\"}") } }
            : null!;
        var post = await LeadsFlow.RouteAsync(host, concern);

        var asked = LeadsFlow.Readable(LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Ask, concern.Id, new { question = "Which evening was it?" })));
        await host.DeliverOutboxAsync();

        Assert.Contains("Your question was sent to the reporter", asked, StringComparison.Ordinal);
        Assert.Contains(host.Connector.Calls, call => call.Parameters?.Members?.FirstOrDefault()?.Id == "29:connie");
        Assert.Contains(host.Connector.Calls, call => call.Operation == "send" && call.Activity?.Text?.Contains("\"Which evening was it?\"", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_named_reporter_is_told_each_stage_in_their_chat_and_their_answer_reaches_the_lead()
    {
        await using var host = TestHost.Leads();
        var concern = SampleConcerns.Create();
        var post = await LeadsFlow.RouteAsync(host, concern);
        await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Ask, concern.Id, new { question = "Which evening was it?" });
        await host.DeliverOutboxAsync();

        var told = host.Connector.ToReporter();
        Assert.Contains(told, t => t.StartsWith("Your concern SG-7K3-Q9P has reached the safeguarding leads", StringComparison.Ordinal));
        Assert.Contains(told, t => t.StartsWith("A safeguarding lead has acknowledged your concern", StringComparison.Ordinal));
        Assert.Contains(told, t => t.Contains("\"Which evening was it?\"", StringComparison.Ordinal));
        Assert.All(told, t => Assert.DoesNotContain("Asha", t, StringComparison.Ordinal));

        var answer = TestActivity.PersonalMessage(People.Rita, "Tuesday, about 9pm");
        answer["conversation"]!["id"] = FakeTeamsConnector.ReporterChat;
        await host.TurnAsync(answer);
        await host.DeliverOutboxAsync();

        Assert.Contains(host.Connector.ToReporter(), t => t.StartsWith("Thank you. I've passed your answer", StringComparison.Ordinal));
        var view = LeadsFlow.Readable(LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.View, concern.Id)));
        Assert.Contains("Answer: Tuesday, about 9pm", view, StringComparison.Ordinal);
        Assert.Contains(host.Connector.Of("send"), s => s.Activity!.Text!.Contains("The reporter answered a question about SG-7K3-Q9P", StringComparison.Ordinal));

        await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Close, concern.Id, new { outcomeDesired = "Fully", outcomeRisk = "Removed", reporterMessage = "We acted on it." });
        await host.DeliverOutboxAsync();
        Assert.Contains(host.Connector.ToReporter(), t => t.Contains("has now been closed", StringComparison.Ordinal) && t.Contains("We acted on it.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_reporter_who_left_no_way_back_is_sent_nothing_and_the_message_is_not_retried()
    {
        await using var host = TestHost.Leads();
        var concern = SampleConcerns.Create(identity: IdentityChoice.Anonymous);
        await LeadsFlow.RouteAsync(host, concern);

        await host.DeliverOutboxAsync();

        Assert.Empty(host.Connector.ToReporter());
        Assert.Single(host.Connector.Of("create"));
        // No reply route (contact ended): the relay has nowhere to deliver, and the message is settled rather than retried.
        var settled = Assert.Single(host.Stores.OutboxRows(), r => r.Message.Kind == "reporter.notify");
        Assert.True(settled.Delivered);
    }
}
