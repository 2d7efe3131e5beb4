namespace ConcernBot.Storage;

/// <summary>Creates the chosen store's tables or schema.</summary>
internal interface IStorageSchema
{
    Task EnsureCreatedAsync(CancellationToken cancellationToken);
}

internal sealed class StorageSchema(Func<CancellationToken, Task> ensureCreated) : IStorageSchema
{
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => ensureCreated(cancellationToken);
}
