namespace ConcernBot.Channels.Teams.Authentication;

/// <summary>Who may issue the tokens the channel sends, and which audiences name this bot.</summary>
internal static class TokenSources
{
    /// <summary>Entra issuers the Bot Framework SDKs accept (the Bot Framework's own tenants, v1 and v2 forms).</summary>
    private static readonly string[] FixedEntraIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    public static string[] EntraIssuers(string? tenantId) =>
        string.IsNullOrWhiteSpace(tenantId)
            ? FixedEntraIssuers
            : [.. FixedEntraIssuers, $"https://sts.windows.net/{tenantId}/", $"https://login.microsoftonline.com/{tenantId}/v2.0"];

    public static string[] Audiences(string appId) => [appId, $"api://{appId}", $"api://botid-{appId}"];

    public static readonly string[] Algorithms =
    [
        Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256,
        Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha384,
        Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha512,
    ];

    /// <summary>
    /// What every token this host accepts must be: signed with one of the metadata's keys (the one its kid names), by an
    /// RSA algorithm, from one of these issuers, for one of these audiences, with an expiry, within its lifetime.
    /// </summary>
    public static Microsoft.IdentityModel.Tokens.TokenValidationParameters Strict(
        IEnumerable<string> issuers, IEnumerable<string> audiences, IEnumerable<Microsoft.IdentityModel.Tokens.SecurityKey> keys, TimeSpan clockSkew) => new()
    {
        ValidIssuers = issuers,
        ValidAudiences = audiences,
        IssuerSigningKeys = keys,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = Algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = clockSkew,
    };

    /// <summary>The app that asked Entra for the token: <c>appid</c> in a v1.0 token, <c>azp</c> in a v2.0 one; null otherwise.</summary>
    public static string? CallingApp(Microsoft.IdentityModel.JsonWebTokens.JsonWebToken token)
    {
        var claim = (token.TryGetPayloadValue<string>("ver", out var ver) ? ver : null) switch
        {
            null or "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };

        return claim is not null && token.TryGetPayloadValue<string>(claim, out var caller) ? caller : null;
    }
}
