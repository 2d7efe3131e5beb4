using Azure.Storage.Blobs;
using ConcernBot.Storage;
using ConcernBot.Storage.AzureBlobs;
using ConcernBot.Storage.EvidenceFolder;

namespace ConcernBot.Tests.Storage;

/// <summary>One contract for every evidence store: the local folder and Azure Blob Storage (on Azurite's blob service).</summary>
public abstract class EvidenceStoreContractTests
{
    protected abstract IEvidenceStore Store { get; }

    [Fact]
    public async Task A_file_is_listed_with_its_description_and_read_back_byte_for_byte()
    {
        byte[] content = [.. Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7))];
        await Store.AddAsync("concern-a", "f1", new byte[] { 1, 2, 3 }, content);
        await Store.AddAsync("concern-a", "f2", new byte[] { 4 }, new byte[] { 9, 9 });

        var listed = await Store.ListAsync("concern-a");
        Assert.Equal(["f1", "f2"], listed.Select(f => f.FileId).Order(StringComparer.Ordinal));
        var first = listed.Single(f => f.FileId == "f1");
        Assert.Equal(new byte[] { 1, 2, 3 }, first.SealedDescription);
        Assert.Equal(content.Length, first.ContentLength);
        Assert.Equal(content, await Store.ReadContentAsync("concern-a", "f1"));
    }

    [Fact]
    public async Task Concerns_are_kept_apart_and_a_missing_file_is_null()
    {
        await Store.AddAsync("concern-a", "f1", new byte[] { 1 }, new byte[] { 1 });
        Assert.Empty(await Store.ListAsync("concern-b"));
        Assert.Null(await Store.ReadContentAsync("concern-b", "f1"));
        Assert.Null(await Store.ReadContentAsync("concern-a", "nope"));
    }

    [Fact]
    public async Task A_description_is_replaced_with_the_content_and_the_order_kept()
    {
        await Store.AddAsync("concern-a", "f1", new byte[] { 1 }, new byte[] { 7, 7 });
        await Store.AddAsync("concern-a", "f2", new byte[] { 2 }, new byte[] { 8 });

        Assert.True(await Store.ReplaceDescriptionAsync("concern-a", "f1", new byte[] { 5, 5 }));
        Assert.False(await Store.ReplaceDescriptionAsync("concern-a", "nope", new byte[] { 6 }));

        var listed = await Store.ListAsync("concern-a");
        Assert.Equal(["f1", "f2"], listed.Select(f => f.FileId));
        Assert.Equal(new byte[] { 5, 5 }, listed[0].SealedDescription);
        Assert.Equal(new byte[] { 7, 7 }, await Store.ReadContentAsync("concern-a", "f1"));
    }

    [Fact]
    public async Task A_file_is_never_overwritten()
    {
        await Store.AddAsync("concern-a", "f1", new byte[] { 1 }, new byte[] { 1 });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.AddAsync("concern-a", "f1", new byte[] { 2 }, new byte[] { 2 }));
        Assert.Equal(new byte[] { 1 }, await Store.ReadContentAsync("concern-a", "f1"));
    }

    [Fact]
    public async Task The_purge_removes_every_file_of_the_concern_and_only_those()
    {
        await Store.AddAsync("concern-a", "f1", new byte[] { 1 }, new byte[] { 1 });
        await Store.AddAsync("concern-a", "f2", new byte[] { 1 }, new byte[] { 1 });
        await Store.AddAsync("concern-ab", "f3", new byte[] { 1 }, new byte[] { 1 });

        Assert.Equal(2, await Store.PurgeAsync("concern-a"));
        Assert.Empty(await Store.ListAsync("concern-a"));
        Assert.Null(await Store.ReadContentAsync("concern-a", "f1"));
        Assert.Single(await Store.ListAsync("concern-ab"));
        Assert.Equal(0, await Store.PurgeAsync("concern-a"));
    }

    [Theory]
    [InlineData("../concern-b", "f1")]
    [InlineData("concern-a", "../f1")]
    [InlineData("concern-a", "f1/x")]
    [InlineData("concern/a", "f1")]
    public async Task Keys_cannot_name_anything_outside_their_concern(string concernId, string fileId)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.AddAsync(concernId, fileId, new byte[] { 1 }, new byte[] { 1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReadContentAsync(concernId, fileId));
    }
}

public sealed class FolderEvidenceStoreContractTests : EvidenceStoreContractTests, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("concernbot-evidence-");

    public FolderEvidenceStoreContractTests() => Store = new FolderEvidenceStore(folder.FullName, TimeProvider.System);

    protected override IEvidenceStore Store { get; }

    public void Dispose() => folder.Delete(recursive: true);
}

public sealed class BlobEvidenceStoreContractTests(BlobAzuriteFixture azurite) : EvidenceStoreContractTests, IClassFixture<BlobAzuriteFixture>
{
    // A container per test, so tests share Azurite and not their files.
    protected override IEvidenceStore Store { get; } =
        new BlobEvidenceStore(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("evidence" + Guid.NewGuid().ToString("N")[..12]));

    [Fact]
    public async Task The_container_is_private()
    {
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("evidencepublic" + Guid.NewGuid().ToString("N")[..8]);
        await new BlobEvidenceStore(container).AddAsync("concern-a", "f1", new byte[] { 1 }, new byte[] { 1 });
        var access = await container.GetAccessPolicyAsync();
        Assert.Equal(Azure.Storage.Blobs.Models.PublicAccessType.None, access.Value.BlobPublicAccess);
    }
}
