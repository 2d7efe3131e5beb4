using System.Collections.Concurrent;

namespace ConcernBot.Channels.Teams.Authentication;

/// <summary>
/// Service URLs the bot may send its connector token to: only those first seen in a validated <c>serviceurl</c> claim.
/// </summary>
public sealed class TrustedServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _trusted;
    private readonly ConcurrentDictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public TrustedServiceUrls()
    {
        _trusted = new(StringComparer.OrdinalIgnoreCase);
        _lookup = _trusted.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Called for every authenticated activity: a string is built only the first time a service URL is seen.</summary>
    public void Trust(string serviceUrl)
    {
        var normalised = Normalise(serviceUrl);
        if (!_lookup.ContainsKey(normalised))
        {
            _trusted.TryAdd(normalised.ToString(), 0);
        }
    }

    /// <summary>Looked up on every outbound call: no string is built.</summary>
    public bool IsTrusted(string serviceUrl) => _lookup.ContainsKey(Normalise(serviceUrl));

    public static bool IsLoopback(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));

    private static ReadOnlySpan<char> Normalise(string serviceUrl) => serviceUrl.AsSpan().TrimEnd('/');
}
