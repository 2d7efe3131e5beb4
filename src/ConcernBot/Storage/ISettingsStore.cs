namespace ConcernBot.Storage;

/// <summary>
/// Small settings changed at run time (e.g. the leads' channel chosen by `alerts here`, the designated leads), as text
/// values under keys. Settings from appsettings are configuration, not this.
/// </summary>
public interface ISettingsStore
{
    Task<Versioned<string>?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Inserts (<paramref name="etag"/> null) or replaces (matching ETag); returns the new ETag.</summary>
    /// <exception cref="ConcurrencyConflictException">The ETag is stale, or an insert found a value already there.</exception>
    Task<string> SaveAsync(string key, string value, string? etag, CancellationToken cancellationToken = default);

    /// <summary>Deletes the value read with <paramref name="etag"/>; false if it was not there.</summary>
    /// <exception cref="ConcurrencyConflictException">The ETag is stale.</exception>
    Task<bool> DeleteAsync(string key, string etag, CancellationToken cancellationToken = default);

    /// <summary>Every key starting with <paramref name="prefix"/>, in key order.</summary>
    IAsyncEnumerable<(string Key, Versioned<string> Value)> ListAsync(string prefix, CancellationToken cancellationToken = default);
}
