using System.Net.Http.Headers;
using ConcernBot.Channels.Activities;

// The ceiling: a bare Kestrel endpoint that does the least a bot turn can do. It parses the same activity JSON with the
// same serializer as ConcernBot, and makes one connector call (a reply into the conversation). No routing beyond one
// path, no authentication, no state, no logging. Nothing a real bot could skip is skipped by ConcernBot; everything
// here, ConcernBot also does.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddHttpClient("connector")
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false, UseCookies = false, MaxConnectionsPerServer = 256 });
var app = builder.Build();

app.MapGet("/healthz", () => Results.Ok());
app.MapPost("/api/messages", async (HttpContext http, IHttpClientFactory clients) =>
{
    using var buffer = new MemoryStream();
    await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
    var activity = ActivityJson.TryParse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    if (activity?.Conversation?.Id is not { } conversationId || activity.ServiceUrl is null)
    {
        return Results.BadRequest();
    }

    var reply = activity.CreateReply("Thank you. What happened next?");
    using var content = new StringContent(ActivityJson.Serialize(reply));
    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    var url = $"{activity.ServiceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activity.Id ?? "")}";
    using var response = await clients.CreateClient("connector").PostAsync(url, content, http.RequestAborted);
    return response.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(502);
});

app.Run();
