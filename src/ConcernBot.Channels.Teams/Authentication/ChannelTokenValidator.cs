using System.Security.Claims;
using ConcernBot.Channels.Activities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ConcernBot.Channels.Teams.Authentication;

/// <summary>
/// Validates the JWT the channel sends with an activity: signature (RS256/384/512) by a key from the issuer's metadata,
/// issuer, audience, lifetime, the signing key's endorsements, and the <c>serviceurl</c> claim.
/// Reasons are for logs and never carry token contents.
/// </summary>
internal sealed class ChannelTokenValidator(IOptions<BotAuthenticationOptions> options, OpenIdMetadata metadata)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public async Task<TokenValidation> ValidateAsync(string token, Activity activity, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        JsonWebToken unvalidated;
        try
        {
            unvalidated = Handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return TokenValidation.Fail("the token is not a well-formed JWT");
        }

        if (unvalidated.IsEncrypted || string.IsNullOrEmpty(unvalidated.Kid))
        {
            return TokenValidation.Fail("the token is encrypted or names no signing key");
        }

        var fromBotFramework = string.Equals(unvalidated.Issuer, settings.BotFrameworkIssuer, StringComparison.Ordinal);
        var metadataUrl = fromBotFramework ? settings.BotFrameworkOpenIdMetadataUrl : settings.EntraOpenIdMetadataUrl;

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await metadata.GetAsync(metadataUrl, unvalidated.Kid, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            return TokenValidation.Fail($"the OpenID metadata could not be read ({ex.GetType().Name})");
        }

        var parameters = TokenSources.Strict(
            fromBotFramework ? [settings.BotFrameworkIssuer] : TokenSources.EntraIssuers(settings.MicrosoftAppTenantId),
            TokenSources.Audiences(settings.MicrosoftAppId!),
            configuration.SigningKeys,
            settings.ClockSkew);

        var result = await Handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return TokenValidation.Fail($"token validation failed ({result.Exception?.GetType().Name ?? "unknown"})");
        }

        var claims = (JsonWebToken)result.SecurityToken;
        if (!fromBotFramework && !IsIssuedToThisApp(claims, settings.MicrosoftAppId!))
        {
            return TokenValidation.Fail("the Entra token was not issued to this app (appid/azp)");
        }

        var endorsements = KeyEndorsements.For(configuration, unvalidated.Kid);
        if (endorsements is null ? fromBotFramework : !KeyEndorsements.Endorses(endorsements, activity.ChannelId))
        {
            return TokenValidation.Fail("the signing key is not endorsed for the activity's channel");
        }

        var serviceUrlClaim = claims.TryGetPayloadValue<string>("serviceurl", out var claimed) ? claimed : null;
        if (serviceUrlClaim is null ? fromBotFramework : !SameServiceUrl(serviceUrlClaim, activity.ServiceUrl))
        {
            return TokenValidation.Fail("the serviceurl claim is missing or differs from the activity's serviceUrl");
        }

        return new TokenValidation(result.ClaimsIdentity, fromBotFramework ? "Bot Framework token" : "Entra token", ServiceUrlVouched: serviceUrlClaim is not null);
    }

    /// <summary>Entra tokens name the calling app in <c>appid</c> (v1.0) or <c>azp</c> (v2.0); it must be this bot.</summary>
    private static bool IsIssuedToThisApp(JsonWebToken token, string appId) =>
        string.Equals(TokenSources.CallingApp(token), appId, StringComparison.Ordinal);

    private static bool SameServiceUrl(string claimed, string? serviceUrl) =>
        serviceUrl is not null && string.Equals(claimed.TrimEnd('/'), serviceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}

/// <summary>The outcome of validating one token. <see cref="ServiceUrlVouched"/>: a validated claim named the activity's serviceUrl.</summary>
internal sealed record TokenValidation(ClaimsIdentity? Identity, string Reason, bool ServiceUrlVouched = false)
{
    public bool Succeeded => Identity is not null;

    public static TokenValidation Fail(string reason) => new(null, reason);
}
