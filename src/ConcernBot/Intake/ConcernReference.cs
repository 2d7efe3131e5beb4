using System.Security.Cryptography;

namespace ConcernBot.Intake;

/// <summary>
/// Short, readable, unguessable references such as SG-7K3-Q9P: six characters drawn with cryptographic randomness from
/// an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 8/B), about 28 bits (387 million references).
/// </summary>
public static class ConcernReference
{
    public const string Alphabet = "234679ACDEFGHJKMNPQRTUVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[6];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"SG-{chars[..3]}-{chars[3..]}";
    }

    /// <summary>A random id for a draft (and, derived from it, the concern): 128 bits, URL-safe.</summary>
    public static string NewDraftId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
