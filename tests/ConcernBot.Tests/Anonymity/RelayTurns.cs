using System.Net;
using System.Text.Json.Nodes;
using ConcernBot.Channels.Activities;
using ConcernBot.Testing;

namespace ConcernBot.Tests.Anonymity;

internal static class RelayTurns
{
    /// <summary>Posts an activity through the host and returns everything the bot sent in that turn, as text.</summary>
    public static async Task<string> SayAsync(this TestHost host, JsonObject activity)
    {
        var before = host.Connector.Calls.Count;
        using var response = await host.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return string.Join("\n", host.Connector.Calls.Skip(before).Select(c => Describe(c.Activity)));
    }

    /// <summary>The calls to the connector for one conversation.</summary>
    public static IReadOnlyList<ConnectorCall> To(this FakeTeamsConnector connector, string conversationId) =>
        [.. connector.Calls.Where(c => c.ConversationId == conversationId)];

    public static async Task<ConnectorCall> WaitForSendToAsync(this FakeTeamsConnector connector, string conversationId, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (connector.To(conversationId).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Nothing was sent to the reporter's chat (expected {count}).");
            await Task.Delay(50);
        }

        return connector.To(conversationId)[count - 1];
    }

    /// <summary>Waits for a message to the chat that contains <paramref name="text"/>.</summary>
    public static async Task<ConnectorCall> WaitForSendToAsync(this FakeTeamsConnector connector, string conversationId, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (connector.To(conversationId).FirstOrDefault(c => Describe(c.Activity).Contains(text, StringComparison.Ordinal)) is { } call)
            {
                return call;
            }

            Assert.True(DateTime.UtcNow < deadline, $"\"{text}\" was not sent to the reporter's chat.");
            await Task.Delay(50);
        }
    }

    public static string Describe(Activity? activity) =>
        activity is null ? "" : $"{activity.Text} {string.Join(" ", activity.Attachments?.Select(a => a.Content?.ToString()) ?? [])}";
}
