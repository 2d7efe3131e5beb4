using System.Reflection;

namespace ConcernBot.Learning;

/// <summary>
/// The chart's font, carried inside the app (DejaVu Sans, Bitstream Vera licence: Fonts/DejaVuSans-LICENSE.txt). SkiaSharp's
/// Linux "NoDependencies" native build (which ScottPlot brings) has no fontconfig, and a fresh Debian machine with only the
/// .NET SDK may have no fonts at all: so the chart never depends on what the machine has installed.
/// </summary>
internal static class ChartFont
{
    public const string Family = "ConcernBot Chart Sans";
    private const string Resource = "ConcernBot.Learning.Fonts.DejaVuSans.ttf";

    private static readonly Lazy<bool> Loaded = new(Load);

    public static bool Available => Loaded.Value;

    private static bool Load()
    {
        using var font = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource);
        if (font is null)
        {
            return false;
        }

        // ScottPlot reads fonts from files: write ours once to a file of our own, named by its size so versions never mix.
        var path = Path.Combine(Path.GetTempPath(), $"concernbot-chart-font-{font.Length}.ttf");
        if (!File.Exists(path) || new FileInfo(path).Length != font.Length)
        {
            var partial = path + "." + Guid.NewGuid().ToString("N");
            using (var file = File.Create(partial))
            {
                font.CopyTo(file);
            }

            File.Move(partial, path, overwrite: true);
        }

        ScottPlot.Fonts.AddFontFile(Family, path);
        return true;
    }
}
