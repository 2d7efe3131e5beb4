using ConcernBot.Channels.Activities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConcernBot.Channels.Teams.Authentication;

/// <summary>
/// Inbound authentication. With an app id, every request must carry a valid channel token.
/// With none, only the Development switch lets token-less requests in, and only from loopback service URLs.
/// </summary>
internal sealed class ActivityAuthenticator(
    IOptions<BotAuthenticationOptions> options,
    IHostEnvironment environment,
    ChannelTokenValidator validator,
    TrustedServiceUrls trustedServiceUrls) : IActivityAuthenticator
{
    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.HasAppId)
        {
            return AuthenticateLocal(authorizationHeader, activity, settings);
        }

        if (authorizationHeader is null)
        {
            return AuthenticationOutcome.Fail("no token");
        }

        if (!BearerToken.TryParse(authorizationHeader, out var token))
        {
            return AuthenticationOutcome.Fail("the Authorization header is not 'Bearer <token>'");
        }

        var validation = await validator.ValidateAsync(token, activity, cancellationToken).ConfigureAwait(false);
        if (!validation.Succeeded)
        {
            return AuthenticationOutcome.Fail(validation.Reason);
        }

        // Only a validated serviceurl claim makes a service URL safe to send the bot's own token to.
        if (validation.ServiceUrlVouched && activity.ServiceUrl is { Length: > 0 } serviceUrl)
        {
            trustedServiceUrls.Trust(serviceUrl);
        }

        return new AuthenticationOutcome(true, validation.Reason, validation.Identity);
    }

    private AuthenticationOutcome AuthenticateLocal(string? authorizationHeader, Activity activity, BotAuthenticationOptions settings)
    {
        if (authorizationHeader is not null)
        {
            return AuthenticationOutcome.Fail("a token was sent but no app id is configured");
        }

        if (!settings.AllowUnauthenticatedLocalRequests || !environment.IsDevelopment())
        {
            return AuthenticationOutcome.Fail("no token, and unauthenticated local requests are not allowed");
        }

        return TrustedServiceUrls.IsLoopback(activity.ServiceUrl)
            ? new AuthenticationOutcome(true, "local development")
            : AuthenticationOutcome.Fail("unauthenticated requests are accepted only from loopback service URLs");
    }
}
