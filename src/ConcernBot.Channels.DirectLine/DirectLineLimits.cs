using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Channels.DirectLine;

/// <summary>
/// Limits that need no address of anyone: a budget of new conversations for the whole page, and a budget of requests
/// per conversation (keyed by a hash of its token, kept only in memory for the window). Over a limit, the page is told
/// plainly to try again shortly (429).
/// </summary>
public static class DirectLineLimits
{
    public const string NewConversations = "directline.new";
    public const string PerConversation = "directline.conversation";

    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue("NewConversationsPerMinute", 120);
        var perConversation = configuration.GetValue("RequestsPerConversationPerMinute", 240);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, token) =>
            {
                context.HttpContext.Response.ContentType = "application/json";
                return new ValueTask(context.HttpContext.Response.WriteAsync(
                    "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many messages at once; please try again in a minute.\"}}", token));
            };
            limiter.AddPolicy(NewConversations, _ => RateLimitPartition.GetFixedWindowLimiter(
                "page", _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.AddPolicy(PerConversation, http => RateLimitPartition.GetFixedWindowLimiter(
                TokenKey(http), _ => new FixedWindowRateLimiterOptions { PermitLimit = perConversation, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    private static string TokenKey(HttpContext http) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString())), 0, 12);
}
