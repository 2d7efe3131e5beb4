using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace ConcernBot.EndToEnd.Tests.Hosting;

/// <summary>
/// Talks to the Playground the way its web page does, without a browser: its HTTP API to send as the user, and its
/// conversation stream (a WebSocket, /_ws_conversation/v1/conversations/stream) to read what the bot posts.
/// </summary>
internal sealed class PlaygroundClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> _untaken = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;

    private PlaygroundClient(Uri address)
    {
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static async Task<PlaygroundClient> ConnectAsync(Uri address, CancellationToken cancellationToken)
    {
        var client = new PlaygroundClient(address);
        try
        {
            var stream = new UriBuilder(address) { Scheme = "ws", Path = "/_ws_conversation/v1/conversations/stream" }.Uri;
            await client._socket.ConnectAsync(stream, cancellationToken);
            client._receiving = client.ReceiveAsync();
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>The adaptive card of a stream update carrying a bot message, as JSON text; null when it carries none.</summary>
    public static string? CardOf(JsonElement update) =>
        update.TryGetProperty("message", out var message)
        && message.TryGetProperty("attachments", out var attachments)
        && attachments.ValueKind == JsonValueKind.Array
        && attachments.GetArrayLength() > 0
        && attachments[0].TryGetProperty("content", out var content)
            ? content.GetRawText()
            : null;

    public async Task<JsonElement> GetConfigAsync(CancellationToken cancellationToken) =>
        (await _http.GetFromJsonAsync<JsonElement>("/_internal/v1/config", cancellationToken)).GetProperty("config");

    public async Task SendTextAsync(string conversationId, string userId, string text, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(
            $"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages",
            new { from = new { id = userId }, text, textFormat = "plain" },
            cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>"@bot text" in a channel or group chat: the Playground passes it to the bot only with the mention.</summary>
    public async Task SendMentionAsync(string conversationId, string userId, JsonElement bot, string text, CancellationToken cancellationToken)
    {
        var mention = $"<at>{bot.GetProperty("name").GetString()}</at>";
        using var response = await _http.PostAsJsonAsync(
            $"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages",
            new
            {
                from = new { id = userId },
                text = $"{mention} {text}",
                textFormat = "plain",
                mentions = new[] { new { mentioned = new { id = bot.GetProperty("id").GetString(), name = bot.GetProperty("name").GetString() }, text = mention } },
            },
            cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// The next message the bot posts in the conversation (earlier ones not yet taken are looked at first); with
    /// <paramref name="prefix"/>, in any conversation whose id starts so (a channel's threads).
    /// </summary>
    public async Task<JsonElement> NextBotMessageAsync(string conversationId, string botId, CancellationToken cancellationToken, bool prefix = false)
    {
        var update = await NextEventAsync(
            e => e.TryGetProperty("action", out var action) && action.GetString() == "createMessage"
                && (prefix
                    ? e.GetProperty("actionConversationId").GetString()!.StartsWith(conversationId, StringComparison.Ordinal)
                    : e.GetProperty("actionConversationId").GetString() == conversationId)
                && e.GetProperty("message").GetProperty("from").GetProperty("id").GetString() == botId,
            cancellationToken);
        return update.GetProperty("message");
    }

    /// <summary>
    /// The first update from the conversation stream that matches, in arrival order. Updates that did not match are kept
    /// for later calls: the bot's messages to different conversations may arrive in either order.
    /// </summary>
    public async Task<JsonElement> NextEventAsync(Func<JsonElement, bool> match, CancellationToken cancellationToken)
    {
        var earlier = _untaken.FindIndex(e => match(e));
        if (earlier >= 0)
        {
            var found = _untaken[earlier];
            _untaken.RemoveAt(earlier);
            return found;
        }

        while (true)
        {
            var update = await _events.Reader.ReadAsync(cancellationToken);
            if (match(update))
            {
                return update;
            }

            _untaken.Add(update);
        }
    }

    /// <summary>Presses an Action.Execute button as <paramref name="userId"/>; answers the bot's invoke body.</summary>
    public async Task<JsonElement> InvokeAsync(string conversationId, string userId, string replyToId, string verb, object data, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(
            "/_conversation/v1/invoke",
            new
            {
                name = "adaptiveCard/action",
                conversation = new { id = conversationId },
                from = new { id = userId },
                replyToId,
                value = new { action = new { type = "Action.Execute", verb, data } },
            },
            cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The Playground refused the invoke ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var json = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                    message.SetLength(0);
                    using var document = JsonDocument.Parse(json);
                    await _events.Writer.WriteAsync(document.RootElement.Clone());
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
        catch (WebSocketException)
        {
            // The Playground went away; readers time out on their own bounds.
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _receiving;
        _socket.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }
}
