namespace ConcernBot.Channels.Teams.Connector;

/// <summary>Connector client settings (configuration section <c>BotConnector</c>).</summary>
public sealed class ConnectorOptions
{
    /// <summary>The public Teams connector host; always known.</summary>
    public const string TeamsPublicServiceUrl = "https://smba.trafficmanager.net/";

    /// <summary>
    /// Service URL prefixes the bot's token may go to even before a validated <c>serviceurl</c> claim named them
    /// (for proactive messages after a restart). Entries from configuration are added to the public Teams host.
    /// </summary>
    public IList<string> KnownServiceUrls { get; } = [TeamsPublicServiceUrl];

    /// <summary>Attempts in all, the first included. 1 turns retries off.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first backoff delay; it grows exponentially, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A Retry-After longer than this is not waited for: the call fails with the 429 instead.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>One HTTP attempt. A POST that times out is never retried: the connector may have processed it.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The whole call, all attempts and waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>True when <paramref name="serviceUrl"/> lies under one of <see cref="KnownServiceUrls"/> (same scheme, host, port; path prefix).</summary>
    public bool IsKnownServiceUrl(string serviceUrl) => KnownServiceUrls.Any(known => ServiceUrlPrefix.IsUnder(serviceUrl, known));
}
