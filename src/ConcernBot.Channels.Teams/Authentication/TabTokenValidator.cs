using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ConcernBot.Channels.Teams.Authentication;

/// <summary>Who a valid tab token names: their Entra object id and tenant.</summary>
public sealed record SignedInUser(string ObjectId, string TenantId, string? Name);

/// <summary>The outcome of checking a tab token; <see cref="Reason"/> is for logs and never carries token contents.</summary>
public sealed record TabTokenCheck(SignedInUser? User, string Reason)
{
    public bool Succeeded => User is not null;

    public static TabTokenCheck Fail(string reason) => new(null, reason);
}

/// <summary>
/// Validates the single sign-on token a Teams tab gets from <c>authentication.getAuthToken()</c>: an Entra v2.0 token
/// signed (RS256/384/512) by a key from the configured OpenID metadata (the same cached metadata as the bot's own
/// tokens), issued by the tenant it names in <c>tid</c> (and only the bot's tenant for a single-tenant bot), for this
/// app's API, within its lifetime, naming a person by <c>oid</c>.
/// </summary>
public sealed class TabTokenValidator
{
    private static readonly JsonWebTokenHandler Handler = new();

    private readonly IOptions<TabSignInOptions> _options;
    private readonly IOptions<BotAuthenticationOptions> _bot;
    private readonly OpenIdMetadata _metadata;

    internal TabTokenValidator(IOptions<TabSignInOptions> options, IOptions<BotAuthenticationOptions> bot, OpenIdMetadata metadata)
    {
        _options = options;
        _bot = bot;
        _metadata = metadata;
    }

    /// <summary>Whether the tab's sign-in is configured (an audience can be made from the settings).</summary>
    public bool IsConfigured => _options.Value.Audience(_bot.Value.MicrosoftAppId) is not null;

    public async Task<TabTokenCheck> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        var settings = _options.Value;
        var audience = settings.Audience(_bot.Value.MicrosoftAppId);
        if (audience is null)
        {
            return TabTokenCheck.Fail("the tab's sign-in is not configured");
        }

        if (!BearerToken.TryParse(authorizationHeader, out var token))
        {
            return TabTokenCheck.Fail("no bearer token");
        }

        JsonWebToken unvalidated;
        try
        {
            unvalidated = Handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return TabTokenCheck.Fail("the token is not a well-formed JWT");
        }

        if (unvalidated.IsEncrypted || string.IsNullOrEmpty(unvalidated.Kid)
            || !unvalidated.TryGetPayloadValue<string>("tid", out var tenantId) || !Guidish(tenantId))
        {
            return TabTokenCheck.Fail("the token is encrypted, names no signing key or no tenant");
        }

        var single = _bot.Value.MicrosoftAppType != BotAppType.MultiTenant ? _bot.Value.MicrosoftAppTenantId : null;
        if (!string.IsNullOrWhiteSpace(single) && !string.Equals(single, tenantId, StringComparison.OrdinalIgnoreCase))
        {
            return TabTokenCheck.Fail("the token is from another tenant than the bot's");
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata.GetAsync(settings.OpenIdMetadataUrl, unvalidated.Kid, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            return TabTokenCheck.Fail($"the OpenID metadata could not be read ({ex.GetType().Name})");
        }

        var parameters = TokenSources.Strict(
            [settings.IssuerTemplate.Replace("{tenantid}", tenantId, StringComparison.Ordinal)], [audience], configuration.SigningKeys, settings.ClockSkew);

        var result = await Handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return TabTokenCheck.Fail($"token validation failed ({result.Exception?.GetType().Name ?? "unknown"})");
        }

        var claims = (JsonWebToken)result.SecurityToken;
        if (TokenSources.CallingApp(claims) is not { } client || !settings.AllowedClientApps.Contains(client, StringComparer.OrdinalIgnoreCase))
        {
            return TabTokenCheck.Fail("the token was not asked for by a Teams client (azp)");
        }

        if (!claims.TryGetPayloadValue<string>("oid", out var objectId) || string.IsNullOrWhiteSpace(objectId))
        {
            return TabTokenCheck.Fail("the token names no person (oid)");
        }

        var name = claims.TryGetPayloadValue<string>("name", out var n) ? n : null;
        return new TabTokenCheck(new SignedInUser(objectId, tenantId, name), "Entra tab token");
    }

    /// <summary>A tenant id is a GUID-like value: letters, digits and dashes only (it goes into the issuer).</summary>
    private static bool Guidish(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
