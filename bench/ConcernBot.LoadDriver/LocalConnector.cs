using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConcernBot.LoadDriver;

/// <summary>
/// The Bot Connector as Teams runs it, reduced to what a turn needs: every POST under v3/conversations is answered at once
/// with <c>{"id":"..."}</c>. Replies into a driver conversation are counted (and, when asked, kept) per conversation;
/// anything else (a new conversation, a post into a channel) is a leads' card, kept with its arrival time.
/// </summary>
internal sealed class LocalConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ConversationLog> _conversations = new(StringComparer.Ordinal);
    private long _ids;
    private long _requests;

    private LocalConnector(WebApplication app) => _app = app;

    public Uri ServiceUrl { get; private set; } = null!;

    /// <summary>Leads' cards (and anything else outside the driver's conversations): arrival timestamp and the concern reference on it.</summary>
    public ConcurrentQueue<(long ArrivedAt, string? Reference)> OtherPosts { get; } = new();

    public long Requests => Interlocked.Read(ref _requests);

    public static async Task<LocalConnector> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<KestrelServerOptions>(_ => { });
        var app = builder.Build();
        var connector = new LocalConnector(app);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.First();
        connector.ServiceUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return connector;
    }

    public ConversationLog Register(string conversationId, bool keepBodies)
    {
        var log = new ConversationLog(keepBodies);
        _conversations[conversationId] = log;
        return log;
    }

    public void Forget(string conversationId) => _conversations.TryRemove(conversationId, out _);

    /// <summary>The leads' channel and its one lead, as the connector's roster and channel list report them.</summary>
    public const string LeadsChannelId = "19:bench-leads@thread.tacv2";
    public const string LeadObjectId = "00000000-0000-0000-0000-00000000b001";

    private async Task HandleAsync(HttpContext http)
    {
        Interlocked.Increment(ref _requests);
        if (HttpMethods.IsGet(http.Request.Method))
        {
            await AnswerReadAsync(http);
            return;
        }

        var body = await ReadAsync(http.Request);
        try
        {
            var path = http.Request.Path.Value ?? "";
            var conversationId = ConversationIdOf(path);
            if (conversationId is not null && _conversations.TryGetValue(conversationId, out var log))
            {
                log.Received(body.Span);
            }
            else if (HttpMethods.IsPost(http.Request.Method))
            {
                OtherPosts.Enqueue((Stopwatch.GetTimestamp(), References.Find(body.Span)));
            }
        }
        finally
        {
            body.Dispose();
        }

        var id = Interlocked.Increment(ref _ids);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        var answer = $"{{\"id\":\"r-{id}\",\"activityId\":\"r-{id}\"}}";
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer));
    }

    /// <summary>Reads (members, channels, team): one lead in the leads' channel; anything else an empty object.</summary>
    private static Task AnswerReadAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        const string lead = $$"""{"id":"29:bench-lead","name":"Bench Lead","aadObjectId":"{{LeadObjectId}}","userPrincipalName":"lead@bench.example"}""";
        var body = path.EndsWith("/pagedmembers", StringComparison.Ordinal) ? $$"""{"members":[{{lead}}]}"""
            : path.EndsWith("/members", StringComparison.Ordinal) ? $"[{lead}]"
            : path.Contains("/members/", StringComparison.Ordinal) ? lead
            : path.EndsWith("/conversations", StringComparison.Ordinal) ? $$"""{"conversations":[{"id":"{{LeadsChannelId}}","name":"Safeguarding"}]}"""
            : "{}";
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(body);
    }

    /// <summary>"/v3/conversations/{id}/activities[/{replyTo}]" gives {id}; "/v3/conversations" (create) gives null.</summary>
    private static string? ConversationIdOf(string path)
    {
        const string prefix = "/v3/conversations/";
        var start = path.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += prefix.Length;
        var end = path.IndexOf('/', start);
        var raw = end < 0 ? path[start..] : path[start..end];
        return raw.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(raw) : raw;
    }

    private static async Task<PooledBody> ReadAsync(HttpRequest request)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is > 0 and < 4 * 1024 * 1024 and var n ? (int)n : 16 * 1024);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                buffer.AsSpan(0, length).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = bigger;
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length));
            if (read == 0)
            {
                return new PooledBody(buffer, length);
            }

            length += read;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private readonly struct PooledBody(byte[] buffer, int length) : IDisposable
    {
        public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }
}

/// <summary>What one driver conversation received from the bot.</summary>
internal sealed class ConversationLog(bool keepBodies)
{
    private readonly List<byte[]> _bodies = [];
    private int _replies;

    public int Replies => Volatile.Read(ref _replies);

    /// <summary>The concern reference (SG-XXX-XXX) the bot gave on its receipt, once it has.</summary>
    public string? Reference { get; private set; }

    public void Received(ReadOnlySpan<byte> body)
    {
        Interlocked.Increment(ref _replies);
        if (Reference is null && References.Find(body) is { } reference)
        {
            Reference = reference;
        }

        if (keepBodies)
        {
            lock (_bodies)
            {
                _bodies.Add(body.ToArray());
            }
        }
    }

    /// <summary>The bodies kept since <paramref name="from"/> (keepBodies only).</summary>
    public IReadOnlyList<byte[]> BodiesSince(int from)
    {
        lock (_bodies)
        {
            return _bodies.Skip(from).ToList();
        }
    }

    public int BodyCount
    {
        get
        {
            lock (_bodies)
            {
                return _bodies.Count;
            }
        }
    }
}

/// <summary>Concern references as the bot writes them: SG- then two groups of three letters or digits.</summary>
internal static class References
{
    public static string? Find(ReadOnlySpan<byte> text)
    {
        var offset = 0;
        while (true)
        {
            var at = text[offset..].IndexOf("SG-"u8);
            if (at < 0)
            {
                return null;
            }

            at += offset;
            if (at + 10 <= text.Length && IsCode(text.Slice(at + 3, 3)) && text[at + 6] == (byte)'-' && IsCode(text.Slice(at + 7, 3)))
            {
                return Encoding.ASCII.GetString(text.Slice(at, 10));
            }

            offset = at + 3;
        }
    }

    private static bool IsCode(ReadOnlySpan<byte> three)
    {
        foreach (var b in three)
        {
            if (!(b is >= (byte)'A' and <= (byte)'Z' || b is >= (byte)'0' and <= (byte)'9'))
            {
                return false;
            }
        }

        return true;
    }
}
