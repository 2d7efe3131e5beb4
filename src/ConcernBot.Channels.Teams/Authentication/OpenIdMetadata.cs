using System.Collections.Concurrent;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Protocols;

namespace ConcernBot.Channels.Teams.Authentication;

/// <summary>
/// OpenID metadata and signing keys, one cached <see cref="ConfigurationManager{T}"/> per metadata URL, refreshed every 12 hours.
/// A token naming a key id the cache does not hold (keys roll over) forces one fresh fetch, at most every 5 minutes per URL.
/// </summary>
internal sealed class OpenIdMetadata(TimeProvider time) : IDisposable
{
    private static readonly TimeSpan AutomaticRefresh = TimeSpan.FromHours(12);
    private static readonly TimeSpan MinimumForcedRefresh = TimeSpan.FromMinutes(5);

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(15) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly ConcurrentDictionary<string, Source> _sources = new(StringComparer.Ordinal);

    public async Task<OpenIdConnectConfiguration> GetAsync(string metadataUrl, string keyId, CancellationToken cancellationToken)
    {
        var source = _sources.GetOrAdd(metadataUrl, url => new Source(Create(url)));
        var configuration = await CurrentAsync(source, cancellationToken).ConfigureAwait(false);
        if (HasKey(configuration, keyId))
        {
            return configuration;
        }

        // The manager's own RequestRefresh refreshes in the background and answers with the stale keys; a fresh manager
        // fetches now. The rate limit keeps made-up key ids from turning into a request flood against the metadata host.
        ConfigurationManager<OpenIdConnectConfiguration> fresh;
        lock (source)
        {
            var now = time.GetUtcNow();
            if (now - source.LastForcedRefresh < MinimumForcedRefresh)
            {
                return configuration;
            }

            source.LastForcedRefresh = now;
            fresh = Create(metadataUrl);
        }

        var refreshed = await fresh.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        source.Manager = fresh;
        return refreshed;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// The source's configuration. The library's manager can fetch more than once when many validations arrive before its
    /// first answer (IdentityModel's "coalesce concurrent fetches on cold run"), so the first fetch is shared here.
    /// </summary>
    private static async Task<OpenIdConnectConfiguration> CurrentAsync(Source source, CancellationToken cancellationToken)
    {
        Task<OpenIdConnectConfiguration> first;
        lock (source)
        {
            first = source.First ??= source.Manager.GetConfigurationAsync(CancellationToken.None);
        }

        if (first.IsCompletedSuccessfully)
        {
            return await source.Manager.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await first.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch when (first.IsFaulted || first.IsCanceled)
        {
            lock (source)
            {
                if (ReferenceEquals(source.First, first))
                {
                    source.First = null; // the next validation tries again
                }
            }

            throw;
        }
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Create(string metadataUrl) =>
        new(metadataUrl, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever(_http) { RequireHttps = !TrustedServiceUrls.IsLoopback(metadataUrl) })
        {
            AutomaticRefreshInterval = AutomaticRefresh,
        };

    private static bool HasKey(OpenIdConnectConfiguration configuration, string keyId) =>
        configuration.JsonWebKeySet?.Keys.Any(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal)) == true;

    private sealed class Source(ConfigurationManager<OpenIdConnectConfiguration> manager)
    {
        private volatile ConfigurationManager<OpenIdConnectConfiguration> _manager = manager;

        public ConfigurationManager<OpenIdConnectConfiguration> Manager
        {
            get => _manager;
            set => _manager = value;
        }

        public DateTimeOffset LastForcedRefresh { get; set; } = DateTimeOffset.MinValue;

        /// <summary>The first fetch, shared by every validation that arrives before it answers; null again if it failed.</summary>
        public Task<OpenIdConnectConfiguration>? First { get; set; }
    }
}
