using System.Runtime.CompilerServices;
using ConcernBot.Storage;

namespace ConcernBot.Conversation;

/// <summary>
/// Several features look at the person's conversation on the same turn (the relay, the leads' questions, next steps, the
/// intake). Within one turn they share one read of it, and see the turn's own saves: an ordinary turn is one read and
/// one write. The cache lives only while the turn runs (<see cref="BeginTurn"/>), so background work never sees it.
/// </summary>
internal sealed class TurnConversationCache(IConversationStore inner) : IConversationStore
{
    private static readonly AsyncLocal<TurnScope?> Current = new();

    /// <summary>Opens the turn's cache; disposing it closes the cache even for work the turn left running.</summary>
    public static IDisposable BeginTurn()
    {
        var scope = new TurnScope();
        Current.Value = scope;
        return scope;
    }

    public async Task<Versioned<ConversationState>?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var scope = Current.Value;
        if (scope is not null && scope.TryGet(conversationId, out var known))
        {
            return known;
        }

        var read = await inner.GetAsync(conversationId, cancellationToken);
        scope?.Set(conversationId, read);
        return read;
    }

    public async Task<string> SaveAsync(string conversationId, ConversationState state, string? etag, CancellationToken cancellationToken = default)
    {
        var scope = Current.Value;
        try
        {
            var saved = await inner.SaveAsync(conversationId, state, etag, cancellationToken);
            scope?.Set(conversationId, new Versioned<ConversationState>(state, saved));
            return saved;
        }
        catch
        {
            // Changed by someone else, or not saved at all: the next look goes to the store.
            scope?.Forget(conversationId);
            throw;
        }
    }

    public async Task DeleteAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var scope = Current.Value;
        scope?.Forget(conversationId);
        await inner.DeleteAsync(conversationId, cancellationToken);
        scope?.Set(conversationId, null);
    }

    public IAsyncEnumerable<(string ConversationId, Versioned<ConversationState> State)> ListExpiringAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        inner.ListExpiringAsync(before, cancellationToken);

    private sealed class TurnScope : IDisposable
    {
        private readonly Lock _lock = new();
        private Dictionary<string, Versioned<ConversationState>?>? _known = new(StringComparer.Ordinal);

        public bool TryGet(string conversationId, out Versioned<ConversationState>? value)
        {
            lock (_lock)
            {
                value = null;
                return _known is not null && _known.TryGetValue(conversationId, out value);
            }
        }

        public void Set(string conversationId, Versioned<ConversationState>? value)
        {
            lock (_lock)
            {
                _known?[conversationId] = value;
            }
        }

        public void Forget(string conversationId)
        {
            lock (_lock)
            {
                _known?.Remove(conversationId);
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _known = null;
            }
        }
    }
}
