using System.Text.RegularExpressions;
using ConcernBot.Channels.Teams.Authentication;
using Microsoft.Identity.Client;

namespace ConcernBot.Channels.Teams.Connector.Auth;

/// <summary>
/// MultiTenant and SingleTenant bots: MSAL client credentials (app id + password) against the tenant's authority.
/// One client application for the bot's app id, kept for the life of the process so MSAL's in-memory token cache
/// answers all but the first call and the refreshes.
/// </summary>
internal sealed partial class MsalConnectorTokenProvider : IConnectorTokenProvider
{
    private readonly Lazy<IConfidentialClientApplication> _application;
    private readonly string[] _scopes;

    public MsalConnectorTokenProvider(BotAuthenticationOptions options)
        : this(options, customize: null)
    {
    }

    /// <param name="customize">Test seam: lets tests point MSAL's HTTP at a loopback authority.</param>
    internal MsalConnectorTokenProvider(BotAuthenticationOptions options, Action<ConfidentialClientApplicationBuilder>? customize)
    {
        ArgumentNullException.ThrowIfNull(options);
        var appId = options.MicrosoftAppId ?? throw new ArgumentException("MicrosoftAppId is required for MSAL tokens.", nameof(options));
        Authority = ConnectorAuthority.For(options);
        _scopes = [options.ConnectorScope];
        var password = options.MicrosoftAppPassword;
        _application = new Lazy<IConfidentialClientApplication>(() =>
        {
            if (string.IsNullOrEmpty(password))
            {
                throw new ConnectorException(0, ConnectorException.TokenUnavailable, $"MicrosoftAppPassword is empty: a {options.MicrosoftAppType} bot needs its client secret to call the connector.");
            }

            var builder = ConfidentialClientApplicationBuilder.Create(appId)
                .WithClientSecret(password)
                .WithAuthority(Authority);
            customize?.Invoke(builder);
            return builder.Build();
        });
    }

    /// <summary>The authority MSAL asks for tokens.</summary>
    public string Authority { get; }

    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await _application.Value.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (MsalException ex)
        {
            // MSAL's own message names the app and tenant; the codes are enough (AADSTS700016: wrong authority for the app).
            var aadsts = AadstsCode().Match(ex.Message);
            var codes = aadsts.Success ? $"{ex.ErrorCode}, {aadsts.Value}" : ex.ErrorCode;
            throw new ConnectorException(0, ConnectorException.TokenUnavailable, $"No connector token from {Authority}: {codes}.", ex);
        }
    }

    [GeneratedRegex(@"AADSTS\d+", RegexOptions.CultureInvariant)]
    private static partial Regex AadstsCode();
}
