namespace ConcernBot.EndToEnd.Tests.Browser;

/// <summary>A small plain photo (JPEG, 120 x 90) for the browser tests that send or open one.</summary>
internal static class SamplePhoto
{
    public static byte[] Jpeg()
    {
        using var bitmap = new SkiaSharp.SKBitmap(120, 90);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(SkiaSharp.SKColors.SteelBlue);
        }

        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        return image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90).ToArray();
    }
}
