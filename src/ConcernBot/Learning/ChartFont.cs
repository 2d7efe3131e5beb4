namespace ConcernBot.Learning;

/// <summary>
/// The font the chart uses. SkiaSharp's Linux "NoDependencies" build has no fontconfig, so it finds no system fonts; the chart
/// uses DejaVu Sans when the machine has it, and otherwise ScottPlot's default (text may then be missing, the bars are not).
/// </summary>
internal static class ChartFont
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    ];

    private static readonly Lazy<bool> Loaded = new(Load);

    public static bool Available => Loaded.Value;

    private static bool Load()
    {
        var file = Candidates.FirstOrDefault(File.Exists);
        if (file is null)
        {
            return false;
        }

        ScottPlot.Fonts.AddFontFile(Family, file);
        return true;
    }
}
