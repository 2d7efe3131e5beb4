using System.Diagnostics;
using OpenTelemetry;

namespace ConcernBot.Telemetry;

/// <summary>
/// Runs on every span before any exporter sees it: keeps only attributes that describe the machine and the protocol
/// (method, status, route, host, error type), rewrites URLs so no path segment other than a known word survives (a
/// conversation id, a concern id, a table key), and drops status descriptions (often an exception's message). Client
/// addresses, user agents, query strings and anything not on the list are removed.
/// </summary>
internal sealed class TelemetryRedaction : BaseProcessor<Activity>
{
    private static readonly HashSet<string> KeptAttributes = new(StringComparer.Ordinal)
    {
        "http.request.method", "http.response.status_code", "http.route", "url.scheme", "server.address", "server.port",
        "network.protocol.name", "network.protocol.version", "error.type", "otel.status_code", "az.namespace",
        "http.request.resend_count", "az.schema_url", "db.system", "db.system.name",
    };

    /// <summary>Path segments that name an endpoint, never a person or a record.</summary>
    private static readonly HashSet<string> KnownSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "api", "messages", "healthz", "v3", "conversations", "activities", "members", "pagedmembers", "teams", "attachments",
        "directline", "tokens", "generate", "refresh", "stream", "speak-up", "tab", "devstoreaccount1", "$batch", "Tables",
        "Concerns", "Conversations", "Outbox", "Audit", "Settings", "Teams", "ReplyRoutes", "Retention", "oauth2", "token",
        "v2.0", "common", "botframework.com", ".well-known", "openidconfiguration", "openid-configuration", "keys",
    };

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        foreach (var (key, value) in data.TagObjects.ToList())
        {
            if (key.StartsWith("concernbot.", StringComparison.Ordinal) || KeptAttributes.Contains(key))
            {
                continue;
            }

            data.SetTag(key, key is "url.full" or "url.path" && value is string url ? Template(url) : null);
        }

        if (data.DisplayName.Contains('/', StringComparison.Ordinal))
        {
            data.DisplayName = Template(data.DisplayName);
        }

        if (data.StatusDescription is not null)
        {
            data.SetStatus(data.Status);
        }
    }

    /// <summary>"POST https://smba.trafficmanager.net/emea/v3/conversations/a:1x/activities?x=1" → "POST https://smba.trafficmanager.net/{id}/v3/conversations/{id}/activities".</summary>
    public static string Template(string text)
    {
        var (prefix, url) = text.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 && !text.StartsWith('/') ? (text[..(space + 1)], text[(space + 1)..]) : ("", text);
        var query = url.IndexOfAny(['?', '#']);
        if (query >= 0)
        {
            url = url[..query];
        }

        var authority = "";
        if (!url.StartsWith('/') && Uri.TryCreate(url, UriKind.Absolute, out var absolute))
        {
            authority = $"{absolute.Scheme}://{absolute.Authority}";
            url = absolute.AbsolutePath;
        }

        var segments = url.Split('/').Select(s => s.Length == 0 || KnownSegments.Contains(Uri.UnescapeDataString(s)) ? s : "{id}");
        return prefix + authority + string.Join('/', segments);
    }
}
