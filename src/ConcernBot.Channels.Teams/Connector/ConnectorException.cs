namespace ConcernBot.Channels.Teams.Connector;

/// <summary>
/// A connector call that failed after any retries. <see cref="StatusCode"/> is the connector's HTTP status, or 0 when no
/// answer came (network failure, timeout, no token). The message never holds ids or message text.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(int statusCode, string? errorCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public ConnectorException(int statusCode, string? errorCode, string message, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    public const string MessageWritesBlocked = "MessageWritesBlocked";
    public const string MessageSizeTooBig = "MessageSizeTooBig";
    public const string NoAnswer = "NoAnswer";
    public const string TokenUnavailable = "TokenUnavailable";
    public const string InvalidResponse = "InvalidResponse";

    public int StatusCode { get; }
    public string? ErrorCode { get; }

    /// <summary>403 MessageWritesBlocked: the user blocked the bot. Never retried; stop writing to this conversation.</summary>
    public bool IsBlockedByUser => StatusCode == 403 && string.Equals(ErrorCode, MessageWritesBlocked, StringComparison.OrdinalIgnoreCase);

    /// <summary>413 (MessageSizeTooBig): the activity is over Teams' limit (about 100 KB). Never retried; send less.</summary>
    public bool IsMessageTooLarge => StatusCode == 413;

    /// <summary>429 still answered after the retries (or with a Retry-After longer than the bot waits).</summary>
    public bool IsThrottled => StatusCode == 429;

    public bool IsNotFound => StatusCode == 404;

    internal static ConnectorException FromStatus(int status, string? code) => new(status, code, Describe(status, code));

    private static string Describe(int status, string? code) => (status, code) switch
    {
        (403, _) when string.Equals(code, MessageWritesBlocked, StringComparison.OrdinalIgnoreCase) =>
            "The connector answered 403 MessageWritesBlocked: the user has blocked the bot, so it must not write to them.",
        (413, _) => $"The connector answered 413 {code ?? MessageSizeTooBig}: the message is larger than Teams accepts (keep activities under 80 KB).",
        (429, _) => $"The connector answered 429{(code is null ? "" : " " + code)}: throttled, and the retries ran out.",
        _ => $"The connector answered {status}{(code is null ? "" : " " + code)}.",
    };
}
