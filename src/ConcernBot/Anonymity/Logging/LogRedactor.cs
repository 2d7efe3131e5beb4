using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;

namespace ConcernBot.Anonymity.Logging;

/// <summary>
/// Decides what may reach a log: values whose name or content could identify someone, or carry what they wrote, become
/// "[redacted]". Whatever a developer writes later, a log line keeps only its template and harmless values.
/// </summary>
public static partial class LogRedactor
{
    public const string Redacted = "[redacted]";
    public const string OriginalFormat = "{OriginalFormat}";

    /// <summary>Parts of a value's name that mean "this is about a person or what they said".</summary>
    private static readonly string[] SensitiveNameParts =
    [
        "text", "name", "user", "aad", "object", "conversation", "email", "mail", "upn", "principal", "tenant", "member",
        "from", "recipient", "answer", "question", "note", "message", "reply", "secret", "token", "password", "reference",
        "phone", "address", "ip", "agent", "locale", "timezone", "body", "content", "payload", "json", "value", "route",
        "claim", "identity", "subject", "description", "what", "where", "who",
    ];

    /// <summary>Names that contain a sensitive part but are harmless counts and kinds.</summary>
    private static readonly HashSet<string> HarmlessNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "EventName", "CategoryName", "HandlerName", "EndpointName", "RouteName", "Kind", "Count", "Attempts", "Status",
        "StatusCode", "Elapsed", "ElapsedMilliseconds", "Method", "HttpMethod", "Protocol", "Scheme", "Host", "Port", "Verb",
        "VerbLength", "TextLength", "ExceptionType", "Delay", "Lease", "Step", "Flow", "Environment", "EnvironmentName",
        "ContentRoot", "ContentRootPath", "ApplicationName", "EnvName", "address",
    };

    /// <summary>True when a value named <paramref name="name"/> must never be logged.</summary>
    public static bool IsSensitiveName(string name)
    {
        if (name == OriginalFormat || HarmlessNames.Contains(name))
        {
            return false;
        }

        var lower = name.TrimStart('@', '$').ToLowerInvariant();
        return SensitiveNameParts.Any(lower.Contains);
    }

    private static readonly AsyncLocal<string[]?> TurnValues = new();

    /// <summary>
    /// Redaction by structure: the ids and names the channel gave for this turn (whoever sent it, the conversation, the
    /// organisation), whatever their shape, are redacted from every log line written while the turn runs.
    /// </summary>
    public static void ForThisTurn(IEnumerable<string?> idsAndNames) =>
        TurnValues.Value = [.. idsAndNames.OfType<string>().Select(v => v.Trim()).Where(v => v.Length >= 4).Distinct(StringComparer.Ordinal)];

    /// <summary>The value as it may be logged: harmless types pass, text is checked for anything identifying.</summary>
    public static object? RedactValue(string name, object? value)
    {
        if (IsSensitiveName(name))
        {
            return Redacted;
        }

        switch (value)
        {
            // A channel's own structures (an activity, an account, a conversation, a reference) are never logged.
            case ConcernBot.Channels.Activities.Activity or ConcernBot.Channels.Activities.ChannelAccount or ConcernBot.Channels.Activities.ConversationAccount or ConcernBot.Channels.Turns.ConversationReference:
                return Redacted;
            case null or bool or byte or short or int or long or float or double or decimal or TimeSpan or DateTime or DateTimeOffset or Enum:
                return value;
            case Uri uri:
                return uri.IsAbsoluteUri ? $"{uri.Scheme}://{uri.Authority}/{Redacted}" : Redacted;
            case Type type:
                return type.FullName;
        }

        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        return text is null ? null : RedactText(text);
    }

    /// <summary>Text with anything identifying in it replaced as a whole.</summary>
    public static string RedactText(string text) => LooksSensitive(text) || HoldsATurnValue(text) ? Redacted : text;

    private static bool HoldsATurnValue(string text) =>
        TurnValues.Value is { Length: > 0 } values && Array.Exists(values, v => text.Contains(v, StringComparison.OrdinalIgnoreCase));

    /// <summary>A Teams id (29:, 28:, 8:orgid:, a:, 19:...@thread, also URL-encoded), a GUID, an email, a reference with a secret, a URL with a path, an IP address.</summary>
    public static bool LooksSensitive(string text) => SensitivePattern().IsMatch(text);

    /// <summary>Renders a message template with (already redacted) values: each hole by its name, else by its position.</summary>
    public static string Render(string template, IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        var builder = new StringBuilder(template.Length);
        var hole = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                builder.Append('{');
                i++;
                continue;
            }

            if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                builder.Append('}');
                i++;
                continue;
            }

            var close = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                builder.Append(c);
                continue;
            }

            // The source generator's state need not list values in the template's order: a hole is filled by its own name.
            var holeName = template.AsSpan(i + 1, close - i - 1).ToString().Split(',', ':')[0].Trim();
            var named = values.FirstOrDefault(v => string.Equals(v.Key, holeName, StringComparison.OrdinalIgnoreCase));
            var value = named.Key is not null ? named.Value : hole < values.Count ? values[hole].Value : null;
            builder.Append(value switch
            {
                null => "(null)",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            });
            hole++;
            i = close;
        }

        return builder.ToString();
    }

    [GeneratedRegex(
        @"(?ix)
          \b(29|28|8|a|19|f|orgid)(:|%3a)[^\s]{3,}            # Teams and Bot Framework ids
        | @thread                                               # channel and chat ids
        | \b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b  # GUIDs (object ids, tenants)
        | [^\s@]+@[^\s@]+\.[^\s@]+                              # email addresses and UPNs
        | \bSG-[A-Z0-9]{3}-[A-Z0-9]{3}\b                         # concern references (often typed with a secret)
        | \b(https?|wss?)://[^\s/]+/[^\s]+                      # URLs with a path (conversation ids live there)
        | \b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b                # IPv4 addresses
        | \b[0-9a-f]{1,4}(:[0-9a-f]{0,4}){2,7}\b                # IPv6 addresses
        | [A-Za-z0-9_-]{40,}                                    # long opaque strings: tokens, routes, protected blobs
        ",
        RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex SensitivePattern();
}
