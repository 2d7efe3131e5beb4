using ConcernBot.Storage;

namespace ConcernBot.Testing;

/// <summary>The host's real conversation store, counting saves, and able to fail the next save as a concurrent change would.</summary>
public sealed class CountingConversationStore(IConversationStore inner) : IConversationStore
{
    public int Saves { get; private set; }

    public bool FailNextSave { get; set; }

    public Task<Versioned<ConversationState>?> GetAsync(string conversationId, CancellationToken cancellationToken = default) => inner.GetAsync(conversationId, cancellationToken);

    public Task<string> SaveAsync(string conversationId, ConversationState state, string? etag, CancellationToken cancellationToken = default)
    {
        if (FailNextSave)
        {
            FailNextSave = false;
            throw new ConcurrencyConflictException();
        }

        Saves++;
        return inner.SaveAsync(conversationId, state, etag, cancellationToken);
    }

    public Task DeleteAsync(string conversationId, CancellationToken cancellationToken = default) => inner.DeleteAsync(conversationId, cancellationToken);

    public IAsyncEnumerable<(string ConversationId, Versioned<ConversationState> State)> ListExpiringAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        inner.ListExpiringAsync(before, cancellationToken);
}
