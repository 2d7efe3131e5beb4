using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConcernBot.Channels.Activities;

namespace ConcernBot.Testing;

/// <summary>
/// What the web page's script and botframework-directlinejs do, over the host's Direct Line 3.0 API: get a token, start
/// the conversation, post activities and fetch what came back after the watermark.
/// </summary>
public sealed class DirectLinePage(HttpClient client) : ISentActivities
{
    private readonly List<Activity> _fromBot = [];
    private string _watermark = "0";

    public string Token { get; private set; } = "";
    public string ConversationId { get; private set; } = "";

    /// <summary>The user id the channel bound to this conversation (seen on the echo of the page's own activities).</summary>
    public string? UserId { get; private set; }

    public IReadOnlyList<Activity> Sent => _fromBot;

    public async Task<DirectLinePage> StartAsync()
    {
        using var generated = await client.PostAsync(new Uri("/v3/directline/tokens/generate", UriKind.Relative), null);
        generated.EnsureSuccessStatusCode();
        Token = (await generated.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        using var started = await SendAsync(HttpMethod.Post, "/v3/directline/conversations");
        started.EnsureSuccessStatusCode();
        ConversationId = (await started.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!.GetValue<string>();
        return this;
    }

    /// <summary>A chat driver on this page: its activities go through the Direct Line API.</summary>
    public TeamsChat Chat() => new(PostAsync, this, ConversationId);

    public async Task PostAsync(JsonObject activity)
    {
        using var posted = await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/activities", activity);
        if (posted.StatusCode != System.Net.HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"The host answered {(int)posted.StatusCode} to the activity, not 200.");
        }

        await FetchAsync();
    }

    public async Task FetchAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={_watermark}");
        response.EnsureSuccessStatusCode();
        var set = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        _watermark = set.GetProperty("watermark").GetString()!;
        foreach (var item in set.GetProperty("activities").EnumerateArray())
        {
            var activity = ActivityJson.TryParse(System.Text.Encoding.UTF8.GetBytes(item.GetRawText()))!;
            if (activity.From?.Role == "user")
            {
                UserId = activity.From.Id;
            }
            else
            {
                _fromBot.Add(activity);
            }
        }
    }

    /// <summary>
    /// Web Chat's upload button: POST .../upload as multipart/form-data, one part per file and the message as a part of
    /// type application/vnd.microsoft.activity (botframework-directlinejs' postMessageWithAttachments).
    /// </summary>
    public async Task<HttpResponseMessage> UploadAsync(IEnumerable<(string Name, string ContentType, byte[] Bytes)> files, string? text = null, string? token = null)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, contentType, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, "file", name);
        }

        var activity = new StringContent(new JsonObject { ["type"] = "message", ["text"] = text, ["from"] = new JsonObject { ["id"] = UserId ?? "me" } }.ToJsonString());
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/upload?userId={UserId}") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        var response = await client.SendAsync(request);
        if (response.IsSuccessStatusCode)
        {
            await FetchAsync();
        }

        return response;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, JsonObject? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await client.SendAsync(request);
    }
}
