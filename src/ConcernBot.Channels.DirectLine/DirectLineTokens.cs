using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace ConcernBot.Channels.DirectLine;

/// <summary>
/// Conversation tokens: the conversation id and the user id the channel chose, sealed and time-limited with the host's
/// Data Protection key ring. Whoever holds a token may talk in that one conversation as that one user, and nothing else:
/// the client never chooses who it is.
/// </summary>
public sealed class DirectLineTokens(IDataProtectionProvider dataProtection, TimeProvider time)
{
    private readonly ITimeLimitedDataProtector _protector = dataProtection.CreateProtector("ConcernBot.DirectLine.Token").ToTimeLimitedDataProtector();

    public string Issue(DirectLineGrant grant, TimeSpan lifetime) =>
        _protector.Protect(JsonSerializer.Serialize(grant, DirectLineJson.Default.DirectLineGrant), time.GetUtcNow() + lifetime);

    /// <summary>The grant a token carries; null when it is forged, from another key ring, or expired.</summary>
    public DirectLineGrant? Open(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096)
        {
            return null;
        }

        try
        {
            var json = _protector.Unprotect(token, out var expires);
            return expires < time.GetUtcNow() ? null : JsonSerializer.Deserialize(json, DirectLineJson.Default.DirectLineGrant);
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    public static string NewId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

/// <summary>What a token lets its holder do: talk in <see cref="ConversationId"/> as <see cref="UserId"/>.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId);
