using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ConcernBot.Storage;

namespace ConcernBot.Tests.Support.Chat;

/// <summary>
/// A test double for the conversation store, kept as JSON (as a real store would) and shared between host instances so a
/// "restart" keeps the drafts. ETags are checked like the real stores.
/// </summary>
public sealed class InMemoryConversationStore : IConversationStore
{
    private readonly ConcurrentDictionary<string, (string Json, string ETag)> _rows = new();
    private readonly Lock _gate = new();

    public int Saves { get; private set; }

    /// <summary>The next save fails as if another instance had just changed the record.</summary>
    public bool FailNextSave { get; set; }

    public IReadOnlyDictionary<string, string> RawRows => _rows.ToDictionary(r => r.Key, r => r.Value.Json);

    public Task<Versioned<ConversationState>?> GetAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_rows.TryGetValue(conversationId, out var row)
            ? new Versioned<ConversationState>(JsonSerializer.Deserialize<ConversationState>(row.Json)!, row.ETag)
            : null);

    public Task<string> SaveAsync(string conversationId, ConversationState state, string? etag, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (FailNextSave)
            {
                FailNextSave = false;
                throw new ConcurrencyConflictException();
            }

            var exists = _rows.TryGetValue(conversationId, out var current);
            if ((etag is null && exists) || (etag is not null && (!exists || current.ETag != etag)))
            {
                throw new ConcurrencyConflictException();
            }

            var next = Guid.NewGuid().ToString("N");
            _rows[conversationId] = (JsonSerializer.Serialize(state), next);
            Saves++;
            return Task.FromResult(next);
        }
    }

    public Task DeleteAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        _rows.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<(string ConversationId, Versioned<ConversationState> State)> ListExpiringAsync(
        DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var (id, row) in _rows.ToArray())
        {
            var state = JsonSerializer.Deserialize<ConversationState>(row.Json)!;
            if (state.ExpiresAt is { } at && at < before)
            {
                yield return (id, new Versioned<ConversationState>(state, row.ETag));
            }
        }

        await Task.CompletedTask;
    }
}
