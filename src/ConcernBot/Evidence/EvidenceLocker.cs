using System.Security.Cryptography;
using System.Text.Json;
using ConcernBot.Storage;
using Microsoft.Extensions.Options;

namespace ConcernBot.Evidence;

/// <summary>
/// Where evidence goes in and comes out: checks the limits and the type, cleans the file, seals it and stores it
/// (<see cref="IEvidenceStore"/>); opens it again for the leads. Who may open it is the workspace's rule, not this.
/// </summary>
public sealed class EvidenceLocker(IEvidenceStore store, EvidenceSealer sealer, IOptions<EvidenceOptions> options)
{
    private const string DescriptionSuffix = "-description";

    public EvidenceOptions Limits => options.Value;

    public async Task<EvidenceAdded> AddAsync(string concernId, bool anonymous, IncomingFile incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var limits = options.Value;
        if (incoming.Bytes.Length == 0)
        {
            return Refused(EvidenceRefusal.Empty);
        }

        if (incoming.Bytes.Length > limits.MaxFileBytes)
        {
            return Refused(EvidenceRefusal.TooLarge);
        }

        var declared = EvidenceTypes.Declared(incoming.Name, incoming.ContentType);
        var sniffed = EvidenceTypes.Sniffed(incoming.Bytes, declared);
        if (declared == EvidenceType.Unknown && incoming.Name is null && EvidenceTypes.IsAnyImage(incoming.ContentType) && EvidenceTypes.IsPhoto(sniffed))
        {
            // A pasted image has no name and only "image/*": its own bytes say which kind it is.
            declared = sniffed;
        }

        if (declared == EvidenceType.Heic || sniffed == EvidenceType.Heic)
        {
            return Refused(EvidenceRefusal.Heic);
        }

        if (declared == EvidenceType.Unknown)
        {
            return Refused(EvidenceRefusal.NotAccepted);
        }

        if (sniffed != declared)
        {
            return Refused(EvidenceRefusal.NotWhatItSays);
        }

        var existing = await ListAsync(concernId, cancellationToken);
        if (existing.Count >= limits.MaxFiles)
        {
            return Refused(EvidenceRefusal.TooMany);
        }

        if (existing.Sum(f => f.Length) + incoming.Bytes.Length > limits.MaxConcernBytes)
        {
            return Refused(EvidenceRefusal.ConcernFull);
        }

        if (EvidenceCleaner.Clean(incoming.Bytes, declared) is not { } cleaned)
        {
            return Refused(EvidenceRefusal.Unreadable);
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var photo = EvidenceTypes.IsPhoto(declared);
        var file = new EvidenceFile(id, anonymous ? null : OwnName(incoming.Name), declared, cleaned.Length, existing.Count(f => f.IsPhoto == photo) + 1, existing.Count + 1);
        var description = JsonSerializer.SerializeToUtf8Bytes(file);
        await store.AddAsync(concernId, id, sealer.Seal(concernId, id + DescriptionSuffix, description), sealer.Seal(concernId, id, cleaned), cancellationToken);
        return new EvidenceAdded(EvidenceRefusal.None, file);
    }

    public async Task<IReadOnlyList<EvidenceFile>> ListAsync(string concernId, CancellationToken cancellationToken)
    {
        var stored = await store.ListAsync(concernId, cancellationToken);
        // In the order they were added (the stores' own times can tie).
        return [.. stored.Select(s => JsonSerializer.Deserialize<EvidenceFile>(sealer.Open(concernId, s.FileId + DescriptionSuffix, s.SealedDescription))! with { Id = s.FileId })
            .OrderBy(f => f.Sequence)];
    }

    /// <summary>The file's entry and its cleaned bytes, or null when the concern has no such file.</summary>
    public async Task<(EvidenceFile File, byte[] Bytes)?> OpenAsync(string concernId, string fileId, CancellationToken cancellationToken)
    {
        if (!IsFileId(fileId))
        {
            return null;
        }

        var file = (await ListAsync(concernId, cancellationToken)).FirstOrDefault(f => string.Equals(f.Id, fileId, StringComparison.Ordinal));
        var content = file is null ? null : await store.ReadContentAsync(concernId, fileId, cancellationToken);
        return file is null || content is null ? null : (file, sealer.Open(concernId, fileId, content));
    }

    public Task<int> PurgeAsync(string concernId, CancellationToken cancellationToken) => store.PurgeAsync(concernId, cancellationToken);

    /// <summary>
    /// Forgets the reporter's own names for the concern's files ("Photo 1" from then on): a reporter who added a file
    /// while named and then chose not to be keeps nothing of theirs with it. Returns how many names were forgotten.
    /// </summary>
    public async Task<int> ForgetNamesAsync(string concernId, CancellationToken cancellationToken)
    {
        var forgotten = 0;
        foreach (var file in await ListAsync(concernId, cancellationToken))
        {
            if (file.Name is null)
            {
                continue;
            }

            var description = JsonSerializer.SerializeToUtf8Bytes(file with { Name = null });
            if (await store.ReplaceDescriptionAsync(concernId, file.Id, sealer.Seal(concernId, file.Id + DescriptionSuffix, description), cancellationToken))
            {
                forgotten++;
            }
        }

        return forgotten;
    }

    private static bool IsFileId(string fileId) => fileId.Length == 32 && fileId.All(char.IsAsciiHexDigitLower);

    /// <summary>The reporter's own name for the file, when it is a plain one; an anonymous reporter's is never asked for.</summary>
    private static string? OwnName(string? name)
    {
        var plain = Path.GetFileName((name ?? "").Replace('\\', '/')).Trim();
        return plain.Length is > 0 and <= 120 && !plain.Any(char.IsControl) ? plain : null;
    }

    private static EvidenceAdded Refused(EvidenceRefusal refusal) => new(refusal, null);
}
