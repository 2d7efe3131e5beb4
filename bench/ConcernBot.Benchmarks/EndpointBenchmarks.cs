using System.Text;
using BenchmarkDotNet.Attributes;
using ConcernBot.Channels.Invoke;
using ConcernBot.Channels.Teams.Hosting;
using ConcernBot.Channels.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConcernBot.Benchmarks;

/// <summary>
/// The messaging endpoint around a turn, without Kestrel: read the body, parse the activity, authenticate (local mode, as in
/// the benchmark run), hand it to a bot that does nothing, answer. An invoke's answer is written as JSON.
/// </summary>
[MemoryDiagnoser]
public class EndpointBenchmarks
{
    private const string InvokeJson = """
        {"type":"invoke","name":"adaptiveCard/action","id":"f:1","timestamp":"2026-11-24T21:00:00.000Z",
         "serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams",
         "from":{"id":"29:1a2b3c","name":"Ada Quillfeather","aadObjectId":"00000000-0000-0000-0000-000000000020"},
         "conversation":{"conversationType":"personal","tenantId":"00000000-0000-0000-0000-000000000001","id":"a:1x2y3z"},
         "recipient":{"id":"28:00000000-0000-0000-0000-000000000002","name":"ConcernBot"},
         "channelData":{"tenant":{"id":"00000000-0000-0000-0000-000000000001"},"source":{"name":"message"}},
         "replyToId":"1700000000001","locale":"en-GB",
         "value":{"action":{"type":"Action.Execute","verb":"leads.view","data":{"concernId":"c-1"}},"trigger":"manual"}}
        """;

    private WebApplication _app = null!;
    private RequestDelegate _endpoint = null!;
    private byte[] _cardSubmit = [];
    private byte[] _invoke = [];

    [GlobalSetup]
    public void Setup()
    {
        _cardSubmit = Encoding.UTF8.GetBytes(Samples.CardSubmitJson);
        _invoke = Encoding.UTF8.GetBytes(InvokeJson);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.Configuration["AllowUnauthenticatedLocalRequests"] = "true";
        builder.Services.AddTeamsProtocol(builder.Configuration);
        builder.Services.AddSingleton<IBot, AnsweringBot>();
        _app = builder.Build();
        _app.MapBotMessages();
        _endpoint = ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .First(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true).RequestDelegate!;
    }

    [GlobalCleanup]
    public ValueTask CleanupAsync() => _app.DisposeAsync();

    [Benchmark(Description = "Endpoint: a card submit (message), 200")]
    public Task CardSubmit() => _endpoint(Context(_cardSubmit, chunked: false));

    [Benchmark(Description = "Endpoint: a card submit, chunked body")]
    public Task CardSubmitChunked() => _endpoint(Context(_cardSubmit, chunked: true));

    [Benchmark(Description = "Endpoint: an Action.Execute invoke, JSON answer")]
    public Task Invoke() => _endpoint(Context(_invoke, chunked: false));

    private DefaultHttpContext Context(byte[] body, bool chunked)
    {
        var http = new DefaultHttpContext { RequestServices = _app.Services };
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        http.Request.ContentLength = chunked ? null : body.Length;
        http.Request.Body = new MemoryStream(body, writable: false);
        http.Response.Body = Stream.Null;
        return http;
    }

    private sealed class AnsweringBot : IBot
    {
        private static readonly InvokeResponse Answer = InvokeResponse.Message("Thank you.");

        public Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken) =>
            Task.FromResult<InvokeResponse?>(turn.Activity.Type == "invoke" ? Answer : null);
    }
}
