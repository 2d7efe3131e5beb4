using System.Collections;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ConcernBot.Channels.Teams.Authentication;

/// <summary>The channels a signing key is endorsed for: the <c>endorsements</c> array on the key in the JWKS.</summary>
internal static class KeyEndorsements
{
    /// <summary>The endorsements of the key with <paramref name="keyId"/>; null when the key is unknown or carries none.</summary>
    public static IReadOnlyList<string>? For(OpenIdConnectConfiguration configuration, string keyId)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
        {
            return null;
        }

        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            string single => [single],
            IEnumerable items => [.. items.OfType<object>().Select(Stringify).OfType<string>()],
            _ => null,
        };
    }

    public static bool Endorses(IReadOnlyList<string> endorsements, string? channelId) =>
        !string.IsNullOrEmpty(channelId) && endorsements.Contains(channelId, StringComparer.Ordinal);

    private static string? Stringify(object item) => item switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        _ => null,
    };
}
