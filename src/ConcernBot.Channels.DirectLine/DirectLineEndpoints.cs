using System.Globalization;
using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConcernBot.Channels.DirectLine;

/// <summary>
/// The Direct Line 3.0 API, served by the bot itself, so the official Web Chat and botframework-directlinejs work unchanged
/// (polling; no WebSocket stream): start a conversation with a token bound to it, post an activity, get activities after
/// a watermark, refresh the token. No Direct Line secret exists: anyone may start a conversation (that is the point of a
/// page for people without an account), and a token opens only its own conversation as its own user.
/// </summary>
public static partial class DirectLineEndpoints
{
    private const int MaxActivityBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints, string pattern = "/v3/directline")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(pattern);
        group.MapPost("/tokens/generate", Generate).RequireRateLimiting(DirectLineLimits.NewConversations);
        group.MapPost("/conversations", Start);
        group.MapGet("/conversations/{conversationId}", Start);
        group.MapPost("/tokens/refresh", Refresh);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(DirectLineLimits.PerConversation);
        group.MapGet("/conversations/{conversationId}/activities", GetActivities).RequireRateLimiting(DirectLineLimits.PerConversation);
        group.MapPost("/conversations/{conversationId}/upload", UploadAsync).RequireRateLimiting(DirectLineLimits.PerConversation);
        return endpoints;
    }

    private static IResult Generate(DirectLineTokens tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options, Microsoft.Extensions.Hosting.IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(options.Value.OrganisationId) && !Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions.IsDevelopment(environment))
        {
            // Outside development a web conversation must belong to an organisation, or its concerns would reach nobody.
            return Error(StatusCodes.Status503ServiceUnavailable, "NotConfigured", "This page is not set up yet (DirectLine:OrganisationId).");
        }

        var grant = new DirectLineGrant(DirectLineTokens.NewId("dl-"), DirectLineTokens.NewId("web-"));
        return conversations.TryOpen(grant.ConversationId, grant.UserId)
            ? Conversation(tokens, grant, options.Value)
            : Error(StatusCodes.Status429TooManyRequests, "TooManyConversations", "Too many conversations are open; try again in a minute.");
    }

    /// <summary>Starts (or reconnects to) the token's conversation; on a new instance it is opened again, empty.</summary>
    private static IResult Start(HttpContext http, DirectLineTokens tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options, string? conversationId = null)
    {
        if (Grant(http, tokens) is not { } grant || (conversationId is not null && conversationId != grant.ConversationId))
        {
            return Forbidden();
        }

        if (!conversations.Exists(grant.ConversationId) && !conversations.TryOpen(grant.ConversationId, grant.UserId))
        {
            return Error(StatusCodes.Status429TooManyRequests, "TooManyConversations", "Too many conversations are open; try again in a minute.");
        }

        return Conversation(tokens, grant, options.Value);
    }

    private static IResult Refresh(HttpContext http, DirectLineTokens tokens, IOptions<DirectLineOptions> options) =>
        Grant(http, tokens) is { } grant ? Conversation(tokens, grant, options.Value) : Forbidden();

    private static IResult GetActivities(HttpContext http, string conversationId, string? watermark, DirectLineTokens tokens, DirectLineConversations conversations)
    {
        if (Grant(http, tokens) is not { } grant || grant.ConversationId != conversationId)
        {
            return Forbidden();
        }

        var after = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : 0;
        if (conversations.Since(conversationId, after) is not { } found)
        {
            return Error(StatusCodes.Status404NotFound, "NotFound", "The conversation has ended.");
        }

        var json = new System.Text.StringBuilder("{\"activities\":[");
        json.AppendJoin(',', found.Activities.Select(ActivityJson.Serialize));
        json.Append(CultureInfo.InvariantCulture, $"],\"watermark\":\"{found.Watermark}\"}}");
        return Results.Content(json.ToString(), "application/json; charset=utf-8");
    }

    /// <summary>The event a page posts when it has joined its conversation.</summary>
    public const string JoinEvent = "webchat/join";

    private static async Task<IResult> PostActivityAsync(
        HttpContext http, string conversationId, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineAdapter adapter, IServiceProvider services, ILoggerFactory loggers)
    {
        if (Grant(http, tokens) is not { } grant || grant.ConversationId != conversationId)
        {
            return Forbidden();
        }

        if (http.Request.ContentLength > MaxActivityBytes)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "TooLarge", "That message is too long to send.");
        }

        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        if (body.Length > MaxActivityBytes)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "TooLarge", "That message is too long to send.");
        }

        if (ActivityJson.TryParse(body.ToArray()) is not { Type.Length: > 0 } activity)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "That is not an activity.");
        }

        return await RunAsync(http, grant, activity, conversations, adapter, services, loggers);
    }

    /// <summary>Keeps the activity for the page (its echo) and runs the bot's turn on a copy.</summary>
    private static async Task<IResult> RunAsync(
        HttpContext http, DirectLineGrant grant, Activity activity, DirectLineConversations conversations, DirectLineAdapter adapter, IServiceProvider services, ILoggerFactory loggers,
        Action<Activity>? forTheBot = null)
    {
        var conversationId = grant.ConversationId;
        // The channel, not the client, says who is talking, where, and when.
        activity.ChannelId = DirectLineAdapter.ChannelId;
        activity.ServiceUrl = DirectLineAdapter.ServiceUrl;
        activity.From = new ChannelAccount { Id = grant.UserId, Role = "user" };
        activity.Recipient = new ChannelAccount { Id = DirectLineAdapter.BotId, Name = "ConcernBot", Role = "bot" };
        activity.Conversation = new ConversationAccount { Id = conversationId };
        activity.Timestamp = DateTimeOffset.UtcNow;
        if (!conversations.Append(conversationId, activity))
        {
            return Error(StatusCodes.Status404NotFound, "NotFound", "The conversation has ended.");
        }

        var id = activity.Id!;
        try
        {
            // The echo (kept above, as Direct Line does) is the client's own; the bot gets a copy it may change.
            var turn = ActivityJson.TryParse(System.Text.Encoding.UTF8.GetBytes(ActivityJson.Serialize(activity)))!;
            forTheBot?.Invoke(turn);
            if (turn.IsType(ActivityTypes.Event) && turn.Name == JoinEvent)
            {
                // Web Chat's customary greeting, sent by the page once it is online (so nobody "says" a hello they never
                // typed): the bot hears it as the news that it and the person joined, with the page's language.
                turn.Type = ActivityTypes.ConversationUpdate;
                turn.Name = null;
                turn.MembersAdded = [activity.Recipient, activity.From];
            }

            await services.GetRequiredService<IBot>().OnTurnAsync(new TurnContext(turn, adapter), http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty;
        }
#pragma warning disable CA1031 // the page must get an answer whatever the application did
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogTurnFailed(loggers.CreateLogger(typeof(DirectLineEndpoints).FullName!), activity.Type, ex.GetType().Name);
            return Error(StatusCodes.Status500InternalServerError, "ServiceError", "Something went wrong; please try again.");
        }

        return Results.Json(new DirectLineResourceResponse(id), DirectLineJson.Default.DirectLineResourceResponse);
    }

    private static DirectLineGrant? Grant(HttpContext http, DirectLineTokens tokens)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? tokens.Open(header["Bearer ".Length..].Trim()) : null;
    }

    private static IResult Conversation(DirectLineTokens tokens, DirectLineGrant grant, DirectLineOptions options) =>
        Results.Json(
            new DirectLineConversation(grant.ConversationId, tokens.Issue(grant, options.TokenLifetime), (int)options.TokenLifetime.TotalSeconds),
            DirectLineJson.Default.DirectLineConversation);

    private static IResult Forbidden() => Error(StatusCodes.Status403Forbidden, "TokenInvalid", "The token is missing, expired or not for this conversation.");

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new DirectLineError(new DirectLineErrorBody(code, message)), DirectLineJson.Default.DirectLineError, statusCode: status);

    [LoggerMessage(Level = LogLevel.Error, Message = "A web turn failed ({ActivityType}, {ExceptionType})")]
    private static partial void LogTurnFailed(ILogger logger, string? activityType, string exceptionType);
}

public static class DirectLineServiceCollectionExtensions
{
    /// <summary>The web page's channel: tokens, conversations and the adapter, registered as one more IChannelAdapter.</summary>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.Configure<DirectLineOptions>(configuration);
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineUploads>();
        services.AddSingleton<DirectLineAdapter>();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<DirectLineAdapter>());
        DirectLineLimits.Add(services, configuration);
        return services;
    }
}
