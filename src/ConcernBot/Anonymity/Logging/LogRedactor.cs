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

    /// <summary>
    /// Renders a message template with (already redacted) values as the framework would: each hole by its own name, with
    /// its alignment and format ({Delay:c}, {Count,5}), in the invariant culture, null as "(null)".
    /// </summary>
    /// <remarks>
    /// Never by position: the source generators list values in parameter order (or reversed), not the template's. A name
    /// that holds twice ({A} ... {A}) takes its values in turn when the state lists it twice (an ad-hoc message), else its
    /// one value each time (a generated one). A hole with no value keeps its own text rather than borrow another's.
    /// </remarks>
    public static string Render(string template, IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        var builder = new StringBuilder(template.Length);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c is '{' or '}' && i + 1 < template.Length && template[i + 1] == c)
            {
                builder.Append(c);
                i++;
                continue;
            }

            var close = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                builder.Append(c);
                continue;
            }

            var hole = template[(i + 1)..close];
            var end = hole.IndexOfAny([',', ':']);
            var name = (end < 0 ? hole : hole[..end]).Trim();
            var occurrence = seen[name] = seen.GetValueOrDefault(name) + 1;
            if (ValueOf(values, name, occurrence) is { } found)
            {
                builder.Append(FormatHole(found.Value, end < 0 ? "" : hole[end..]));
            }
            else
            {
                builder.Append(template, i, close - i + 1);
            }

            i = close;
        }

        return builder.ToString();
    }

    /// <summary>The n-th value of this name, else its last (a generated state lists a repeated name once), else none.</summary>
    private static KeyValuePair<string, object?>? ValueOf(IReadOnlyList<KeyValuePair<string, object?>> values, string name, int occurrence)
    {
        KeyValuePair<string, object?>? last = null;
        var count = 0;
        foreach (var comparison in (ReadOnlySpan<StringComparison>)[StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase])
        {
            foreach (var pair in values)
            {
                if (pair.Key != OriginalFormat && string.Equals(pair.Key, name, comparison))
                {
                    last = pair;
                    if (++count == occurrence)
                    {
                        return pair;
                    }
                }
            }

            if (last is not null)
            {
                return last;
            }
        }

        return null;
    }

    private static string FormatHole(object? value, string alignmentAndFormat)
    {
        value ??= "(null)";
        if (alignmentAndFormat.Length == 0)
        {
            return value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? "";
        }

        try
        {
            return string.Format(CultureInfo.InvariantCulture, "{0" + alignmentAndFormat + "}", value);
        }
        catch (FormatException)
        {
            // A format the value does not know: the value plainly, rather than lose the line.
            return FormatHole(value, "");
        }
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
