using ConcernBot.Learning;
using SkiaSharp;

namespace ConcernBot.Tests.Learning;

public sealed class ReportChartTests
{
    [Fact]
    public void The_chart_is_a_small_PNG_of_the_right_size_with_bars_drawn()
    {
        var png = ReportChart.Draw("Concerns raised by kind of harm", [("Physical", 7), ("Neglect", 3), ("Financial", 1)]);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length < 45_000, $"The chart is {png.Length} bytes; the card carries it inline and must stay small.");
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal(ReportChart.Width, bitmap.Width);
        Assert.Equal(ReportChart.Height, bitmap.Height);

        // The bars are drawn in the chart's blue.
        var blue = Enumerable.Range(0, bitmap.Width).SelectMany(x => Enumerable.Range(0, bitmap.Height).Select(y => bitmap.GetPixel(x, y)))
            .Count(p => p.Red == 0x26 && p.Green == 0x5C && p.Blue == 0x8F);
        Assert.True(blue > 2_000, $"Expected bars in the chart, found {blue} bar pixels.");
    }

    [Fact]
    public void A_period_with_nothing_raised_still_draws_a_chart()
    {
        using var bitmap = SKBitmap.Decode(ReportChart.Draw("Concerns raised by kind of harm", []));

        Assert.Equal(ReportChart.Width, bitmap.Width);
    }

    [Fact]
    public void The_chart_has_its_labels_drawn_in_its_own_font()
    {
        Assert.True(ChartFont.Available, "The chart's embedded font (Learning/Fonts/DejaVuSans.ttf) could not be loaded.");
        var png = ReportChart.Draw("Concerns raised by kind of harm", [("Physical", 7)]);
        using var bitmap = SKBitmap.Decode(png);

        // Dark text pixels in the title band at the top: the font was found and used.
        var dark = Enumerable.Range(0, bitmap.Width).SelectMany(x => Enumerable.Range(0, 30).Select(y => bitmap.GetPixel(x, y)))
            .Count(p => p.Red < 100 && p.Green < 100 && p.Blue < 100);
        Assert.True(dark > 50, "No title text drawn: the chart's own font (Learning/Fonts, embedded) was not used.");
    }
}
