using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Invoke;
using ConcernBot.Channels.Teams.Authentication;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConcernBot.Channels.Teams.Hosting;

public sealed class BotEndpointOptions
{
    /// <summary>Requests larger than this are refused with 413 before they are parsed.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;
}

public static partial class BotEndpoint
{
    /// <summary>Maps the messaging endpoint: POST only (405 otherwise).</summary>
    public static IEndpointConventionBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        endpoints.MapMethods(pattern, ["GET", "PUT", "DELETE", "PATCH", "HEAD"], () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed))
            .ExcludeFromDescription();

        // Resolved once, not on every request: the logger (its factory takes a lock) and the options (fixed at startup).
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("ConcernBot.Channels.Teams.BotEndpoint");
        var limit = endpoints.ServiceProvider.GetRequiredService<IOptions<BotEndpointOptions>>().Value.MaxRequestBodyBytes;
        return endpoints.MapPost(pattern, http => HandleAsync(http, logger, limit));
    }

    private static async Task HandleAsync(HttpContext http, ILogger logger, int limit)
    {
        var services = http.RequestServices;
        var cancellationToken = http.RequestAborted;

        var (tooLarge, activity) = await ReadActivityAsync(http.Request, limit, cancellationToken).ConfigureAwait(false);
        if (tooLarge)
        {
            LogRefused(logger, StatusCodes.Status413PayloadTooLarge, "body too large");
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            LogRefused(logger, StatusCodes.Status400BadRequest, activity is null ? "malformed activity" : "activity has no type");
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var authenticator = services.GetRequiredService<IActivityAuthenticator>();
        var outcome = await authenticator.AuthenticateAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, activity, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            LogRefused(logger, StatusCodes.Status401Unauthorized, outcome.Reason);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var bot = services.GetRequiredService<IBot>();
        var turn = new TurnContext(activity, services.GetRequiredService<ChannelAdapters>().For(activity.ChannelId));
        InvokeResponse? response;
        try
        {
            response = await bot.OnTurnAsync(turn, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // the channel must get an answer whatever the application did
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogTurnFailed(logger, activity.Type, ex.GetType().Name);
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        if (!activity.IsType(ActivityTypes.Invoke))
        {
            http.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        response ??= InvokeResponse.NotImplemented;
        http.Response.StatusCode = response.HttpStatus;
        if (response.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            ActivityJson.Write(http.Response.BodyWriter, response.Body);
            await http.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads the body (at most <paramref name="limit"/> bytes, with or without a Content-Length) straight from the server's
    /// buffers and parses it there: no copy of the body, no string. <c>TooLarge</c> when the body is over the limit.
    /// </summary>
    private static async Task<(bool TooLarge, Activity? Activity)> ReadActivityAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (true, null);
        }

        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                reader.AdvanceTo(buffer.End);
                return (true, null);
            }

            if (result.IsCompleted)
            {
                var activity = ActivityJson.TryParse(buffer);
                reader.AdvanceTo(buffer.End);
                return (false, activity);
            }

            // Nothing consumed, everything examined: the next read waits for more of the body.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an inbound activity with {StatusCode}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int statusCode, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {ActivityType} turn failed with {ExceptionType}")]
    private static partial void LogTurnFailed(ILogger logger, string? activityType, string exceptionType);
}
