using ScottPlot;

namespace ConcernBot.Learning;

/// <summary>The report's chart: concerns raised by kind of harm, as a small PNG the card can carry inline.</summary>
public static class ReportChart
{
    public const int Width = 640;
    public const int Height = 360;

    /// <param name="title">The chart's title.</param>
    /// <param name="bars">Label and count, drawn top to bottom.</param>
    public static byte[] Draw(string title, IReadOnlyList<(string Label, int Count)> bars)
    {
        using var plot = new Plot();
        if (ChartFont.Available)
        {
            plot.Font.Set(ChartFont.Family);
        }

        var rows = bars.Count == 0 ? [(Label: "-", Count: 0)] : bars;
        var positions = Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - 1 - i)).ToArray();
        var plotted = plot.Add.Bars(positions, rows.Select(r => (double)r.Count).ToArray());
        plotted.Horizontal = true;
        plotted.Color = new Color(0x26, 0x5C, 0x8F);
        foreach (var bar in plotted.Bars)
        {
            bar.Label = bar.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        plotted.ValueLabelStyle.FontSize = 12;
        plot.Axes.Left.SetTicks(positions, [.. rows.Select(r => r.Label)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.15);
        plot.Axes.SetLimitsX(0, Math.Max(1, rows.Max(r => r.Count)) * 1.15);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Title(title, size: 14);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
