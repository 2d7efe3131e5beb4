using System.Security.Claims;
using ConcernBot.Channels.Activities;

namespace ConcernBot.Channels.Teams.Authentication;

/// <summary>Decides whether an inbound activity really comes from the channel.</summary>
public interface IActivityAuthenticator
{
    Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}

/// <summary>The result of authenticating one request. <see cref="Reason"/> is for logs: it never holds token contents.</summary>
public sealed record AuthenticationOutcome(bool Succeeded, string Reason, ClaimsIdentity? Identity = null)
{
    public static AuthenticationOutcome Fail(string reason) => new(false, reason);
}
