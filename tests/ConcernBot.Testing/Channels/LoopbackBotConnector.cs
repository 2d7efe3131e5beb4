using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConcernBot.Channels.Activities;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ConcernBot.Testing;

/// <summary>What the loopback connector does to a request while a fault is on.</summary>
public enum ConnectorFault
{
    None,

    /// <summary>503 Service Unavailable: Teams is having an outage.</summary>
    Unavailable,

    /// <summary>500 Internal Server Error.</summary>
    ServerError,

    /// <summary>The connection is reset before any answer.</summary>
    Reset,
}

/// <summary>
/// The Bot Connector on a real loopback socket, so the bot's own HTTP connector client (retries, timeouts, errors) is what
/// runs: it keeps every activity it accepted, per conversation; opens channel threads and 1:1 chats; reports a roster;
/// and, while a fault is on, answers every request with that fault instead.
/// </summary>
public sealed partial class LoopbackBotConnector : ISentActivities, IAsyncDisposable
{
    private WebApplication _app = null!;
    private readonly ConcurrentQueue<Activity> _accepted = new();
    private readonly ConcurrentQueue<(string ConversationId, Activity Activity)> _threads = new();
    private long _ids;
    private long _refused;
    private volatile ConnectorFault _fault;


    public string ServiceUrl { get; private set; } = "";

    /// <summary>The leads' channel's roster, as the connector reports it.</summary>
    public List<Person> Roster { get; } = [People.Asha, People.Ben, People.Dee, People.Nick];

    /// <summary>Every activity accepted into an existing conversation, in order (its Conversation is the one it went to).</summary>
    public IReadOnlyList<Activity> Sent => [.. _accepted];

    /// <summary>Every conversation opened with an activity in it (a leads' card posted as a new channel thread).</summary>
    public IReadOnlyList<(string ConversationId, Activity Activity)> Threads => [.. _threads];

    /// <summary>Requests answered with a fault.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public ConnectorFault Fault
    {
        get => _fault;
        set => _fault = value;
    }

    public static async Task<LoopbackBotConnector> StartAsync()
    {
        var connector = new LoopbackBotConnector();
        (connector._app, var address) = await LoopbackServer.StartAsync(connector.HandleAsync);
        connector.ServiceUrl = address + "/";
        return connector;
    }

    /// <summary>What reached one conversation.</summary>
    public IReadOnlyList<Activity> In(string conversationId) => [.. _accepted.Where(a => a.Conversation?.Id == conversationId)];

    /// <summary>The receipts that reached one conversation, and how many of them say they repeat one that may have arrived.</summary>
    public Copies ReceiptsIn(string conversationId)
    {
        var words = In(conversationId).Select(a => new BotReply(a).Words).Where(w => w.Contains(ConcernBot.Resources.Intake.ReceiptTitle, StringComparison.Ordinal)).ToList();
        var repeated = words.Count(w => w.Contains(ConcernBot.Resources.Intake.ReceiptRepeated, StringComparison.Ordinal));
        return new Copies(words.Count - repeated, repeated);
    }

    /// <summary>The leads' cards posted, by concern reference, and how many of each say they replace an earlier copy.</summary>
    public IReadOnlyDictionary<string, Copies> LeadsCards() =>
        Threads.Select(t => new BotReply(t.Activity).Words)
            .GroupBy(w => ConcernReferencePattern().Match(w).Value)
            .ToDictionary(g => g.Key, g =>
            {
                var replacements = g.Count(w => w.Contains(ConcernBot.Resources.Leads.CardReplacesEarlierCopy, StringComparison.Ordinal));
                return new Copies(g.Count() - replacements, replacements);
            });

    /// <summary>
    /// The leads' settings (<see cref="People.Settings"/>) with their channel reached through this connector, in local mode
    /// (no app id), so the bot's real HTTP connector client talks to it.
    /// </summary>
    public Dictionary<string, string?> LeadsSettings()
    {
        var settings = People.Settings();
        settings["Leads:Channel:ServiceUrl"] = ServiceUrl;
        settings["MicrosoftAppId"] = "";
        return settings;
    }

    private async Task HandleAsync(HttpContext http)
    {
        switch (_fault)
        {
            case ConnectorFault.Reset:
                Interlocked.Increment(ref _refused);
                http.Abort();
                return;
            case ConnectorFault.Unavailable or ConnectorFault.ServerError:
                Interlocked.Increment(ref _refused);
                http.Response.StatusCode = _fault == ConnectorFault.Unavailable ? 503 : 500;
                return;
        }

        var path = http.Request.Path.Value!.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var method = http.Request.Method;
        using var body = method is "POST" or "PUT" ? await JsonDocument.ParseAsync(http.Request.Body) : JsonDocument.Parse("{}");
        object? answer = (method, path) switch
        {
            ("POST", ["v3", "conversations"]) => Open(body.RootElement),
            ("POST", ["v3", "conversations", var id, "activities", ..]) => Accept(id, body.RootElement),
            ("PUT", ["v3", "conversations", _, "activities", var activityId]) => new { id = activityId },
            ("GET", ["v3", "conversations", _, "pagedmembers"]) => new { members = Members() },
            ("GET", ["v3", "conversations", _, "members"]) => Members(),
            ("GET", ["v3", "teams", _, "conversations"]) => new { conversations = Array.Empty<object>() },
            _ => null,
        };
        if (answer is null)
        {
            http.Response.StatusCode = 404;
            return;
        }

        await http.Response.WriteAsJsonAsync(answer);
    }

    private object Accept(string conversationId, JsonElement json)
    {
        var activity = ActivityJson.TryParse(System.Text.Encoding.UTF8.GetBytes(json.GetRawText())) ?? new Activity { Type = "unknown" };
        activity.Id = "m-" + Interlocked.Increment(ref _ids);
        activity.Conversation = new ConversationAccount { Id = conversationId };
        _accepted.Enqueue(activity);
        return new { id = activity.Id };
    }

    /// <summary>A new conversation: a thread in a channel (with its first activity) or a 1:1 chat with one member.</summary>
    private object Open(JsonElement parameters)
    {
        var n = Interlocked.Increment(ref _ids);
        if (parameters.TryGetProperty("channelData", out var data) && data.TryGetProperty("channel", out var channel) && channel.GetProperty("id").GetString() is { } channelId)
        {
            var id = $"{channelId};messageid={n}";
            if (parameters.TryGetProperty("activity", out var first))
            {
                var activity = ActivityJson.TryParse(System.Text.Encoding.UTF8.GetBytes(first.GetRawText())) ?? new Activity { Type = "unknown" };
                activity.Conversation = new ConversationAccount { Id = id };
                _threads.Enqueue((id, activity));
            }

            return new { id, activityId = n.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        var member = parameters.TryGetProperty("members", out var members) && members.GetArrayLength() > 0 ? members[0].GetProperty("id").GetString() : "unknown";
        return new { id = "a:loopback-" + member };
    }

    private JsonArray Members() =>
        [.. Roster.Select(p => (JsonNode)new JsonObject { ["id"] = p.UserId, ["name"] = p.Name, ["objectId"] = p.ObjectId })];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [System.Text.RegularExpressions.GeneratedRegex("SG-[0-9A-Z]{3}-[0-9A-Z]{3}")]
    private static partial System.Text.RegularExpressions.Regex ConcernReferencePattern();
}

/// <summary>How many copies of something arrived: plain ones, and ones that say they may repeat an earlier copy.</summary>
public sealed record Copies(int Plain, int Labelled);
