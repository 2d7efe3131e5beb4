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

    /// <summary>
    /// The client apps that may ask for the tab's token (its <c>azp</c>, or <c>appid</c> in a v1.0 token): Teams on the
    /// desktop and phone, Teams on the web, and the Microsoft 365 and Outlook hosts a Teams app can also run in. These are
    /// the ones an app registration pre-authorises for Teams single sign-on.
    /// </summary>
    public List<string> AllowedClientApps { get; set; } =
    [
        "1fec8e78-bce4-4aaf-ab1b-5451cc387264", "5e3ce6c0-2b1f-4285-8d4b-75ee78787346",
        "4765445b-32c6-49b0-83e6-1d93765276ca", "0ec893e0-5785-4de6-99da-4ed124e5296c", "d3590ed6-52b3-4102-aeff-aad2292ab01c",
        "bc59ab01-8403-45c6-8796-ac3ef710b3e3", "27922004-5251-4030-b22d-91ecd9a37ea4",
    ];

    /// <summary>The audience tokens must carry, or null when the tab's sign-in is not configured.</summary>
    public string? Audience(string? appId) =>
        !string.IsNullOrWhiteSpace(ApplicationIdUri) ? ApplicationIdUri
        : !string.IsNullOrWhiteSpace(Domain) && !string.IsNullOrWhiteSpace(appId) ? $"api://{Domain}/{appId}"
        : null;
}
