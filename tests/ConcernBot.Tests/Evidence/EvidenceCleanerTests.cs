using System.Text;
using ConcernBot.Evidence;
using DocumentFormat.OpenXml.Packaging;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;
using PdfSharp.Pdf.IO;
using Xunit.Abstractions;

namespace ConcernBot.Tests.Evidence;

/// <summary>What gives people away is gone from each kind of file, measured on the files the tests make.</summary>
public sealed class EvidenceCleanerTests(ITestOutputHelper output)
{
    [Fact]
    public void A_photo_loses_its_gps_camera_serial_and_thumbnail_and_stays_a_photo()
    {
        var original = EvidenceSamples.JpegWithGps();
        var before = Tags(original);
        Assert.Contains(before, t => t.StartsWith("GPS/", StringComparison.Ordinal));
        Assert.Contains(before, t => t.Contains(EvidenceSamples.Serial, StringComparison.Ordinal));
        Assert.Contains(ImageMetadataReader.ReadMetadata(new MemoryStream(original)), d => d is ExifThumbnailDirectory);

        var cleaned = EvidenceCleaner.Clean(original, EvidenceType.Jpeg)!;
        var after = Tags(cleaned);
        Report("JPEG", before, after);
        Assert.DoesNotContain(after, t => t.StartsWith("GPS/", StringComparison.Ordinal) || t.StartsWith("Exif", StringComparison.Ordinal));
        Assert.DoesNotContain(ImageMetadataReader.ReadMetadata(new MemoryStream(cleaned)), d => d is ExifDirectoryBase or GpsDirectory);
        Assert.Equal(-1, IndexOf(cleaned, Encoding.ASCII.GetBytes(EvidenceSamples.Serial)));
        Assert.Equal(-1, IndexOf(cleaned, Encoding.ASCII.GetBytes(EvidenceSamples.CameraMake)));
        Assert.Equal(EvidenceType.Jpeg, EvidenceTypes.Sniffed(cleaned, EvidenceType.Jpeg));
        using var decoded = SkiaSharp.SKBitmap.Decode(cleaned);
        Assert.Equal((64, 48), (decoded.Width, decoded.Height));
    }

    [Fact]
    public void A_png_loses_its_text_chunks()
    {
        var original = EvidenceSamples.PngWithText();
        var before = Tags(original);
        Assert.Contains(before, t => t.Contains(EvidenceSamples.Name, StringComparison.Ordinal));

        var cleaned = EvidenceCleaner.Clean(original, EvidenceType.Png)!;
        var after = Tags(cleaned);
        Report("PNG", before, after);
        Assert.DoesNotContain(after, t => t.StartsWith("PNG-tEXt", StringComparison.Ordinal));
        Assert.Equal(-1, IndexOf(cleaned, Encoding.ASCII.GetBytes(EvidenceSamples.Name)));
        Assert.Equal(EvidenceType.Png, EvidenceTypes.Sniffed(cleaned, EvidenceType.Png));
    }

    [Fact]
    public void A_pdf_loses_its_author_title_and_other_information()
    {
        var original = EvidenceSamples.PdfWithAuthor();
        using (var read = PdfReader.Open(new MemoryStream(original), PdfDocumentOpenMode.Import))
        {
            Assert.Equal(EvidenceSamples.Name, read.Info.Author);
        }

        var cleaned = EvidenceCleaner.Clean(original, EvidenceType.Pdf)!;
        using var document = PdfReader.Open(new MemoryStream(cleaned), PdfDocumentOpenMode.Import);
        output.WriteLine($"PDF: before Author={EvidenceSamples.Name}, Title, Subject, Keywords; after: Author='{document.Info.Author}' Title='{document.Info.Title}' Subject='{document.Info.Subject}' Keywords='{document.Info.Keywords}'");
        Assert.Equal("", document.Info.Author);
        Assert.Equal("", document.Info.Title);
        Assert.Equal("", document.Info.Subject);
        Assert.Equal("", document.Info.Keywords);
        Assert.Equal(1, document.PageCount);
        Assert.Equal(-1, IndexOf(cleaned, Encoding.ASCII.GetBytes("Jane")));
    }

    [Fact]
    public void A_word_document_loses_its_creator_and_extended_properties_and_keeps_its_text()
    {
        var cleaned = EvidenceCleaner.Clean(EvidenceSamples.WordWithCreator(), EvidenceType.Word)!;
        using var document = WordprocessingDocument.Open(new MemoryStream(cleaned), false);
        output.WriteLine($"DOCX: after Creator='{document.PackageProperties.Creator}' LastModifiedBy='{document.PackageProperties.LastModifiedBy}' Title='{document.PackageProperties.Title}' extended part={(document.ExtendedFilePropertiesPart is null ? "removed" : "kept")}");
        Assert.Null(document.PackageProperties.Creator);
        Assert.Null(document.PackageProperties.LastModifiedBy);
        Assert.Null(document.PackageProperties.Title);
        Assert.Null(document.ExtendedFilePropertiesPart);
        Assert.Null(document.CustomFilePropertiesPart);
        Assert.Equal("What I saw on Tuesday.", document.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Fact]
    public void A_broken_file_of_a_kept_type_is_not_kept()
    {
        byte[] notReally = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        Assert.Null(EvidenceCleaner.Clean(notReally, EvidenceType.Jpeg));
        Assert.Null(EvidenceCleaner.Clean([.. "%PDF-1.7 nothing more"u8], EvidenceType.Pdf));
        Assert.Null(EvidenceCleaner.Clean([0x50, 0x4B, 0x03, 0x04, 9, 9], EvidenceType.Word));
    }

    /// <summary>Every tag MetadataExtractor finds, as "directory/tag=value".</summary>
    internal static List<string> Tags(byte[] file) =>
        [.. ImageMetadataReader.ReadMetadata(new MemoryStream(file))
            .Where(d => d is not MetadataExtractor.Formats.FileType.FileTypeDirectory)
            .SelectMany(d => d.Tags.Select(t => $"{d.Name}/{t.Name}={t.Description}"))];

    internal static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    private void Report(string kind, List<string> before, List<string> after)
    {
        output.WriteLine($"{kind}: {before.Count} tags before, {after.Count} after. Removed:");
        foreach (var tag in before.Except(after))
        {
            output.WriteLine("  - " + tag);
        }

        output.WriteLine("Kept: " + string.Join("; ", after));
    }
}
