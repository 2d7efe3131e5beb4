using System.Text;
using BenchmarkDotNet.Attributes;
using ConcernBot.Channels.Invoke;
using ConcernBot.Channels.Teams.Authentication;
using ConcernBot.Channels.Teams.Hosting;
using ConcernBot.Channels.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Benchmarks;

/// <summary>
/// A card submit through the whole ASP.NET Core request pipeline as WebApplication.CreateBuilder sets it up (hosting,
/// the request's DI scope, routing, the endpoint), minus Kestrel's parsing: what the environment adds per request.
/// The bot does nothing and every activity is accepted, so Development and Production do exactly the same work otherwise.
/// </summary>
[MemoryDiagnoser]
public class HostPipelineBenchmarks
{
    private WebApplication _app = null!;
    private CapturingServer _server = null!;
    private byte[] _body = [];

    [Params("Development", "Production")]
    public string Environment { get; set; } = "Production";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _body = Encoding.UTF8.GetBytes(Samples.CardSubmitJson);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environment, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        _server = new CapturingServer();
        builder.WebHost.UseServer(_server);
        builder.Services.AddTeamsProtocol(builder.Configuration);
        builder.Services.AddSingleton<IActivityAuthenticator, AcceptingAuthenticator>();
        builder.Services.AddSingleton<IBot, SilentBot>();
        _app = builder.Build();
        _app.MapBotMessages();
        await _app.StartAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Benchmark(Description = "Host pipeline: a card submit, 200")]
    public Task CardSubmit() => _server.Application!.RunAsync(_body);

    private sealed class AcceptingAuthenticator : IActivityAuthenticator
    {
        private static readonly Task<AuthenticationOutcome> Accepted = Task.FromResult(new AuthenticationOutcome(true, "bench"));

        public Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, ConcernBot.Channels.Activities.Activity activity, CancellationToken cancellationToken) => Accepted;
    }

    private sealed class SilentBot : IBot
    {
        public Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken) => Task.FromResult<InvokeResponse?>(null);
    }

    /// <summary>Keeps the application the host hands its server, so requests can be run through it without sockets.</summary>
    private sealed class CapturingServer : IServer
    {
        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Runner? Application { get; private set; }

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull
        {
            Application = new Runner<TContext>(application);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }

    private abstract class Runner
    {
        public abstract Task RunAsync(byte[] body);
    }

    private sealed class Runner<TContext>(IHttpApplication<TContext> application) : Runner
        where TContext : notnull
    {
        public override async Task RunAsync(byte[] body)
        {
            var features = new FeatureCollection();
            var request = new HttpRequestFeature { Method = "POST", Path = "/api/messages", Scheme = "http", Protocol = "HTTP/1.1", Body = new MemoryStream(body, writable: false) };
            request.Headers.ContentType = "application/json";
            request.Headers.ContentLength = body.Length;
            request.Headers.Host = "127.0.0.1";
            features.Set<IHttpRequestFeature>(request);
            features.Set<IHttpResponseFeature>(new HttpResponseFeature());
            features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
            var context = application.CreateContext(features);
            Exception? failure = null;
            try
            {
                await application.ProcessRequestAsync(context);
            }
#pragma warning disable CA1031 // handed to the host, as a server does
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failure = ex;
            }

            application.DisposeContext(context, failure);
            if (features.Get<IHttpResponseFeature>()!.StatusCode != 200)
            {
                throw new InvalidOperationException($"The endpoint answered {features.Get<IHttpResponseFeature>()!.StatusCode}.");
            }
        }
    }
}
