using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using ConcernBot.Resources;
using ConcernBot.Testing;

namespace ConcernBot.Tests.Hosting;

/// <summary>What a person sees first: the welcome card, when they add the bot or say hi.</summary>
public sealed class WelcomeThroughHostTests
{
    [Fact]
    public async Task Saying_hi_brings_the_welcome_card()
    {
        await using var host = new TestHost();

        using var response = await host.PostAsync(TestActivity.Message(People.Tester, "hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertWelcomeCard(Assert.Single(await host.Connector.WaitForAsync(1)));
    }

    [Fact]
    public async Task Adding_the_bot_to_a_personal_chat_brings_the_welcome_card()
    {
        await using var host = new TestHost();

        using var response = await host.PostAsync(TestActivity.BotAddedToPersonalChat(People.Tester));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertWelcomeCard(Assert.Single(await host.Connector.WaitForAsync(1)));
    }

    [Fact]
    public async Task Someone_else_joining_does_not_bring_the_welcome_card()
    {
        await using var host = new TestHost();
        var activity = TestActivity.BotAddedToPersonalChat(People.Tester);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:someone-else" });

        using var response = await host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Connector.Calls);
    }

    private static void AssertWelcomeCard(ConnectorCall call)
    {
        Assert.Equal("send", call.Operation);
        Assert.Equal(TestActivity.LocalServiceUrl, call.ServiceUrl);
        Assert.Equal(People.Tester.ConversationId, call.ConversationId);
        var attachment = Assert.Single(call.Activity!.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        var card = attachment.Content!.Value;
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var text = card.GetRawText();
        var titles = card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Contains(Strings.WelcomeRaiseConcern, titles);
        Assert.Contains(Strings.WelcomeLearn, titles);
        Assert.Contains(JsonEncodedText.Encode(Strings.WelcomeTitle).ToString(), text, StringComparison.Ordinal);
    }
}
