using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;

namespace ConcernBot.Testing;

/// <summary>
/// Drives a 1:1 Teams chat through the real messaging endpoint, as a person would: types text, presses buttons on the
/// latest card (filling its inputs), and reads the bot's replies to that turn.
/// </summary>
public sealed class TeamsChat(HttpClient? client, ISentActivities connector, TeamsUser user)
{
    private JsonObject? _lastSent;

    /// <summary>A chat on another channel: its activities go to <paramref name="transport"/> (no tenant, no Entra ids).</summary>
    public TeamsChat(Func<JsonObject, Task> transport, ISentActivities sent, string conversationId)
        : this(null, sent, new TeamsUser("web-visitor", "Visitor", "", "", conversationId))
    {
        Transport = transport;
    }

    private Func<JsonObject, Task>? Transport { get; }

    public TeamsUser User { get; } = user;

    /// <summary>Where the bot's replies go: a loopback connector's address when one runs, else nowhere (the connector is faked).</summary>
    public string ServiceUrl { get; init; } = TestActivity.LocalServiceUrl;

    /// <summary>The locale the person's Teams client sends.</summary>
    public string Locale { get; set; } = "en-GB";

    /// <summary>Every reply so far, in order.</summary>
    public List<BotReply> Transcript { get; } = [];

    /// <summary>The number of messages the person has sent.</summary>
    public int MessagesSent { get; private set; }

    public BotReplies Last { get; private set; } = new([]);

    public Task<BotReplies> SayAsync(string text) => SendAsync(Message(text, null));

    /// <summary>Presses the button with these exact words on the bot's most recent card that has it; inputs are the card's fields.</summary>
    public Task<BotReplies> PressAsync(string title, object? inputs = null)
    {
        var (reply, button) = Transcript.AsEnumerable().Reverse().Select(r => (r, r.FindButton(title))).FirstOrDefault(p => p.Item2 is not null);
        if (button is null)
        {
            throw new InvalidOperationException($"No button \"{title}\" on any card. Buttons on the last card: {string.Join(" | ", Transcript.LastOrDefault(r => r.Card is not null)?.Buttons ?? [])}");
        }

        var value = reply.Press(button);
        if (inputs is not null)
        {
            foreach (var (key, node) in JsonSerializer.SerializeToNode(inputs)!.AsObject())
            {
                value[key] = node?.DeepClone();
            }
        }

        // Teams says which message the pressed card was: its activity id, as replyToId.
        return SendAsync(Message(null, value, reply.Activity.Id));
    }

    /// <summary>The activity pressing that button would send, not sent: for a test that posts it itself (and again).</summary>
    public JsonObject ActivityFor(string title)
    {
        var (reply, button) = Transcript.AsEnumerable().Reverse().Select(r => (r, r.FindButton(title))).FirstOrDefault(p => p.Item2 is not null);
        return Message(null, reply?.Press(button!) ?? throw new InvalidOperationException($"No button \"{title}\" on any card."));
    }

    public Task<BotReplies> SendValueAsync(JsonObject value) => SendAsync(Message(null, value));

    /// <summary>Sends a message carrying these attachments (as Teams does for a file or a pasted image), with no text.</summary>
    public Task<BotReplies> SendAttachmentsAsync(params JsonObject[] attachments)
    {
        var activity = Message(null, null);
        activity["attachments"] = new JsonArray([.. attachments]);
        return SendAsync(activity);
    }

    /// <summary>Sends the last activity again with the same id, as the Bot Service does when it got no answer.</summary>
    public Task<BotReplies> ReplayLastAsync() => SendAsync(_lastSent!.DeepClone().AsObject(), replay: true);

    private JsonObject Message(string? text, JsonObject? value, string? cardId = null)
    {
        var replyToId = value is null ? null : cardId ?? Transcript.LastOrDefault(r => r.Card is not null)?.Activity.Id;
        return Transport is not null
            ? TestActivity.OnAnotherChannel(User.ConversationId, text, value, replyToId)
            : TestActivity.Message(User, text, value, replyToId, serviceUrl: ServiceUrl, locale: Locale);
    }

    private async Task<BotReplies> SendAsync(JsonObject activity, bool replay = false)
    {
        var before = connector.Sent.Count;
        if (Transport is not null)
        {
            await Transport(activity);
        }
        else
        {
            using var response = await client!.PostAsJsonAsync("/api/messages", activity);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The host answered {(int)response.StatusCode} to the turn, not 200.");
            }
        }

        if (!replay)
        {
            _lastSent = activity;
            MessagesSent++;
        }

        // Only what reached this person's chat: the same host may be posting to the leads meanwhile.
        var replies = connector.Sent.Skip(before).Where(a => a.Conversation?.Id is null || a.Conversation.Id == User.ConversationId).Select(a => new BotReply(a)).ToList();
        Transcript.AddRange(replies);
        Last = new BotReplies(replies);
        return Last;
    }
}
