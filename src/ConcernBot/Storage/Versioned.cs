namespace ConcernBot.Storage;

/// <summary>A stored value and the ETag it was read with. Saving with a stale ETag fails with <see cref="ConcurrencyConflictException"/>.</summary>
public sealed record Versioned<T>(T Value, string ETag);

/// <summary>Someone else changed the record since it was read. Never resolved by overwriting: read again and decide.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : base("The record was changed by someone else since it was read.")
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
