using System.Text.Json.Nodes;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConcernBot.Channels.Teams.Tests.Authentication;

/// <summary>Builds the tokens a channel would send, and the broken ones an attacker might.</summary>
public static class TestTokens
{
    public const string AppId = "5d4b6a0e-1c2f-4b8a-9e3d-7f6a5b4c3d2e";
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string BotFrameworkTenantV1Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    public const string BotFrameworkTenantV2Issuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>A token as the Bot Framework sends it to the bot; every part can be overridden.</summary>
    public static string BotFramework(
        TestSigningKey key,
        string? audience = AppId,
        string issuer = BotFrameworkIssuer,
        string? serviceUrl = ServiceUrl,
        DateTime? notBefore = null,
        DateTime? expires = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        return Create(key.Credentials(algorithm), issuer, audience, claims, notBefore, expires);
    }

    /// <summary>An Entra-issued token: v1.0 names the caller in <c>appid</c>, v2.0 in <c>azp</c>.</summary>
    public static string Entra(TestSigningKey key, string version, string issuer, string callerAppId = AppId, string? audience = AppId)
    {
        var claims = new Dictionary<string, object> { ["ver"] = version, [version == "2.0" ? "azp" : "appid"] = callerAppId };
        return Create(key.Credentials(), issuer, audience, claims, null, null);
    }

    public static string Create(SigningCredentials credentials, string issuer, string? audience, IDictionary<string, object> claims, DateTime? notBefore, DateTime? expires)
    {
        var now = DateTime.UtcNow;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = credentials,
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid Bot Framework claims.</summary>
    public static string AlgNone(string kid)
    {
        var now = DateTimeOffset.UtcNow;
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = kid };
        var payload = new JsonObject
        {
            ["iss"] = BotFrameworkIssuer,
            ["aud"] = AppId,
            ["serviceurl"] = ServiceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
        return $"{Encode(header)}.{Encode(payload)}.";
    }

    /// <summary>A token signed with HMAC-SHA256 under a shared secret, naming a real key id.</summary>
    public static string Hs256(string kid)
    {
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a shared secret long enough for HMAC-SHA256 signing")) { KeyId = kid };
        var claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl };
        return Create(new SigningCredentials(secret, SecurityAlgorithms.HmacSha256), BotFrameworkIssuer, AppId, claims, null, null);
    }

    private static string Encode(JsonObject part) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(part.ToJsonString()));
}
