using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly.Retry;
using Polly.Timeout;
using Polly;

namespace ConcernBot.Channels.Teams.Connector;

/// <summary>
/// Retries for the connector: 429 (after its Retry-After), 412, 502 and 504 mean the connector did not act on the request,
/// so even a POST may be sent again. Exponential backoff with jitter, a bounded number of attempts and a total timeout.
/// Never retried: 400, 401, 403 (MessageWritesBlocked: the user blocked the bot), 404, 413 (MessageSizeTooBig), and a
/// POST whose attempt timed out or broke after it was sent, because the message may already be in the chat.
/// Two strategies run on every call, the retry and the attempt timeout; the total timeout is the HttpClient's own
/// (<see cref="ConnectorOptions.TotalTimeout"/>), which costs nothing more since the client links a token for every call anyway.
/// </summary>
internal static class ConnectorResilience
{
    public const string PipelineName = "connector";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
        var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;

        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, time)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response, time) : null),
            });
        }

        builder.AddTimeout(options.AttemptTimeout);
    }

    public static bool IsRetriedStatus(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ConnectorOptions options, TimeProvider time)
    {
        if (outcome.Result is { } response)
        {
            return IsRetriedStatus(response.StatusCode) && !(RetryAfter(response, time) > options.MaxRetryAfter);
        }

        var idempotent = context.GetRequestMessage()?.Method != HttpMethod.Post;
        return outcome.Exception switch
        {
            // Failures before anything was sent are safe to repeat for every method.
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError } => true,
            HttpRequestException => idempotent,
            TimeoutRejectedException => idempotent,
            _ => false,
        };
    }

    /// <summary>The wait the connector asked for, as delta-seconds or an HTTP date; null when it asked for none.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
