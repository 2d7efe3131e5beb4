using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace ConcernBot.Channels.Teams.Tests.Authentication;

/// <summary>
/// An RSA signing key the tests generate, published by <see cref="OpenIdTestServer"/> with optional endorsements.
/// Key material comes from a small pool generated once per test run (RSA generation is slow on a busy machine);
/// <see cref="Forge"/> gives the same key id over different material.
/// </summary>
public sealed class TestSigningKey
{
    private static readonly Lazy<RSA>[] Pool = [new(() => RSA.Create(2048)), new(() => RSA.Create(2048))];

    private readonly RSA _rsa;

    public TestSigningKey(string kid, params string[]? endorsements)
        : this(kid, endorsements, Pool[0].Value)
    {
    }

    private TestSigningKey(string kid, string[]? endorsements, RSA rsa)
    {
        Kid = kid;
        Endorsements = endorsements;
        _rsa = rsa;
    }

    /// <summary>A key with the same id and endorsements, but other key material: what a forger would sign with.</summary>
    public TestSigningKey Forge() => new(Kid, Endorsements, Pool[1].Value);

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
}
