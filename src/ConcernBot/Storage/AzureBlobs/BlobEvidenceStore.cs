using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ConcernBot.Storage.AzureBlobs;

/// <summary>
/// Evidence in one private Azure Blob Storage container: <c>{concern id}/{file id}.bin</c> holds the sealed content and
/// carries the sealed description in its metadata (base64), so a listing of the concern's prefix is one request.
/// The blob is created only if absent (If-None-Match: *), so nothing is ever overwritten.
/// </summary>
public sealed class BlobEvidenceStore(BlobContainerClient container) : IEvidenceStore
{
    private const string DescriptionKey = "description";
    private const string Content = ".bin";
    private int created;

    public async Task AddAsync(string concernId, string fileId, ReadOnlyMemory<byte> sealedDescription, ReadOnlyMemory<byte> sealedContent, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        var blob = container.GetBlobClient(NameOf(concernId, fileId));
        var options = new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [DescriptionKey] = Convert.ToBase64String(sealedDescription.Span) },
        };
        try
        {
            await blob.UploadAsync(BinaryData.FromBytes(sealedContent), options, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException("This evidence file is already stored.", ex);
        }
    }

    public async Task<IReadOnlyList<StoredEvidence>> ListAsync(string concernId, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        var prefix = EvidenceKeys.Checked(concernId, nameof(concernId)) + "/";
        var found = new List<StoredEvidence>();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata, Prefix = prefix }, cancellationToken))
        {
            if (item.Name.EndsWith(Content, StringComparison.Ordinal) && item.Metadata.TryGetValue(DescriptionKey, out var description))
            {
                var id = item.Name[prefix.Length..^Content.Length];
                found.Add(new StoredEvidence(id, Convert.FromBase64String(description), item.Properties.ContentLength ?? 0, item.Properties.CreatedOn ?? DateTimeOffset.MinValue));
            }
        }

        return [.. found.OrderBy(f => f.AddedAt).ThenBy(f => f.FileId, StringComparer.Ordinal)];
    }

    public async Task<bool> ReplaceDescriptionAsync(string concernId, string fileId, ReadOnlyMemory<byte> sealedDescription, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            await container.GetBlobClient(NameOf(concernId, fileId)).SetMetadataAsync(
                new Dictionary<string, string>(StringComparer.Ordinal) { [DescriptionKey] = Convert.ToBase64String(sealedDescription.Span) },
                cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    public async Task<byte[]?> ReadContentAsync(string concernId, string fileId, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken);
        try
        {
            var download = await container.GetBlobClient(NameOf(concernId, fileId)).DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<int> PurgeAsync(string concernId, CancellationToken cancellationToken = default)
    {
        var files = await ListAsync(concernId, cancellationToken);
        foreach (var file in files)
        {
            await container.GetBlobClient(NameOf(concernId, file.FileId)).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }

        return files.Count;
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref created) == 0)
        {
            await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
            Volatile.Write(ref created, 1);
        }
    }

    private static string NameOf(string concernId, string fileId) =>
        EvidenceKeys.Checked(concernId, nameof(concernId)) + "/" + EvidenceKeys.Checked(fileId, nameof(fileId)) + Content;
}
