namespace ConcernBot.Storage;

/// <summary>
/// The evidence of concerns: for each file, a small sealed description and the sealed content, both already encrypted
/// by <see cref="Evidence.EvidenceSealer"/> (the store never sees a plain byte). Files are added, or purged with their
/// concern; a file's content is never changed, only its description (to forget a name). Ids are letters, digits and '-'
/// only (<see cref="EvidenceKeys"/>).
/// </summary>
public interface IEvidenceStore
{
    /// <summary>Adds a file; one already stored under this id is a <see cref="ConcurrencyConflictException"/>.</summary>
    Task AddAsync(string concernId, string fileId, ReadOnlyMemory<byte> sealedDescription, ReadOnlyMemory<byte> sealedContent, CancellationToken cancellationToken = default);

    /// <summary>The concern's files (their descriptions and content sizes), oldest first.</summary>
    Task<IReadOnlyList<StoredEvidence>> ListAsync(string concernId, CancellationToken cancellationToken = default);

    /// <summary>A file's sealed content, or null when there is none.</summary>
    Task<byte[]?> ReadContentAsync(string concernId, string fileId, CancellationToken cancellationToken = default);

    /// <summary>Replaces a stored file's sealed description, its content and place in the list unchanged; false when there is no such file.</summary>
    Task<bool> ReplaceDescriptionAsync(string concernId, string fileId, ReadOnlyMemory<byte> sealedDescription, CancellationToken cancellationToken = default);

    /// <summary>Removes every file of the concern; returns how many there were.</summary>
    Task<int> PurgeAsync(string concernId, CancellationToken cancellationToken = default);
}

/// <summary>One stored file as listed: its id, sealed description, the size of its sealed content and when it was added.</summary>
public sealed record StoredEvidence(string FileId, byte[] SealedDescription, long ContentLength, DateTimeOffset AddedAt);

/// <summary>The one rule for ids, so no id can name a path or a blob outside its concern.</summary>
public static class EvidenceKeys
{
    public static string Checked(string id, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, paramName);
        if (id.Length > 120 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException("An evidence key holds letters, digits and '-' only.", paramName);
        }

        return id;
    }
}
