using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Tests.Leads;
using ConcernBot.Tests.Support;
using ConcernBot.Tests.Support.Chat;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Channels;

/// <summary>
/// The proof that a second channel needs no feature change: a test-only channel (its own id, no tenant, no Entra ids)
/// registered as one IChannelAdapter carries a whole anonymous concern, its receipt, a lead's question and the answer.
/// </summary>
public sealed class SecondChannelTests
{
    [Fact]
    public async Task A_whole_anonymous_concern_on_another_channel_reaches_the_leads_and_their_question_reaches_the_reporter_and_back()
    {
        var channel = new InMemoryChannel(organisationId: People.Tenant);
        await using var host = new LeadsHost(secondChannel: channel);
        channel.Services = host.Services;
        var conversationId = channel.Open();
        var chat = new TeamsChat(channel.DeliverAsync, channel, conversationId);

        await Walkthrough.ToReviewAsync(chat, I.IdentityAnonymous);
        var receipt = await chat.PressAsync(I.ReviewSubmit);

        var concern = Assert.Single(await host.Stores.Concerns.ListByStatusAsync(People.Tenant, ConcernStatus.Received).ToListAsync());
        Assert.True(receipt.Says(concern.Reference), receipt.Words);
        Assert.Equal(IdentityChoice.Anonymous, concern.Reporter.Choice);
        Assert.NotNull(concern.Reporter.ReplyRouteToken);
        Assert.Null(concern.ReporterReference);
        Assert.DoesNotContain(host.Connector.Calls, c => c.ConversationId == conversationId);

        // Anonymous concerns reach the leads after a short random delay.
        host.Clock.Advance(TimeSpan.FromHours(1));
        await host.DeliverOutboxAsync();
        var post = Assert.Single((await SampleConcerns.CurrentAsync(host, concern)).Leads.Posts);
        Assert.True(post.InChannel);

        var before = channel.Sent.Count;
        await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Ask, concern.Id, new { question = "Which room was it?" });
        await host.DeliverOutboxAsync();
        var question = channel.Sent.Skip(before).Select(a => new BotReply(a)).Single(r => r.Words.Contains("Which room was it?", StringComparison.Ordinal));
        Assert.Equal(conversationId, question.Activity.Conversation!.Id);

        var thanks = await chat.SayAsync("Room 4, the blue one");
        Assert.True(thanks.Count > 0);
        await host.DeliverOutboxAsync();

        var answered = Assert.Single((await SampleConcerns.CurrentAsync(host, concern)).Leads.Questions);
        Assert.Equal("Room 4, the blue one", answered.Answer);
        var detail = LeadsFlow.Readable(LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.View, concern.Id)));
        Assert.Contains("Room 4, the blue one", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("client-chosen-id", string.Join("\n", (await host.Stores.ReadAsync(concern.Id)).Select(e => e.Actor + e.Detail)), StringComparison.Ordinal);
    }
}
