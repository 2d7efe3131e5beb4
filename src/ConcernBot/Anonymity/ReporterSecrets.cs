using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConcernBot.Storage;

namespace ConcernBot.Anonymity;

/// <summary>
/// The secret word an anonymous or confidential reporter gets once at submit, to check on their concern and add to it from
/// any chat. Stored only as a slow salted hash (PBKDF2-SHA256, 210,000 iterations), compared in fixed time. Wrong
/// guesses are limited per reference and per chat, in the store, so a restart does not reset the count.
/// </summary>
public sealed class ReporterSecrets(ISettingsStore settings, TimeProvider time)
{
    public const int Iterations = 210_000;
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>No 0/O, 1/I/L: easy to read aloud and to type.</summary>
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private static readonly SecretHash Decoy = Hash("decoy", new byte[16]);

    /// <summary>Creates the secret for a concern reference and stores its hash; the secret itself is returned to show once.</summary>
    /// <exception cref="ConcurrencyConflictException">The reference already has a secret (it is never replaced).</exception>
    public async Task<string> CreateAsync(string reference, CancellationToken cancellationToken = default)
    {
        var secret = NewSecret();
        var hash = JsonSerializer.Serialize(Hash(Normalise(secret), RandomNumberGenerator.GetBytes(16)), AnonymityJson.Default.SecretHash);
        await settings.SaveAsync(SecretKey(reference), hash, null, cancellationToken);
        return secret;
    }

    /// <summary>Checks a reference and secret typed in the chat with pseudonym <paramref name="chat"/>.</summary>
    public async Task<SecretCheck> CheckAsync(string reference, string secret, string chat, CancellationToken cancellationToken = default)
    {
        reference = reference.Trim().ToUpperInvariant();
        var byReference = AttemptsKey("ref", reference);
        var byChat = AttemptsKey("chat", chat);
        var failures = Math.Max(await FailuresAsync(byReference, cancellationToken), await FailuresAsync(byChat, cancellationToken));
        if (failures >= MaxFailures)
        {
            return new SecretCheck(SecretOutcome.Locked, 0);
        }

        var stored = await settings.GetAsync(SecretKey(reference), cancellationToken);
        var expected = stored is null ? null : JsonSerializer.Deserialize(stored.Value, AnonymityJson.Default.SecretHash);
        var matches = Verify(expected ?? Decoy, Normalise(secret)) && expected is not null;
        if (matches)
        {
            return new SecretCheck(SecretOutcome.Matched, MaxFailures - failures);
        }

        var afterReference = await RecordFailureAsync(byReference, cancellationToken);
        var afterChat = await RecordFailureAsync(byChat, cancellationToken);
        var left = MaxFailures - Math.Max(afterReference, afterChat);
        return new SecretCheck(left <= 0 ? SecretOutcome.Locked : SecretOutcome.NoMatch, Math.Max(left, 0));
    }

    public async Task DeleteAsync(string reference, CancellationToken cancellationToken = default)
    {
        if (await settings.GetAsync(SecretKey(reference), cancellationToken) is { } stored)
        {
            await settings.DeleteAsync(SecretKey(reference), stored.ETag, cancellationToken);
        }
    }

    internal static string Normalise(string secret) =>
        new(secret.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static string NewSecret()
    {
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return string.Join('-', Enumerable.Range(0, 4).Select(g => new string(chars, g * 4, 4)));
    }

    private static SecretHash Hash(string normalised, byte[] salt) =>
        new("PBKDF2-SHA256", Iterations, Convert.ToBase64String(salt), Convert.ToBase64String(Derive(normalised, salt, Iterations)));

    private static bool Verify(SecretHash expected, string normalised)
    {
        var derived = Derive(normalised, Convert.FromBase64String(expected.Salt), Math.Max(expected.Iterations, Iterations));
        return CryptographicOperations.FixedTimeEquals(derived, Convert.FromBase64String(expected.Hash));
    }

    private static byte[] Derive(string normalised, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(normalised), salt, iterations, HashAlgorithmName.SHA256, 32);

    private async Task<int> FailuresAsync(string key, CancellationToken cancellationToken)
    {
        var stored = await settings.GetAsync(key, cancellationToken);
        var window = stored is null ? null : JsonSerializer.Deserialize(stored.Value, AnonymityJson.Default.AttemptWindow);
        return window is null || time.GetUtcNow() - window.Start >= Window ? 0 : window.Failures;
    }

    private async Task<int> RecordFailureAsync(string key, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await settings.GetAsync(key, cancellationToken);
            var now = time.GetUtcNow();
            var window = stored is null ? null : JsonSerializer.Deserialize(stored.Value, AnonymityJson.Default.AttemptWindow);
            var next = window is null || now - window.Start >= Window ? new AttemptWindow(now, 1) : window with { Failures = window.Failures + 1 };
            try
            {
                await settings.SaveAsync(key, JsonSerializer.Serialize(next, AnonymityJson.Default.AttemptWindow), stored?.ETag, cancellationToken);
                return next.Failures;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                // Someone else counted a failure at the same moment: count again on top of theirs.
            }
        }
    }

    private static string SecretKey(string reference) => $"anonymity/secret/{reference.Trim().ToUpperInvariant()}";

    private static string AttemptsKey(string kind, string id) => $"anonymity/attempts/{kind}/{id}";
}

public enum SecretOutcome
{
    Matched,
    NoMatch,
    Locked,
}

public sealed record SecretCheck(SecretOutcome Outcome, int TriesLeft);

internal sealed record SecretHash(string Algorithm, int Iterations, string Salt, string Hash);

internal sealed record AttemptWindow(DateTimeOffset Start, int Failures);
