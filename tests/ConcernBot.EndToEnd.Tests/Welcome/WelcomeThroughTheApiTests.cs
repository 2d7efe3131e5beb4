using System.Text.Json;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Resources;

namespace ConcernBot.EndToEnd.Tests.Welcome;

/// <summary>The same conversation as in the browser, through the Playground's own HTTP API and message stream.</summary>
public sealed class WelcomeThroughTheApiTests(PlaygroundFixture playground) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task Saying_hi_in_the_personal_chat_brings_the_welcome_card()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var client = await PlaygroundClient.ConnectAsync(playground.PlaygroundAddress, timeout.Token);
        var config = await client.GetConfigAsync(timeout.Token);
        var chatId = config.GetProperty("personalChat").GetProperty("id").GetString()!;
        var userId = config.GetProperty("currentUser").GetProperty("id").GetString()!;
        var botId = config.GetProperty("bot").GetProperty("id").GetString()!;

        await client.SendTextAsync(chatId, userId, "hi", timeout.Token);
        JsonElement reply;
        try
        {
            reply = await client.NextBotMessageAsync(chatId, botId, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The bot did not reply within 30 s. Playground output:\n{playground.Playground.Output}");
        }

        var attachment = Assert.Single(reply.GetProperty("attachments").EnumerateArray());
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("1.5", card.GetProperty("version").GetString());
        var texts = card.GetProperty("body").EnumerateArray()
            .Where(element => element.TryGetProperty("text", out _))
            .Select(element => element.GetProperty("text").GetString())
            .ToList();
        Assert.Contains(Strings.WelcomeTitle, texts);
        var buttons = card.GetProperty("actions").EnumerateArray().Select(action => action.GetProperty("title").GetString()).ToList();
        Assert.Equal([Strings.WelcomeRaiseConcern, Strings.WelcomeLearn], buttons);
    }
}
