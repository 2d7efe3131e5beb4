namespace ConcernBot.Channels.Teams.Authentication;

/// <summary>
/// Single sign-on for a Teams tab (settings under <c>TabSignIn</c>): the tab's token is an Entra v2.0 access token for
/// the app's own API, <c>api://&lt;domain&gt;/&lt;app id&gt;</c> (the manifest's <c>webApplicationInfo.resource</c>).
/// </summary>
public sealed class TabSignInOptions
{
    public const string Section = "TabSignIn";

    /// <summary>The host name the tab is served from (e.g. concernbot.example.org); with the app id it makes the audience.</summary>
    public string? Domain { get; set; }

    /// <summary>The whole application id URI, when it is not <c>api://&lt;domain&gt;/&lt;app id&gt;</c>.</summary>
    public string? ApplicationIdUri { get; set; }

    /// <summary>Where Entra's signing keys are published; tests point this at a loopback server with keys of their own.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>The issuer's form; <c>{tenantid}</c> is replaced by the token's own <c>tid</c>.</summary>
    public string IssuerTemplate { get; set; } = "https://login.microsoftonline.com/{tenantid}/v2.0";

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The audience tokens must carry, or null when the tab's sign-in is not configured.</summary>
    public string? Audience(string? appId) =>
        !string.IsNullOrWhiteSpace(ApplicationIdUri) ? ApplicationIdUri
        : !string.IsNullOrWhiteSpace(Domain) && !string.IsNullOrWhiteSpace(appId) ? $"api://{Domain}/{appId}"
        : null;
}
