using System.Text.Json.Nodes;

namespace ConcernBot.Storage;

/// <summary>
/// The state of one 1:1 conversation with the bot: where the person is in a flow, their draft, and the ids of the
/// activities already handled (so a replayed activity is recognised). One read and one write per ordinary turn.
/// </summary>
public interface IConversationStore
{
    Task<Versioned<ConversationState>?> GetAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Inserts (<paramref name="etag"/> null) or replaces (matching ETag); returns the new ETag.</summary>
    /// <exception cref="ConcurrencyConflictException">The ETag is stale, or an insert found a record already there.</exception>
    Task<string> SaveAsync(string conversationId, ConversationState state, string? etag, CancellationToken cancellationToken = default);

    Task DeleteAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Conversations whose draft expires before <paramref name="before"/> (for reminders and expiry).</summary>
    IAsyncEnumerable<(string ConversationId, Versioned<ConversationState> State)> ListExpiringAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}

public sealed record ConversationState
{
    /// <summary>The flow the person is in (e.g. "intake"), or null when idle.</summary>
    public string? Flow { get; init; }

    /// <summary>The step of that flow that is waiting for an answer.</summary>
    public string? Step { get; init; }

    /// <summary>The flow's own data (the draft concern), as JSON the flow owns.</summary>
    public JsonObject? Data { get; init; }

    /// <summary>The last activity ids handled in this conversation, newest last (bounded).</summary>
    public IReadOnlyList<string> RecentActivityIds { get; init; } = [];

    /// <summary>How to reach this conversation later (reminders); never kept after an anonymous concern is submitted.</summary>
    public string? ReferenceJson { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When an untouched draft is deleted; null when idle.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public bool ReminderSent { get; init; }

    /// <summary>The language the person chose by typing "language" (a culture name); null: their client's own.</summary>
    public string? Language { get; init; }
}
