using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Tests.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Channels;

/// <summary>
/// The proof that a second channel needs no feature change: a test-only channel (its own id, no tenant, no Entra ids)
/// registered as one IChannelAdapter carries a whole anonymous concern, its receipt, a lead's question and the answer.
/// </summary>
public sealed partial class SecondChannelTests
{
    [Fact]
    public async Task A_whole_anonymous_concern_on_another_channel_reaches_the_leads_and_their_question_reaches_the_reporter_and_back()
    {
        var channel = new InMemoryChannel(organisationId: People.Tenant);
        await using var host = TestHost.Leads(new() { Channels = [channel] });
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

    [Fact]
    public async Task Another_channels_ids_and_names_never_reach_the_logs_whatever_their_shape()
    {
        var channel = new InMemoryChannel(organisationId: "org-riverside-web");
        await using var host = TestHost.Leads(new() { Channels = [channel], ExtraServices = s => s.AddSingleton<ConcernBot.Conversation.ITurnMiddleware, CarelessLogging>() });
        channel.Services = host.Services;
        var conversationId = channel.Open();
        var chat = new TeamsChat(channel.DeliverAsync, channel, conversationId);

        await chat.SayAsync("hello");

        var lines = host.Logs.Entries.Where(e => e.Category.EndsWith(nameof(CarelessLogging), StringComparison.Ordinal)).ToList();
        Assert.Equal(3, lines.Count);
        foreach (var line in host.Logs.Entries)
        {
            Assert.DoesNotContain(conversationId, line.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain("client-chosen-id", line.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain("org-riverside-web", line.AllText, StringComparison.Ordinal);
            Assert.DoesNotContain("visitor-", line.AllText, StringComparison.Ordinal);
        }

        Assert.Contains(lines, l => l.Message == "Turn in [redacted] for [redacted]");
    }

    /// <summary>What a careless developer might log on every turn, under names the redactor cannot guess.</summary>
    private sealed partial class CarelessLogging(Microsoft.Extensions.Logging.ILogger<CarelessLogging> logger) : ConcernBot.Conversation.ITurnMiddleware
    {
        public void OnTurn(ConcernBot.Channels.Turns.ITurnContext turn)
        {
            LogTurn(logger, turn.Activity.Conversation?.Id, turn.Facts.OrganisationId);
            LogThing(logger, turn.Activity.From?.Id);
            LogThing(logger, "the visitor's key is " + turn.Facts.PersonKey);
        }

        [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Turn in {Place} for {Org}")]
        private static partial void LogTurn(Microsoft.Extensions.Logging.ILogger logger, string? place, string? org);

        [Microsoft.Extensions.Logging.LoggerMessage(Level = Microsoft.Extensions.Logging.LogLevel.Warning, Message = "Thing {Thing}")]
        private static partial void LogThing(Microsoft.Extensions.Logging.ILogger logger, string? thing);
    }
}
