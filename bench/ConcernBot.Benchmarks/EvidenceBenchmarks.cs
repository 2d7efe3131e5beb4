using BenchmarkDotNet.Attributes;
using ConcernBot.Evidence;
using ConcernBot.Storage.EvidenceFolder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace ConcernBot.Benchmarks;

/// <summary>
/// Storing a 5 MB photo (a phone-sized JPEG of noise, so it does not shrink): the whole of EvidenceLocker.AddAsync
/// (type check, decode and re-encode, two seals, two files written), and its parts. Each store is a new concern.
/// </summary>
[MemoryDiagnoser]
public class EvidenceBenchmarks
{
    private byte[] _photo = [];
    private DirectoryInfo _folder = null!;
    private EvidenceLocker _locker = null!;
    private EvidenceSealer _sealer = null!;
    private int _concern;

    [GlobalSetup]
    public void Setup()
    {
        _photo = NoisyJpeg(5L * 1024 * 1024);
        Console.WriteLine($"// photo: {_photo.Length:N0} bytes");
        _folder = Directory.CreateTempSubdirectory("concernbot-bench-evidence-");
        _sealer = new EvidenceSealer(new EphemeralDataProtectionProvider());
        _locker = new EvidenceLocker(new FolderEvidenceStore(_folder.FullName, TimeProvider.System), _sealer, Options.Create(new EvidenceOptions()));
    }

    [GlobalCleanup]
    public void Cleanup() => _folder.Delete(recursive: true);

    [Benchmark(Description = "Store a 5 MB photo (clean, seal, write)")]
    public async Task<EvidenceAdded> Store() =>
        await _locker.AddAsync("concern-bench-" + Interlocked.Increment(ref _concern), anonymous: true, new IncomingFile("photo.jpg", "image/jpeg", _photo), CancellationToken.None);

    [Benchmark(Description = "Clean a 5 MB photo (decode, re-encode)")]
    public byte[]? Clean() => EvidenceCleaner.Clean(_photo, EvidenceType.Jpeg);

    [Benchmark(Description = "Seal 5 MB (AES-GCM, wrapped key)")]
    public byte[] Seal() => _sealer.Seal("concern-bench", "file", _photo);

    /// <summary>A JPEG of random pixels of about <paramref name="target"/> bytes (noise keeps it from compressing).</summary>
    private static byte[] NoisyJpeg(long target)
    {
        var random = new Random(17);
        var (width, height) = (1600, 1200);
        for (; ; width += 200, height += 150)
        {
            using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
            var pixels = new byte[width * height * 4];
            random.NextBytes(pixels);
            System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
            using var image = SKImage.FromBitmap(bitmap);
            var bytes = image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
            if (bytes.Length >= target)
            {
                return bytes;
            }
        }
    }
}
