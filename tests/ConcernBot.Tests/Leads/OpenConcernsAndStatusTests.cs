using ConcernBot.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;

namespace ConcernBot.Tests.Leads;

public sealed class OpenConcernsAndStatusTests
{
    [Fact]
    public async Task A_lead_lists_open_concerns_in_the_leads_channel_oldest_deadline_first_need_to_know_only()
    {
        await using var host = TestHost.Leads();
        var later = SampleConcerns.Create("SG-LAT-ER1");
        var urgent = SampleConcerns.Create("SG-URG-NT1", urgent: true) with { Id = "c-urgent" };
        var closed = SampleConcerns.Create("SG-CLO-SED");
        await LeadsFlow.RouteAsync(host, later);
        await LeadsFlow.RouteAsync(host, urgent);
        var closedPost = await LeadsFlow.RouteAsync(host, closed);
        await LeadsFlow.ActAsync(host, People.Asha, closedPost, LeadsVerbs.Close, closed.Id, new { outcomeDesired = "Fully", outcomeRisk = "Removed" });
        host.Connector.Clear();

        await host.TurnAsync(TestActivity.ChannelMessage(People.Dee, "open concerns"));

        var card = Assert.Single(host.Connector.Of("send")).CardJson;
        var readable = LeadsFlow.Readable(card);
        Assert.Contains("Open concerns (2)", readable, StringComparison.Ordinal);
        Assert.True(readable.IndexOf("SG-URG-NT1", StringComparison.Ordinal) < readable.IndexOf("SG-LAT-ER1", StringComparison.Ordinal));
        Assert.DoesNotContain("SG-CLO-SED", readable, StringComparison.Ordinal);
        foreach (var word in SampleConcerns.DetailWords)
        {
            Assert.DoesNotContain(word, card, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Someone_who_is_not_a_lead_cannot_list_open_concerns()
    {
        await using var host = TestHost.Leads();
        await LeadsFlow.RouteAsync(host, SampleConcerns.Create());
        host.Connector.Clear();

        await host.TurnAsync(TestActivity.ChannelMessage(People.Nick, "open concerns"));

        var reply = Assert.Single(host.Connector.Of("send"));
        Assert.Contains("only the safeguarding leads can list open concerns", reply.Activity!.Text, StringComparison.Ordinal);
        Assert.Empty(reply.CardJson);
    }

    [Fact]
    public async Task A_reporter_who_is_unhappy_is_offered_the_next_steps_inside_and_outside_the_organisation()
    {
        await using var host = TestHost.Leads();

        await host.TurnAsync(TestActivity.PersonalMessage(People.Rita, "I'm not happy with the response"));

        var text = Assert.Single(host.Connector.Of("send")).Activity!.Text!;
        Assert.Contains("you can contact Erin Trustee directly", text, StringComparison.Ordinal);
        Assert.Contains("Local authority safeguarding adults team", text, StringComparison.Ordinal);
        Assert.Contains("0300 000 0000", text, StringComparison.Ordinal);
        Assert.Contains("https://protect-advice.org.uk/", text, StringComparison.Ordinal);
        Assert.Contains("call 999", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_middle_of_raising_a_concern_nothing_has_happened_is_an_answer_not_a_complaint()
    {
        await using var host = TestHost.Leads();
        var conversations = host.Get<ConcernBot.Storage.IConversationStore>();
        await conversations.SaveAsync("a:personal-" + People.Rita.UserId, new ConcernBot.Storage.ConversationState { Flow = "intake", Step = "actions-taken" }, null);

        await host.TurnAsync(TestActivity.PersonalMessage(People.Rita, "Nothing has happened yet"));

        Assert.DoesNotContain(host.Connector.Of("send"), s => s.Activity!.Text?.Contains("Erin Trustee", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_reporter_is_told_each_stage_in_plain_words_without_any_leads_name()
    {
        await using var host = TestHost.Leads();
        var concern = SampleConcerns.Create();
        var post = await LeadsFlow.RouteAsync(host, concern);
        await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Ask, concern.Id, new { question = "Which evening was it?" });
        await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Close, concern.Id, new { outcomeDesired = "Fully", outcomeRisk = "Removed", reporterMessage = "We have acted on it." });
        var messages = host.Get<ReporterMessages>();
        var stored = await SampleConcerns.CurrentAsync(host, concern);

        await host.DeliverOutboxAsync();

        var texts = host.Connector.ToReporter();

        Assert.Equal(4, texts.Count);
        Assert.Contains(texts, t => t.StartsWith("Your concern SG-7K3-Q9P has reached the safeguarding leads", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("A safeguarding lead has acknowledged your concern SG-7K3-Q9P", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("\"Which evening was it?\"", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("has now been closed", StringComparison.Ordinal) && t.Contains("We have acted on it.", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("Asha", t, StringComparison.Ordinal));

        var overdue = messages.Notification(stored, new ReporterNotifyPayload(concern.Id, ReporterNotifyKinds.Overdue));
        Assert.Contains("should have been acknowledged by", overdue, StringComparison.Ordinal);
        Assert.Contains("Erin Trustee", overdue, StringComparison.Ordinal);
    }
}
