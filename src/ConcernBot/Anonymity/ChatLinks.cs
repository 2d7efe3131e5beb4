using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ConcernBot.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace ConcernBot.Anonymity;

/// <summary>
/// What the bot must remember about a reporter's chat without the store ever linking that chat to a concern: the record
/// is keyed by a keyed hash of the conversation id (the key itself sealed with the key ring) and its content is sealed too.
/// It lists the concerns raised in that chat (for "stop contact") and the question waiting for a typed answer.
/// </summary>
public sealed class ChatLinks(ISettingsStore settings, IDataProtectionProvider dataProtection) : IDisposable
{
    public const string Purpose = "ConcernBot.ChatLinks";
    private const string KeySetting = "anonymity/chat-key";

    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);
    private readonly SemaphoreSlim _keyLock = new(1, 1);
    private byte[]? _key;

    /// <summary>The chat's pseudonym: stable, and meaningless without the key ring.</summary>
    public async Task<string> PseudonymAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var key = await KeyAsync(cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("chat|" + conversationId)));
    }

    /// <summary>
    /// The opaque key by which a named or confidential reporter's concerns are found (Concern.ReporterReference): a keyed
    /// hash, so nobody with the store and the organisation's directory can work out whose it is.
    /// </summary>
    public async Task<string> ReporterKeyAsync(string organisationId, string reporterId, CancellationToken cancellationToken = default)
    {
        var key = await KeyAsync(cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"reporter|{organisationId}|{reporterId}")));
    }

    public async Task<ChatLinkRecord> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var stored = await settings.GetAsync(await RecordKeyAsync(conversationId, cancellationToken), cancellationToken);
        return Open(stored?.Value);
    }

    /// <summary>Changes the chat's record (read, change, save with its ETag; again if someone else saved first).</summary>
    public async Task UpdateAsync(string conversationId, Func<ChatLinkRecord, ChatLinkRecord> change, CancellationToken cancellationToken = default)
    {
        var key = await RecordKeyAsync(conversationId, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var stored = await settings.GetAsync(key, cancellationToken);
            var updated = change(Open(stored?.Value));
            try
            {
                if (updated.Links.Count == 0 && updated.Pending is null)
                {
                    if (stored is not null)
                    {
                        await settings.DeleteAsync(key, stored.ETag, cancellationToken);
                    }

                    return;
                }

                await settings.SaveAsync(key, _protector.Protect(JsonSerializer.Serialize(new ChatLinksDocument(updated.Links.ToList(), updated.Pending), AnonymityJson.Default.ChatLinksDocument)), stored?.ETag, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                // Changed by another turn or instance: read it again.
            }
        }
    }

    public void Dispose() => _keyLock.Dispose();

    private static byte[]? TryOpen(IDataProtector protector, string sealedKey)
    {
        try
        {
            return Convert.FromBase64String(protector.Unprotect(sealedKey));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private ChatLinkRecord Open(string? sealedValue)
    {
        if (sealedValue is null)
        {
            return ChatLinkRecord.Empty;
        }

        try
        {
            var links = JsonSerializer.Deserialize(_protector.Unprotect(sealedValue), AnonymityJson.Default.ChatLinksDocument);
            return links is null ? ChatLinkRecord.Empty : new ChatLinkRecord(links.Links ?? [], links.Pending);
        }
        catch (CryptographicException)
        {
            return ChatLinkRecord.Empty;
        }
    }

    private async Task<string> RecordKeyAsync(string conversationId, CancellationToken cancellationToken) =>
        "anonymity/chat/" + await PseudonymAsync(conversationId, cancellationToken);

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } cached)
        {
            return cached;
        }

        await _keyLock.WaitAsync(cancellationToken);
        try
        {
            var keyProtector = dataProtection.CreateProtector(Purpose, "key");
            for (var attempt = 0; _key is null; attempt++)
            {
                var stored = await settings.GetAsync(KeySetting, cancellationToken);
                if (stored is not null && TryOpen(keyProtector, stored.Value) is { } opened)
                {
                    _key = opened;
                    break;
                }

                try
                {
                    // First use, or the key ring was replaced (the old key, and every chat record sealed with it, is lost).
                    var fresh = RandomNumberGenerator.GetBytes(32);
                    await settings.SaveAsync(KeySetting, keyProtector.Protect(Convert.ToBase64String(fresh)), stored?.ETag, cancellationToken);
                    _key = fresh;
                }
                catch (ConcurrencyConflictException) when (attempt < 3)
                {
                    // Another instance made the key first: use theirs.
                }
            }

            return _key;
        }
        finally
        {
            _keyLock.Release();
        }
    }
}

/// <summary>A concern raised in a chat, with its route.</summary>
public sealed record ChatLink(string ConcernId, string Reference, string RouteToken);

/// <summary>The lead's question the chat's next typed message answers.</summary>
public sealed record PendingAnswer(string ConcernId, int QuestionNumber);

public sealed record ChatLinkRecord(IReadOnlyList<ChatLink> Links, PendingAnswer? Pending)
{
    public static ChatLinkRecord Empty { get; } = new([], null);
}

internal sealed record ChatLinksDocument(List<ChatLink>? Links, PendingAnswer? Pending);
