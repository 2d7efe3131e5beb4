using System.Text;
using ConcernBot.Evidence;
using ConcernBot.Storage.EvidenceFolder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ConcernBot.Tests.Evidence;

/// <summary>The limits and types a reporter is told about, the names kept, and what reaches the disk.</summary>
public sealed class EvidenceLockerTests : IDisposable
{
    private readonly DirectoryInfo folder = System.IO.Directory.CreateTempSubdirectory("concernbot-evidence-");
    private readonly EvidenceLocker locker;

    public EvidenceLockerTests()
    {
        locker = new EvidenceLocker(
            new FolderEvidenceStore(folder.FullName, TimeProvider.System),
            new EvidenceSealer(new EphemeralDataProtectionProvider()),
            Options.Create(new EvidenceOptions { MaxFiles = 3, MaxFileBytes = 200_000, MaxConcernBytes = 300_000 }));
    }

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task Empty_too_big_unknown_lying_and_heic_files_are_refused_with_their_reason()
    {
        var jpeg = EvidenceSamples.JpegWithGps();
        Assert.Equal(EvidenceRefusal.Empty, (await AddAsync("photo.jpg", [])).Refusal);
        Assert.Equal(EvidenceRefusal.TooLarge, (await AddAsync("photo.jpg", [.. jpeg, .. new byte[200_000]])).Refusal);
        Assert.Equal(EvidenceRefusal.NotAccepted, (await AddAsync("run-me.exe", [0x4D, 0x5A, 0x90, 0])).Refusal);
        Assert.Equal(EvidenceRefusal.NotWhatItSays, (await AddAsync("photo.jpg", EvidenceSamples.PdfWithAuthor())).Refusal);
        Assert.Equal(EvidenceRefusal.NotWhatItSays, (await AddAsync("notes.pdf", jpeg)).Refusal);
        Assert.Equal(EvidenceRefusal.NotWhatItSays, (await AddAsync("photo.png", Encoding.ASCII.GetBytes("<script>alert(1)</script>"))).Refusal);
        Assert.Equal(EvidenceRefusal.Heic, (await AddAsync("IMG_0001.HEIC", [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0])).Refusal);
        Assert.Equal(EvidenceRefusal.Heic, (await AddAsync("photo.jpg", [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0])).Refusal);
        Assert.Empty(await locker.ListAsync("concern-a", CancellationToken.None));
    }

    [Fact]
    public async Task The_number_of_files_and_their_total_size_are_limited_per_concern()
    {
        var png = EvidenceSamples.PngWithText();
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await AddAsync($"p{i}.png", png)).Kept);
        }

        Assert.Equal(EvidenceRefusal.TooMany, (await AddAsync("p4.png", png)).Refusal);
        Assert.True((await AddAsync("other.png", png, concernId: "concern-b")).Kept);

        var big = EvidenceSamples.Picture(SkiaSharp.SKEncodedImageFormat.Png, 400, 300);
        var full = new EvidenceLocker(
            new FolderEvidenceStore(folder.FullName, TimeProvider.System), new EvidenceSealer(new EphemeralDataProtectionProvider()),
            Options.Create(new EvidenceOptions { MaxFiles = 10, MaxFileBytes = 200_000, MaxConcernBytes = big.Length + 10 }));
        Assert.True((await full.AddAsync("concern-c", false, new IncomingFile("a.png", null, big), CancellationToken.None)).Kept);
        Assert.Equal(EvidenceRefusal.ConcernFull, (await full.AddAsync("concern-c", false, new IncomingFile("b.png", null, big), CancellationToken.None)).Refusal);
    }

    [Fact]
    public async Task An_anonymous_reporters_file_names_are_never_kept()
    {
        await AddAsync("Jane Reporter bruise.jpg", EvidenceSamples.JpegWithGps(), anonymous: true);
        await AddAsync("Jane's notes.pdf", EvidenceSamples.PdfWithAuthor(), anonymous: true);
        await AddAsync("second.png", EvidenceSamples.PngWithText(), anonymous: true);
        var files = await locker.ListAsync("concern-a", CancellationToken.None);
        Assert.Equal(["Photo 1", "Document 1", "Photo 2"], files.Select(f => f.DisplayName));
        Assert.All(files, f => Assert.Null(f.Name));

        await AddAsync("named.jpg", EvidenceSamples.JpegWithGps(), concernId: "concern-named");
        Assert.Equal("named.jpg", Assert.Single(await locker.ListAsync("concern-named", CancellationToken.None)).DisplayName);
    }

    [Fact]
    public async Task Nothing_on_disk_is_readable_and_the_file_opens_only_as_itself()
    {
        var jpeg = EvidenceSamples.JpegWithGps();
        var added = await AddAsync("Jane Reporter bruise.jpg", jpeg);
        foreach (var stored in folder.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(stored.FullName);
            Assert.Equal(-1, EvidenceCleanerTests.IndexOf(bytes, [0xFF, 0xD8, 0xFF]));
            Assert.Equal(-1, EvidenceCleanerTests.IndexOf(bytes, Encoding.UTF8.GetBytes("Jane")));
            Assert.Equal(-1, EvidenceCleanerTests.IndexOf(bytes, Encoding.UTF8.GetBytes("Photo")));
        }

        var (file, opened) = (await locker.OpenAsync("concern-a", added.File!.Id, CancellationToken.None))!.Value;
        Assert.Equal("Jane Reporter bruise.jpg", file.DisplayName);
        Assert.Equal(EvidenceType.Jpeg, EvidenceTypes.Sniffed(opened, EvidenceType.Jpeg));
        Assert.Null(await locker.OpenAsync("concern-b", added.File.Id, CancellationToken.None));
        Assert.Null(await locker.OpenAsync("concern-a", "../../etc/passwd", CancellationToken.None));
    }

    private Task<EvidenceAdded> AddAsync(string name, byte[] bytes, bool anonymous = false, string concernId = "concern-a") =>
        locker.AddAsync(concernId, anonymous, new IncomingFile(name, null, bytes), CancellationToken.None);
}
