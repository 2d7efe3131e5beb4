using ConcernBot.Teams.Activities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConcernBot.Teams.Authentication;

/// <summary>
/// Inbound authentication. With an app id, every request must carry a valid channel token.
/// With none, only the Development switch lets token-less requests in, and only from loopback service URLs.
/// </summary>
internal sealed class ActivityAuthenticator(
    IOptions<BotAuthenticationOptions> options,
    IHostEnvironment environment) : IActivityAuthenticator
{
    public Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.HasAppId)
        {
            return Task.FromResult(AuthenticateLocal(authorizationHeader, activity, settings));
        }

        return Task.FromResult(AuthenticationOutcome.Fail("token validation is not available yet"));
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
