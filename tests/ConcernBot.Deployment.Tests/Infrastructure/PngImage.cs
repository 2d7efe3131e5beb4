using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ConcernBot.Deployment.Tests.Infrastructure;

/// <summary>
/// A small PNG reader: the IHDR, and the pixels of 8-bit RGBA or RGB non-interlaced images (what scripts/make-icons.py writes),
/// with all five row filters.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, byte bitDepth, byte colourType, byte interlace, byte[] idat)
    {
        Width = width;
        Height = height;
        BitDepth = bitDepth;
        ColourType = colourType;
        Interlace = interlace;
        CompressedPixels = idat;
    }

    public int Width { get; }

    public int Height { get; }

    public byte BitDepth { get; }

    /// <summary>2 = RGB, 6 = RGBA.</summary>
    public byte ColourType { get; }

    public byte Interlace { get; }

    private byte[] CompressedPixels { get; }

    public static PngImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8 || !bytes.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException($"{path} is not a PNG file");
        }

        int? width = null, height = null;
        byte bitDepth = 0, colourType = 0, interlace = 0;
        using var idat = new MemoryStream();
        var pos = 8;
        while (pos + 8 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(pos));
            var type = Encoding.ASCII.GetString(bytes, pos + 4, 4);
            var data = bytes.AsSpan(pos + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    bitDepth = data[8];
                    colourType = data[9];
                    interlace = data[12];
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            if (type == "IEND")
            {
                break;
            }

            pos += 12 + length; // length, type, data, CRC
        }

        if (width is null || height is null)
        {
            throw new InvalidDataException($"{path} has no IHDR chunk");
        }

        return new PngImage(width.Value, height.Value, bitDepth, colourType, interlace, idat.ToArray());
    }

    /// <summary>Every pixel as (R, G, B, A), row by row.</summary>
    public IReadOnlyList<(byte R, byte G, byte B, byte A)> Pixels()
    {
        if (BitDepth != 8 || Interlace != 0 || (ColourType != 6 && ColourType != 2))
        {
            throw new NotSupportedException($"Only 8-bit non-interlaced RGB/RGBA is decoded here (bit depth {BitDepth}, colour type {ColourType}, interlace {Interlace}).");
        }

        var channels = ColourType == 6 ? 4 : 3;
        var stride = Width * channels;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(CompressedPixels), CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        if (raw.Length != Height * (stride + 1))
        {
            throw new InvalidDataException($"Pixel data is {raw.Length} bytes; expected {Height * (stride + 1)}.");
        }

        var previous = new byte[stride];
        var current = new byte[stride];
        var pixels = new List<(byte, byte, byte, byte)>(Width * Height);
        for (var y = 0; y < Height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan((y * (stride + 1)) + 1, stride);
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? current[i - channels] : 0;
                int up = previous[i];
                int upLeft = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(row[i] + filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter} on row {y}"),
                });
            }

            for (var x = 0; x < Width; x++)
            {
                var o = x * channels;
                pixels.Add((current[o], current[o + 1], current[o + 2], channels == 4 ? current[o + 3] : (byte)255));
            }

            (previous, current) = (current, previous);
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
