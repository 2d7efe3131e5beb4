using System.Buffers.Binary;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PdfSharp.Pdf;
using SkiaSharp;

namespace ConcernBot.Tests.Evidence;

/// <summary>
/// Real files that give their maker away, made by the tests: a JPEG whose EXIF (written here byte by byte) holds GPS
/// co-ordinates, the camera's make and serial number and a thumbnail; a PNG with tEXt chunks; a PDF with an author
/// (PDFsharp); a Word document with a creator and a company (Open XML SDK).
/// </summary>
internal static class EvidenceSamples
{
    public const string Name = "Jane Reporter";
    public const string Serial = "SN-4471-JR";
    public const string CameraMake = "ConcernCam";

    public static byte[] Picture(SKEncodedImageFormat format, int width = 64, int height = 48)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawRect(4, 4, width / 2f, height / 2f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    /// <summary>A JPEG with an APP1 EXIF segment: IFD0 (make, model, pointers), the Exif IFD (body serial), GPS, and IFD1's thumbnail.</summary>
    public static byte[] JpegWithGps(string who = Name)
    {
        var plain = Picture(SKEncodedImageFormat.Jpeg);
        var thumbnail = Picture(SKEncodedImageFormat.Jpeg, 16, 12);
        var tiff = new Tiff();
        var ifd0 = tiff.Ifd(
            [Tiff.Ascii(0x010F, CameraMake), Tiff.Ascii(0x0110, "Model 7"), Tiff.Ascii(0x013B, who), Tiff.Pointer(0x8769), Tiff.Pointer(0x8825)], hasNext: true);
        tiff.Patch(ifd0.Pointers[0x8769], tiff.Ifd([Tiff.Ascii(0xA431, Serial)], hasNext: false).Start);
        tiff.Patch(ifd0.Pointers[0x8825], tiff.Ifd(
            [Tiff.Ascii(0x0001, "N"), Tiff.Rationals(0x0002, (51, 1), (30, 1), (2600, 100)), Tiff.Ascii(0x0003, "W"), Tiff.Rationals(0x0004, (0, 1), (7, 1), (3900, 100))],
            hasNext: false).Start);
        var ifd1 = tiff.Ifd([Tiff.Short(0x0103, 6), Tiff.Pointer(0x0201), Tiff.Long(0x0202, (uint)thumbnail.Length)], hasNext: false);
        tiff.Patch(ifd0.Next!.Value, ifd1.Start);
        tiff.Patch(ifd1.Pointers[0x0201], tiff.Append(thumbnail));

        var exif = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff.Bytes).ToArray();
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), checked((ushort)(exif.Length + 2)));
        exif.CopyTo(segment, 4);
        return [.. plain[..2], .. segment, .. plain[2..]];
    }

    /// <summary>A PNG with tEXt chunks (author and a comment) after its header.</summary>
    public static byte[] PngWithText()
    {
        var plain = Picture(SKEncodedImageFormat.Png);
        var afterHeader = 8 + 25;
        return [.. plain[..afterHeader], .. TextChunk("Author", Name), .. TextChunk("Comment", "Taken at 12 Elm Road"), .. plain[afterHeader..]];
    }

    public static byte[] PdfWithAuthor()
    {
        using var document = new PdfDocument();
        document.Info.Author = Name;
        document.Info.Title = "Notes by " + Name;
        document.Info.Subject = "What I saw";
        document.Info.Keywords = "elm road";
        document.AddPage();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public static byte[] WordWithCreator(string who = Name)
    {
        using var output = new MemoryStream();
        using (var document = WordprocessingDocument.Create(output, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("What I saw on Tuesday.")))));
            document.PackageProperties.Creator = who;
            document.PackageProperties.LastModifiedBy = who;
            document.PackageProperties.Title = "Notes by " + who;
            var extended = document.AddExtendedFilePropertiesPart();
            extended.Properties = new DocumentFormat.OpenXml.ExtendedProperties.Properties(
                new DocumentFormat.OpenXml.ExtendedProperties.Company("Elm Road Care " + who), new DocumentFormat.OpenXml.ExtendedProperties.Manager(who));
        }

        return output.ToArray();
    }

    private static byte[] TextChunk(string keyword, string text)
    {
        var data = Encoding.Latin1.GetBytes(keyword + "\0" + text);
        var typeAndData = Encoding.ASCII.GetBytes("tEXt").Concat(data).ToArray();
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        typeAndData.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typeAndData));
        return chunk;
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }

    /// <summary>A little-endian TIFF structure, as EXIF holds it: IFDs laid out one after another, pointers patched in.</summary>
    private sealed class Tiff
    {
        private readonly List<byte> bytes = [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0];

        public byte[] Bytes => [.. bytes];

        public sealed record Entry(ushort Tag, ushort Type, uint Count, byte[] Value);

        public sealed record Written(int Start, Dictionary<ushort, int> Pointers, int? Next);

        public static Entry Ascii(ushort tag, string text) => new(tag, 2, (uint)text.Length + 1, Encoding.ASCII.GetBytes(text + "\0"));

        public static Entry Short(ushort tag, ushort value) => new(tag, 3, 1, [(byte)value, (byte)(value >> 8), 0, 0]);

        public static Entry Long(ushort tag, uint value) => new(tag, 4, 1, BitConverter.GetBytes(value));

        public static Entry Pointer(ushort tag) => Long(tag, 0);

        public static Entry Rationals(ushort tag, params (uint Numerator, uint Denominator)[] values) =>
            new(tag, 5, (uint)values.Length, [.. values.SelectMany(v => BitConverter.GetBytes(v.Numerator).Concat(BitConverter.GetBytes(v.Denominator)))]);

        public Written Ifd(Entry[] entries, bool hasNext)
        {
            var start = bytes.Count;
            var dataAt = start + 2 + (entries.Length * 12) + 4;
            var data = new List<byte>();
            var pointers = new Dictionary<ushort, int>();
            bytes.AddRange(BitConverter.GetBytes((ushort)entries.Length));
            foreach (var entry in entries.OrderBy(e => e.Tag))
            {
                bytes.AddRange(BitConverter.GetBytes(entry.Tag));
                bytes.AddRange(BitConverter.GetBytes(entry.Type));
                bytes.AddRange(BitConverter.GetBytes(entry.Count));
                pointers[entry.Tag] = bytes.Count;
                if (entry.Value.Length <= 4)
                {
                    bytes.AddRange(entry.Value.Concat(new byte[4 - entry.Value.Length]));
                }
                else
                {
                    bytes.AddRange(BitConverter.GetBytes((uint)(dataAt + data.Count)));
                    data.AddRange(entry.Value);
                    if (data.Count % 2 == 1)
                    {
                        data.Add(0);
                    }
                }
            }

            var next = bytes.Count;
            bytes.AddRange(new byte[4]);
            bytes.AddRange(data);
            return new Written(start, pointers, hasNext ? next : null);
        }

        public int Append(byte[] blob)
        {
            var at = bytes.Count;
            bytes.AddRange(blob);
            return at;
        }

        public void Patch(int position, int value)
        {
            var encoded = BitConverter.GetBytes((uint)value);
            for (var i = 0; i < 4; i++)
            {
                bytes[position + i] = encoded[i];
            }
        }
    }
}
