using DocumentFormat.OpenXml.Packaging;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using SkiaSharp;

namespace ConcernBot.Evidence;

/// <summary>
/// Takes out of a file what gives people away, in memory only. Photos are decoded and drawn again, so nothing of the
/// original file survives (EXIF, GPS, camera serial, thumbnails, text chunks). PDFs lose their information dictionary
/// and XMP metadata; Office files their core, extended and custom properties. Anything unreadable is refused.
/// </summary>
public static class EvidenceCleaner
{
    /// <summary>Decoding a bigger picture than this (about 100 megapixels) could exhaust the memory: refused.</summary>
    private const long MaxPixels = 100_000_000;

    /// <summary>The cleaned bytes, or null when the file cannot be read as the type it is.</summary>
    public static byte[]? Clean(byte[] original, EvidenceType type) => type switch
    {
        EvidenceType.Jpeg => Redraw(original, SKEncodedImageFormat.Jpeg),
        EvidenceType.Png => Redraw(original, SKEncodedImageFormat.Png),
        EvidenceType.Pdf => CleanPdf(original),
        EvidenceType.Word or EvidenceType.Excel or EvidenceType.PowerPoint => CleanOffice(original, type),
        _ => null,
    };

    private static byte[]? Redraw(byte[] original, SKEncodedImageFormat format)
    {
        using var data = SKData.CreateCopy(original);
        using var codec = SKCodec.Create(data);
        if (codec is null || (long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            return null;
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        // The orientation lived in the EXIF that is dropped: it is applied to the pixels instead.
        using var upright = Upright(decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright ?? decoded);
        using var encoded = image.Encode(format, 90);
        return encoded?.ToArray();
    }

    private static SKBitmap? Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180f, false),
            SKEncodedOrigin.RightTop => (90f, true),
            SKEncodedOrigin.LeftBottom => (270f, true),
            _ => (0f, false),
        };
        if (degrees == 0f)
        {
            return null;
        }

        var turned = new SKBitmap(swap ? bitmap.Height : bitmap.Width, swap ? bitmap.Width : bitmap.Height);
        using var canvas = new SKCanvas(turned);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-bitmap.Width / 2f, -bitmap.Height / 2f);
        canvas.DrawBitmap(bitmap, 0, 0);
        return turned;
    }

    private static byte[]? CleanPdf(byte[] original)
    {
        try
        {
            using var input = new MemoryStream(original, writable: false);
            using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
            document.Info.Elements.Clear();
            document.Internals.Catalog.Elements.Remove("/Metadata");
            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            return output.ToArray();
        }
        catch (Exception ex) when (ex is PdfReaderException or InvalidOperationException or NotImplementedException or IOException or ArgumentException or FormatException)
        {
            return null;
        }
    }

    private static byte[]? CleanOffice(byte[] original, EvidenceType type)
    {
        using var copy = new MemoryStream();
        copy.Write(original);
        copy.Position = 0;
        try
        {
            using (var package = Open(copy, type))
            {
                var properties = package.PackageProperties;
                properties.Creator = null;
                properties.LastModifiedBy = null;
                properties.Title = null;
                properties.Subject = null;
                properties.Keywords = null;
                properties.Description = null;
                properties.Category = null;
                properties.ContentStatus = null;
                properties.Identifier = null;
                properties.Revision = null;
                properties.Version = null;
                properties.LastPrinted = null;
                foreach (var part in package.GetPartsOfType<ExtendedFilePropertiesPart>().ToList())
                {
                    package.DeletePart(part);
                }

                foreach (var part in package.GetPartsOfType<CustomFilePropertiesPart>().ToList())
                {
                    package.DeletePart(part);
                }
            }

            return copy.ToArray();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    private static OpenXmlPackage Open(Stream stream, EvidenceType type) => type switch
    {
        EvidenceType.Word => WordprocessingDocument.Open(stream, true),
        EvidenceType.Excel => SpreadsheetDocument.Open(stream, true),
        _ => PresentationDocument.Open(stream, true),
    };
}
