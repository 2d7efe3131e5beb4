namespace ConcernBot.Channels.Teams.Authentication;

public enum BotAppType
{
    MultiTenant,
    SingleTenant,
    UserAssignedMSI,
}

/// <summary>The bot's identity, under the conventional Bot Framework setting names.</summary>
public sealed class BotAuthenticationOptions
{
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>
    /// Development only: with no app id, accept requests without a token, and only when their serviceUrl is on loopback.
    /// Never honoured outside the Development environment.
    /// </summary>
    public bool AllowUnauthenticatedLocalRequests { get; set; }

    public string BotFrameworkOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";
    public string BotFrameworkIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>The authority host for outbound tokens; the tenant or botframework.com is appended.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com";

    public string ConnectorScope { get; set; } = "https://api.botframework.com/.default";

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    public bool HasAppId => !string.IsNullOrWhiteSpace(MicrosoftAppId);
}
