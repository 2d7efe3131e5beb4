namespace ConcernBot.Anonymity.Logging;

/// <summary>
/// Wraps a logger so that what it writes has gone through <see cref="LogRedactor"/>: structured values are redacted by name
/// and content, an ad-hoc message (possibly an interpolated string) keeps only harmless text, and exceptions keep only
/// their type (their messages often quote what a person wrote).
/// </summary>
internal sealed class RedactingLogger(ILogger inner, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull =>
        inner.BeginScope(RedactScope(state));

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        _ = formatter;
        var redacted = RedactedState.From(state, IsFramework(category), IsHostLifetime(category));
        inner.Log(logLevel, eventId, redacted, RedactedException.From(exception), static (s, _) => s.Message);
    }

    /// <summary>
    /// The scope as it may be logged, redacted only when a provider reads it: the host opens a scope for every request
    /// whatever the level, and most are never written (logging at Warning), so redacting each one up front was work done
    /// on every turn for nothing. Nothing of the scope is reachable except through the redaction.
    /// </summary>
    private static RedactedScope RedactScope<TState>(TState state)
        where TState : notnull =>
        new RedactedScope(() => state is IReadOnlyList<KeyValuePair<string, object?>> ? RedactedState.From(state, trustedText: false) : LogRedactor.RedactText(state.ToString() ?? ""));

    /// <summary>
    /// The host's start-up lines (the address it listens on, its environment, its content root) are about the machine, not
    /// a person, and an operator needs them whole.
    /// </summary>
    private static bool IsHostLifetime(string category) => category == "Microsoft.Hosting.Lifetime";

    /// <summary>The framework's own ad-hoc messages are constant text (they never interpolate what a person wrote).</summary>
    private static bool IsFramework(string category) =>
        category.StartsWith("Microsoft.", StringComparison.Ordinal) || category.StartsWith("System.", StringComparison.Ordinal);
}

/// <summary>A scope's state, redacted the first time a provider reads it (its values, or its text).</summary>
internal sealed class RedactedScope(Func<object> redact) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly Lazy<object> _redacted = new(redact, LazyThreadSafetyMode.ExecutionAndPublication);

    private IReadOnlyList<KeyValuePair<string, object?>> Values =>
        _redacted.Value as IReadOnlyList<KeyValuePair<string, object?>> ?? [new(LogRedactor.OriginalFormat, _redacted.Value)];

    public int Count => Values.Count;

    public KeyValuePair<string, object?> this[int index] => Values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Values.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => _redacted.Value.ToString() ?? "";
}

/// <summary>A log state whose values and message are safe to write.</summary>
internal sealed class RedactedState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _values;

    private RedactedState(KeyValuePair<string, object?>[] values, string message)
    {
        _values = values;
        Message = message;
    }

    public string Message { get; }

    public int Count => _values.Length;

    public KeyValuePair<string, object?> this[int index] => _values[index];

    public static RedactedState From<TState>(TState state, bool trustedText, bool trustedValues = false)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> pairs)
        {
            var text = LogRedactor.RedactText(state?.ToString() ?? "");
            return new RedactedState([new(LogRedactor.OriginalFormat, text)], text);
        }

        var template = pairs.FirstOrDefault(p => p.Key == LogRedactor.OriginalFormat).Value as string ?? "";
        var values = pairs.Where(p => p.Key != LogRedactor.OriginalFormat)
            .Select(p => new KeyValuePair<string, object?>(p.Key, trustedValues ? Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) : LogRedactor.RedactValue(p.Key, p.Value)))
            .ToList();

        // A message with no holes may be an interpolated string ($"... {name} ..."): keep it only when nothing in it looks
        // identifying. Free text cannot be recognised, so ad-hoc messages (not [LoggerMessage]) are kept only when short
        // and made of ordinary words. Use [LoggerMessage] with named values for anything that must be logged.
        var isAdHoc = IsAdHoc(state);
        if (values.Count == 0 && isAdHoc && !trustedText && !IsPlainConstant(template))
        {
            template = LogRedactor.Redacted;
        }
        else if (LogRedactor.LooksSensitive(template))
        {
            template = LogRedactor.Redacted;
        }

        var message = LogRedactor.Render(template, values);
        values.Add(new(LogRedactor.OriginalFormat, template));
        return new RedactedState([.. values], message);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _values.GetEnumerator();

    public override string ToString() => Message;

    /// <summary>The extension methods (LogInformation("...")) wrap their message in FormattedLogValues; [LoggerMessage] and LoggerMessage.Define do not.</summary>
    private static bool IsAdHoc<TState>(TState state) => state?.GetType().Name == "FormattedLogValues";

    /// <summary>
    /// A constant message a developer wrote by hand: letters, spaces and light punctuation, no digits or quotes, and short.
    /// An interpolated name would pass this test, so ad-hoc messages from the product's own code are also checked for
    /// capitalised words after the first (names): "Outbox started" passes, "Message from Zebedee" does not.
    /// </summary>
    private static bool IsPlainConstant(string template)
    {
        if (template.Length is 0 or > 120 || template.Any(c => !(char.IsAsciiLetter(c) || c is ' ' or '.' or ',' or '-' or '(' or ')' or '\'')))
        {
            return false;
        }

        var words = template.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Skip(1).All(w => !char.IsUpper(w[0]));
    }
}

/// <summary>Stands in for an exception: its type (and its inner exceptions' types), never its message.</summary>
internal sealed class RedactedException : Exception
{
    public RedactedException()
    {
    }

    public RedactedException(string message)
        : base(message)
    {
    }

    public RedactedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static RedactedException? From(Exception? exception)
    {
        if (exception is null)
        {
            return null;
        }

        var types = new List<string>();
        for (var e = exception; e is not null && types.Count < 5; e = e.InnerException)
        {
            types.Add(e.GetType().FullName ?? e.GetType().Name);
        }

        return new RedactedException($"{string.Join(" <- ", types)} (message redacted)");
    }

    public override string? StackTrace => null;

    public override string ToString() => Message;
}
