using ConcernBot.Channels.Teams.Authentication;

namespace ConcernBot.Channels.Teams.Connector.Auth;

/// <summary>Where the bot's outbound tokens come from.</summary>
internal static class ConnectorAuthority
{
    public const string MultiTenantName = "botframework.com";

    /// <summary>
    /// MultiTenant: <c>{AuthorityHost}/botframework.com</c>; SingleTenant: <c>{AuthorityHost}/{MicrosoftAppTenantId}</c>.
    /// A single-tenant bot asking botframework.com gets AADSTS700016 and then 401 on every reply, so there is no fallback.
    /// </summary>
    public static string For(BotAuthenticationOptions options)
    {
        var host = options.AuthorityHost.TrimEnd('/');
        return options.MicrosoftAppType switch
        {
            BotAppType.MultiTenant => $"{host}/{MultiTenantName}",
            BotAppType.SingleTenant when !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId) => $"{host}/{options.MicrosoftAppTenantId.Trim()}",
            BotAppType.SingleTenant => throw new InvalidOperationException(MissingTenantMessage),
            _ => throw new InvalidOperationException($"MicrosoftAppType {options.MicrosoftAppType} does not use an MSAL authority."),
        };
    }

    public const string MissingTenantMessage =
        "MicrosoftAppType is SingleTenant but MicrosoftAppTenantId is empty. Set MicrosoftAppTenantId to the bot's Entra tenant id: " +
        "a single-tenant bot cannot get connector tokens from the botframework.com authority (AADSTS700016).";
}
