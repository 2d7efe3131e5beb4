using System.Collections.Concurrent;

namespace ConcernBot.Teams.Authentication;

/// <summary>
/// Service URLs the bot may send its connector token to: only those first seen in a validated <c>serviceurl</c> claim.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _trusted = new(StringComparer.OrdinalIgnoreCase);

    public void Trust(string serviceUrl) => _trusted.TryAdd(Normalise(serviceUrl), 0);

    public bool IsTrusted(string serviceUrl) => _trusted.ContainsKey(Normalise(serviceUrl));

    public static bool IsLoopback(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));

    private static string Normalise(string serviceUrl) => serviceUrl.TrimEnd('/');
}
