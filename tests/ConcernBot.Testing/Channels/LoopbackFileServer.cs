using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ConcernBot.Testing;

/// <summary>
/// Where Teams keeps the files a person sends (SharePoint / OneDrive, or the connector's own inline images), on a real
/// loopback socket: serves the files it is given, answers a redirect where asked, and records every request (path and
/// whether it carried a token), so a test can see what the bot fetched and with what.
/// </summary>
public sealed class LoopbackFileServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _redirects = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Path, string? Authorization)> _requests = new();
    private WebApplication _app = null!;

    public string Address { get; private set; } = "";

    public IReadOnlyList<(string Path, string? Authorization)> Requests => [.. _requests];

    public static async Task<LoopbackFileServer> StartAsync()
    {
        var server = new LoopbackFileServer();
        (server._app, server.Address) = await LoopbackServer.StartAsync(server.HandleAsync);
        return server;
    }

    /// <summary>Serves <paramref name="bytes"/> at <paramref name="path"/>; returns its full URL.</summary>
    public string Serve(string path, byte[] bytes)
    {
        _files[path] = bytes;
        return Address + path;
    }

    /// <summary>Answers <paramref name="path"/> with a 302 to <paramref name="location"/>; returns its full URL.</summary>
    public string Redirect(string path, string location)
    {
        _redirects[path] = location;
        return Address + path;
    }

    /// <summary>A file sent in a personal chat, as Teams delivers it: a pre-authorised download link.</summary>
    public static JsonObject DownloadInfo(string downloadUrl, string name, string fileType) => new()
    {
        ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
        ["contentUrl"] = downloadUrl,
        ["name"] = name,
        ["content"] = new JsonObject { ["downloadUrl"] = downloadUrl, ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = fileType },
    };

    /// <summary>An image pasted into the message: its contentUrl is fetched with the bot's token.</summary>
    public static JsonObject InlineImage(string contentUrl) => new() { ["contentType"] = "image/*", ["contentUrl"] = contentUrl };

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        _requests.Enqueue((path, http.Request.Headers.Authorization.FirstOrDefault()));
        if (_redirects.TryGetValue(path, out var location))
        {
            http.Response.StatusCode = StatusCodes.Status302Found;
            http.Response.Headers.Location = location;
            return;
        }

        if (!_files.TryGetValue(path, out var bytes))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.ContentType = "application/octet-stream";
        await http.Response.Body.WriteAsync(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
