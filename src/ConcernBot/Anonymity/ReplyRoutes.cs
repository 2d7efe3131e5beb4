using System.Security.Cryptography;
using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;
using ConcernBot.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace ConcernBot.Anonymity;

/// <summary>
/// Sealed reply routes: the way back to a reporter's 1:1 chat, encrypted with the Data Protection key ring (not in the
/// store) and stored apart from the concern under an opaque random token. Opened only to deliver a message or to check
/// that an answer comes from the same chat; never shown, never logged.
/// </summary>
public sealed partial class ReplyRoutes(IReplyRouteStore store, IDataProtectionProvider dataProtection, IReporterChat chats, ILogger<ReplyRoutes> logger)
{
    public const string Purpose = "ConcernBot.ReplyRoute";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);

    /// <summary>Seals the conversation (only what is needed to send to it) and returns the new route's token (256 random bits).</summary>
    public async Task<string> SealAsync(ConversationReference reference, CancellationToken cancellationToken = default)
    {
        var route = new SealedRoute(reference.ServiceUrl, reference.ConversationId, reference.ChannelId, reference.TenantId, reference.BotId, reference.Locale);
        var sealedRoute = _protector.Protect(JsonSerializer.Serialize(route, AnonymityJson.Default.SealedRoute));
        var token = NewToken();
        await store.CreateAsync(token, sealedRoute, cancellationToken);
        return token;
    }

    /// <summary>Delivers <paramref name="activity"/> to the chat behind the route.</summary>
    public Task<RouteDelivery> SendAsync(string token, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync(token, activity, null, cancellationToken);

    /// <summary>Lets the relay note something about the chat (by its pseudonym, never its id) just before delivering.</summary>
    internal Task<RouteDelivery> SendAsync(string token, Activity activity, Func<string, CancellationToken, Task>? beforeSend, CancellationToken cancellationToken) =>
        SendAsync(token, () => activity, beforeSend, cancellationToken);

    /// <summary>Builds the message in the reporter's language (the route's), then delivers it.</summary>
    internal async Task<RouteDelivery> SendAsync(string token, Func<Activity> build, Func<string, CancellationToken, Task>? beforeSend, CancellationToken cancellationToken)
    {
        var route = await OpenAsync(token, cancellationToken);
        if (route.Status != RouteDelivery.Delivered || route.Route is not { } open)
        {
            return route.Status;
        }

        if (open.Language is { } language)
        {
            System.Globalization.CultureInfo.CurrentUICulture = Conversation.Languages.For(language);
        }

        var activity = build();

        var chat = new ConversationReference { ServiceUrl = open.ServiceUrl, ChannelId = open.ChannelId, ConversationId = open.ConversationId, TenantId = open.TenantId, BotId = open.BotId };
        activity.Conversation = null;
        activity.From ??= open.BotId is null ? null : new ChannelAccount { Id = open.BotId };
        if (beforeSend is not null)
        {
            await beforeSend(open.ConversationId, cancellationToken);
        }

        await chats.SendAsync(chat, activity, cancellationToken);

        return RouteDelivery.Delivered;
    }

    /// <summary>True when <paramref name="conversationId"/> is the chat behind the route (an answer comes from the reporter).</summary>
    public async Task<bool> LeadsToAsync(string token, string? conversationId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(conversationId))
        {
            return false;
        }

        var route = await OpenAsync(token, cancellationToken);
        return route.Route is { } open && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(open.ConversationId),
            System.Text.Encoding.UTF8.GetBytes(conversationId));
    }

    /// <summary>Deletes the route ("stop contact"); false if it was already gone.</summary>
    public Task<bool> DeleteAsync(string token, CancellationToken cancellationToken = default) => store.DeleteAsync(token, cancellationToken);

    private async Task<(RouteDelivery Status, SealedRoute? Route)> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var sealedRoute = await store.GetAsync(token, cancellationToken);
        if (sealedRoute is null)
        {
            return (RouteDelivery.Gone, null);
        }

        try
        {
            var route = JsonSerializer.Deserialize(_protector.Unprotect(sealedRoute), AnonymityJson.Default.SealedRoute);
            return route is null ? (RouteDelivery.Unreadable, null) : (RouteDelivery.Delivered, route);
        }
        catch (CryptographicException)
        {
            LogUnreadable(logger);
            return (RouteDelivery.Unreadable, null);
        }
    }

    internal static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [LoggerMessage(Level = LogLevel.Error, Message = "A reply route could not be opened with this key ring (was the key ring replaced?)")]
    private static partial void LogUnreadable(ILogger logger);
}

public enum RouteDelivery
{
    Delivered,

    /// <summary>The route was deleted (the reporter stopped contact) or never existed.</summary>
    Gone,

    /// <summary>The route is there but this key ring cannot open it.</summary>
    Unreadable,
}

/// <summary>What a sealed route holds once opened: enough to send into the chat, nothing about the person.</summary>
/// <param name="Language">The language the reporter was talking in when they raised it: what reaches them later uses it.</param>
internal sealed record SealedRoute(string ServiceUrl, string ConversationId, string? ChannelId, string? TenantId, string? BotId, string? Language = null);
