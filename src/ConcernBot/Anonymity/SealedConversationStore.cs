using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using ConcernBot.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace ConcernBot.Anonymity;

/// <summary>
/// Wraps the conversation store so that it never holds a conversation id or a way back to a chat in the clear: records
/// are keyed by the chat's pseudonym (a keyed hash, see <see cref="ChatLinks"/>), and the saved conversation reference
/// is sealed with the key ring. Ids handed out by <see cref="ListExpiringAsync"/> are pseudonyms ("p:…"), and are taken
/// back as they are.
/// </summary>
internal sealed class SealedConversationStore(IConversationStore inner, ChatLinks chats, IDataProtectionProvider dataProtection) : IConversationStore
{
    public const string Purpose = "ConcernBot.ConversationReference";
    private const string PseudonymPrefix = "p:";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);
    private readonly SealCache _seals = new();

    public async Task<Versioned<ConversationState>?> GetAsync(string conversationId, CancellationToken cancellationToken = default) =>
        Open(await inner.GetAsync(await KeyAsync(conversationId, cancellationToken), cancellationToken));

    public async Task<string> SaveAsync(string conversationId, ConversationState state, string? etag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var sealedState = state.ReferenceJson is null ? state : state with { ReferenceJson = Seal(state.ReferenceJson) };
        return await inner.SaveAsync(await KeyAsync(conversationId, cancellationToken), sealedState, etag, cancellationToken);
    }

    public async Task DeleteAsync(string conversationId, CancellationToken cancellationToken = default) =>
        await inner.DeleteAsync(await KeyAsync(conversationId, cancellationToken), cancellationToken);

    public async IAsyncEnumerable<(string ConversationId, Versioned<ConversationState> State)> ListExpiringAsync(DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (key, state) in inner.ListExpiringAsync(before, cancellationToken))
        {
            yield return (key, Open(state)!);
        }
    }

    private async Task<string> KeyAsync(string conversationId, CancellationToken cancellationToken) =>
        conversationId.StartsWith(PseudonymPrefix, StringComparison.Ordinal)
            ? conversationId
            : PseudonymPrefix + await chats.PseudonymAsync(conversationId, cancellationToken);

    private Versioned<ConversationState>? Open(Versioned<ConversationState>? stored)
    {
        if (stored?.Value.ReferenceJson is not { } sealedReference)
        {
            return stored;
        }

        if (_seals.TryOpen(sealedReference, out var known))
        {
            return stored with { Value = stored.Value with { ReferenceJson = known } };
        }

        try
        {
            var reference = _protector.Unprotect(sealedReference);
            _seals.Remember(reference, sealedReference);
            return stored with { Value = stored.Value with { ReferenceJson = reference } };
        }
        catch (CryptographicException)
        {
            // Sealed with a key ring that is gone: the way back is lost, the draft is not.
            return stored with { Value = stored.Value with { ReferenceJson = null } };
        }
    }

    /// <summary>A turn saves back the reference it read: it keeps the sealed form it was read as instead of sealing again.</summary>
    private string Seal(string reference)
    {
        if (_seals.TrySeal(reference, out var known))
        {
            return known;
        }

        var sealedReference = _protector.Protect(reference);
        _seals.Remember(reference, sealedReference);
        return sealedReference;
    }

    /// <summary>
    /// The references of the chats active lately, both ways (each turn would otherwise open the sealed reference it reads
    /// and seal it again to save: about a twentieth of a turn's CPU). Held in memory only, like the turn itself; bounded.
    /// </summary>
    private sealed class SealCache
    {
        private const int Capacity = 4096;
        private readonly ConcurrentDictionary<string, string> _byReference = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string> _bySeal = new(StringComparer.Ordinal);

        public bool TrySeal(string reference, [NotNullWhen(true)] out string? sealedReference) => _byReference.TryGetValue(reference, out sealedReference);

        public bool TryOpen(string sealedReference, [NotNullWhen(true)] out string? reference) => _bySeal.TryGetValue(sealedReference, out reference);

        public void Remember(string reference, string sealedReference)
        {
            if (_byReference.Count >= Capacity)
            {
                _byReference.Clear();
                _bySeal.Clear();
            }

            _byReference[reference] = sealedReference;
            _bySeal[sealedReference] = reference;
        }
    }
}
