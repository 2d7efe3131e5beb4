using System.Globalization;

namespace ConcernBot.Teams.Connector;

internal static class ConnectorPaths
{
    /// <summary>
    /// Joins the service URL and a path template such as <c>v3/conversations/{0}/activities</c> with exactly one '/',
    /// escaping every id put into the template (':', '@', ';', '/', '?', '#' included).
    /// </summary>
    public static string Build(string serviceUrl, string template, params string[] ids)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The service URL must be an absolute http(s) URL.", nameof(serviceUrl));
        }

        if (ids.Any(string.IsNullOrWhiteSpace))
        {
            // An empty segment would silently address a different resource ("v3/conversations//activities").
            throw new ArgumentException("Connector ids must not be empty.", nameof(ids));
        }

        var escaped = ids.Select(id => (object)Uri.EscapeDataString(id)).ToArray();
        return serviceUrl.TrimEnd('/') + "/" + string.Format(CultureInfo.InvariantCulture, template.TrimStart('/'), escaped);
    }
}
