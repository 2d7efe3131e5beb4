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
}
