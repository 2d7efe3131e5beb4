namespace ConcernBot.Storage;

/// <summary>
/// Sealed reply routes: the only way back to an anonymous reporter. Each is an opaque token and a blob (the conversation
/// reference, encrypted elsewhere with a key that is not in the store). Stored apart from the concerns; never listed.
/// </summary>
public interface IReplyRouteStore
{
    /// <summary>Stores a new route.</summary>
    /// <exception cref="ConcurrencyConflictException">The token is already in use.</exception>
    Task CreateAsync(string token, string sealedRoute, CancellationToken cancellationToken = default);

    Task<string?> GetAsync(string token, CancellationToken cancellationToken = default);

    /// <summary>Deletes the route ("stop contact"); false if it was not there.</summary>
    Task<bool> DeleteAsync(string token, CancellationToken cancellationToken = default);
}
