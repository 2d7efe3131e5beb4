using System.Buffers;
using System.Collections.Concurrent;

namespace ConcernBot.Channels.Teams.Connector;

internal static class ConnectorPaths
{
    private const int MaxRememberedServiceUrls = 64;

    // Service URLs already checked: a bot talks to a handful, and the check parses a Uri.
    private static readonly ConcurrentDictionary<string, byte> ValidServiceUrls = new(StringComparer.Ordinal);

    /// <summary>
    /// Joins the service URL and a path template such as <c>v3/conversations/{0}/activities</c> with exactly one '/',
    /// escaping every id put into the template (':', '@', ';', '/', '?', '#' included). Templates hold at most ten ids.
    /// </summary>
    public static string Build(string serviceUrl, string template, params ReadOnlySpan<string> ids)
    {
        EnsureServiceUrl(serviceUrl);
        var maxLength = serviceUrl.Length + 1 + template.Length;
        foreach (var id in ids)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                // An empty segment would silently address a different resource ("v3/conversations//activities").
                throw new ArgumentException("Connector ids must not be empty.", nameof(ids));
            }

            // Escaped, a UTF-16 char becomes at most three %XX triplets.
            maxLength += id.Length * 9;
        }

        char[]? rented = null;
        var buffer = maxLength <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(maxLength));
        try
        {
            var baseUrl = serviceUrl.AsSpan().TrimEnd('/');
            baseUrl.CopyTo(buffer);
            var length = baseUrl.Length;
            buffer[length++] = '/';
            var rest = template.AsSpan().TrimStart('/');
            for (var i = 0; i < rest.Length; i++)
            {
                if (rest[i] == '{' && i + 2 < rest.Length && char.IsAsciiDigit(rest[i + 1]) && rest[i + 2] == '}')
                {
                    if (!Uri.TryEscapeDataString(ids[rest[i + 1] - '0'], buffer[length..], out var written))
                    {
                        throw new InvalidOperationException("The connector path did not fit its buffer.");
                    }

                    length += written;
                    i += 2;
                }
                else
                {
                    buffer[length++] = rest[i];
                }
            }

            return new string(buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static void EnsureServiceUrl(string serviceUrl)
    {
        if (ValidServiceUrls.ContainsKey(serviceUrl))
        {
            return;
        }

        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The service URL must be an absolute http(s) URL.", nameof(serviceUrl));
        }

        if (ValidServiceUrls.Count < MaxRememberedServiceUrls)
        {
            ValidServiceUrls.TryAdd(serviceUrl, 0);
        }
    }
}
