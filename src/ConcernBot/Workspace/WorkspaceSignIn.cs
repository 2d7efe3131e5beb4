using System.Net;
using ConcernBot.Channels.Teams.Authentication;
using ConcernBot.Leads;
using Microsoft.Extensions.Options;

namespace ConcernBot.Workspace;

/// <summary>
/// Finds the caller of a workspace request: the tab's single sign-on token (validated by the protocol layer's
/// <see cref="TabTokenValidator"/>), or in Development from loopback only, <c>Authorization: Local &lt;object id&gt;</c>
/// naming a configured lead (what the local sign-in page sends). Anything else is nobody.
/// </summary>
public sealed partial class WorkspaceSignIn(
    TabTokenValidator tokens,
    IHostEnvironment environment,
    IOptions<WorkspaceOptions> options,
    LeadsDirectory directory,
    ILogger<WorkspaceSignIn> logger)
{
    public const string LocalScheme = "Local";

    public async Task<WorkspaceCaller?> IdentifyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        string? header = http.Request.Headers.Authorization;
        if (header is not null && header.StartsWith(LocalScheme + " ", StringComparison.Ordinal))
        {
            return Local(http, header[(LocalScheme.Length + 1)..].Trim());
        }

        var check = await tokens.ValidateAsync(header, cancellationToken);
        if (!check.Succeeded)
        {
            LogRefused(logger, check.Reason);
            return null;
        }

        return new WorkspaceCaller(check.User!.ObjectId, check.User.TenantId, check.User.Name, SignedInLocally: false);
    }

    /// <summary>Whether this request may use the local sign-in: Development, the setting on, and from this machine.</summary>
    public bool LocalSignInAllowed(HttpContext http) =>
        environment.IsDevelopment()
        && options.Value.LocalSignIn
        && http.Connection.RemoteIpAddress is { } address
        && IPAddress.IsLoopback(address);

    private WorkspaceCaller? Local(HttpContext http, string objectId)
    {
        if (!LocalSignInAllowed(http) || !directory.IsLeadAnywhere(objectId))
        {
            LogRefused(logger, "a local sign-in outside Development, not from loopback, or for someone who is not a lead");
            return null;
        }

        return new WorkspaceCaller(objectId, null, null, SignedInLocally: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A workspace request was not signed in: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
