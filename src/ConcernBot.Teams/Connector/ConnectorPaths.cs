using System.Globalization;

namespace ConcernBot.Teams.Connector;

internal static class ConnectorPaths
{
    /// <summary>
    /// Joins the service URL and a path template such as <c>v3/conversations/{0}/activities</c> with exactly one '/',
    /// escaping every id put into the template.
    /// </summary>
    public static string Build(string serviceUrl, string template, params string[] ids)
    {
        var escaped = ids.Select(id => (object)Uri.EscapeDataString(id)).ToArray();
        return serviceUrl.TrimEnd('/') + "/" + string.Format(CultureInfo.InvariantCulture, template.TrimStart('/'), escaped);
    }
}
