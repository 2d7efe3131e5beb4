namespace ConcernBot.Storage.EvidenceFolder;

/// <summary>
/// Evidence in a local folder (the default, under the data folder): one sub-folder per concern, each file as
/// <c>{id}.meta</c> (the sealed description) and <c>{id}.bin</c> (the sealed content). A file is written under a
/// temporary name and moved into place, so a half-written file is never listed.
/// </summary>
public sealed class FolderEvidenceStore(string root, TimeProvider time) : IEvidenceStore
{
    private const string Meta = ".meta";
    private const string Content = ".bin";

    public async Task AddAsync(string concernId, string fileId, ReadOnlyMemory<byte> sealedDescription, ReadOnlyMemory<byte> sealedContent, CancellationToken cancellationToken = default)
    {
        var folder = Directory.CreateDirectory(FolderOf(concernId)).FullName;
        var id = EvidenceKeys.Checked(fileId, nameof(fileId));
        var meta = Path.Combine(folder, id + Meta);
        if (File.Exists(meta))
        {
            throw new ConcurrencyConflictException("This evidence file is already stored.");
        }

        // Content first: a file is listed (its .meta exists) only once its content is in place.
        await WriteAsync(Path.Combine(folder, id + Content), sealedContent, cancellationToken);
        await WriteAsync(meta, sealedDescription, cancellationToken);
        File.SetLastWriteTimeUtc(meta, time.GetUtcNow().UtcDateTime);
    }

    public async Task<IReadOnlyList<StoredEvidence>> ListAsync(string concernId, CancellationToken cancellationToken = default)
    {
        var folder = new DirectoryInfo(FolderOf(concernId));
        if (!folder.Exists)
        {
            return [];
        }

        var found = new List<StoredEvidence>();
        foreach (var meta in folder.EnumerateFiles("*" + Meta))
        {
            var id = Path.GetFileNameWithoutExtension(meta.Name);
            var content = new FileInfo(Path.Combine(folder.FullName, id + Content));
            if (content.Exists)
            {
                var description = await File.ReadAllBytesAsync(meta.FullName, cancellationToken);
                found.Add(new StoredEvidence(id, description, content.Length, new DateTimeOffset(meta.LastWriteTimeUtc, TimeSpan.Zero)));
            }
        }

        return [.. found.OrderBy(f => f.AddedAt).ThenBy(f => f.FileId, StringComparer.Ordinal)];
    }

    public async Task<byte[]?> ReadContentAsync(string concernId, string fileId, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(FolderOf(concernId), EvidenceKeys.Checked(fileId, nameof(fileId)) + Content);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    public async Task<bool> ReplaceDescriptionAsync(string concernId, string fileId, ReadOnlyMemory<byte> sealedDescription, CancellationToken cancellationToken = default)
    {
        var meta = Path.Combine(FolderOf(concernId), EvidenceKeys.Checked(fileId, nameof(fileId)) + Meta);
        if (!File.Exists(meta))
        {
            return false;
        }

        var added = File.GetLastWriteTimeUtc(meta); // the listing's order
        var temporary = meta + ".part";
        await File.WriteAllBytesAsync(temporary, sealedDescription, cancellationToken);
        File.Move(temporary, meta, overwrite: true);
        File.SetLastWriteTimeUtc(meta, added);
        return true;
    }

    public Task<int> PurgeAsync(string concernId, CancellationToken cancellationToken = default)
    {
        var folder = new DirectoryInfo(FolderOf(concernId));
        if (!folder.Exists)
        {
            return Task.FromResult(0);
        }

        var count = folder.EnumerateFiles("*" + Meta).Count();
        folder.Delete(recursive: true);
        return Task.FromResult(count);
    }

    private string FolderOf(string concernId) => Path.Combine(root, EvidenceKeys.Checked(concernId, nameof(concernId)));

    private static async Task WriteAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var temporary = path + ".part";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, path, overwrite: false);
    }
}
