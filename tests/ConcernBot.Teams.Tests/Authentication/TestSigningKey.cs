using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace ConcernBot.Teams.Tests.Authentication;

/// <summary>An RSA key the tests generate, published by <see cref="OpenIdTestServer"/> with optional endorsements.</summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestSigningKey(string kid, params string[]? endorsements)
    {
        Kid = kid;
        Endorsements = endorsements;
    }

    public string Kid { get; }

    /// <summary>Null: the key carries no endorsements property at all.</summary>
    public string[]? Endorsements { get; }

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(new RsaSecurityKey(_rsa) { KeyId = Kid }, algorithm);

    public JsonObject ToJwk()
    {
        var p = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(p.Modulus),
            ["e"] = Base64UrlEncoder.Encode(p.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)JsonValue.Create(e))]);
        }

        return jwk;
    }

    public void Dispose() => _rsa.Dispose();
}
