using System.Globalization;
using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Learning;
using Words = ConcernBot.Resources.Workspace;

namespace ConcernBot.Workspace;

/// <summary>One chart of the dashboard, with the table a screen reader reads instead.</summary>
public sealed record DashboardChart(string Id, string Title, string Kind, IReadOnlyList<string> Labels, IReadOnlyList<double> Values, IReadOnlyList<string> Shown);

/// <summary>One section of the report, as the `report` card shows it.</summary>
public sealed record DashboardSection(string Heading, IReadOnlyList<CaseFact> Facts);

/// <summary>The effectiveness dashboard: the `report` command's own figures and sections, and charts drawn from them.</summary>
public sealed record Dashboard(string Period, string From, string To, IReadOnlyList<DashboardSection> Sections, IReadOnlyList<DashboardChart> Charts);

/// <summary>
/// Builds the dashboard from <see cref="LearningFigures"/> (what `report` counts, so the two always agree) and from the
/// same concerns for what the report does not break down: by month, by service, the time to close, the 90th percentiles.
/// </summary>
public sealed class DashboardFigures(LeadsDirectory directory)
{
    public Dashboard Build(ReportPeriod period, IReadOnlyList<Concern> concerns, DateTimeOffset now)
    {
        var figures = LearningFigures.Compute(period, concerns, now);
        var raised = concerns.Where(c => period.Contains(c.ReceivedAt)).ToList();
        var closed = concerns.Where(c => c.Status == ConcernStatus.Closed && period.Contains(c.ClosedAt ?? c.Leads.Outcome?.ClosedAt)).ToList();
        var toAcknowledge = raised.Where(c => c.AcknowledgedAt is not null).Select(c => c.AcknowledgedAt!.Value - c.ReceivedAt).Order().ToList();
        var toClose = closed.Select(c => (c.ClosedAt ?? c.Leads.Outcome!.ClosedAt) - c.ReceivedAt).Order().ToList();

        var months = Months(period).ToList();
        var byService = raised.GroupBy(c => directory.ForService(c.ServiceId).Name ?? Words.ServiceDefault).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.CurrentCulture).ToList();
        var harm = LearningCards.HarmBars(figures);
        var times = new (string Label, TimeSpan? Value)[]
        {
            (Words.TimeAckMedian, Percentile(toAcknowledge, 0.5)),
            (Words.TimeAck90, Percentile(toAcknowledge, 0.9)),
            (Words.TimeCloseMedian, Percentile(toClose, 0.5)),
            (Words.TimeClose90, Percentile(toClose, 0.9)),
        };
        var asked = Enum.GetValues<DesiredOutcomesRecorded>().Select(r => (LearningText.Msp(r), figures.Get(figures.OutcomesAsked, r))).ToList();
        var achieved = Enum.GetValues<OutcomesAchieved>().Select(a => (LearningText.Achieved(a), figures.Get(figures.OutcomesAchieved, a))).ToList();
        var told = closed.Count(c => c.Leads.Outcome?.ReporterMessage is not null);

        var charts = new List<DashboardChart>
        {
            Counts("by-month", Words.ChartByMonth, "bar", months.Select(m => (m.ToString("MMM yyyy", CultureInfo.CurrentCulture), raised.Count(c => c.ReceivedAt.UtcDateTime.Year == m.Year && c.ReceivedAt.UtcDateTime.Month == m.Month)))),
            Counts("by-harm", Words.ChartByHarm, "bar", harm),
            Counts("by-service", Words.ChartByService, "bar", byService.Select(g => (g.Key, g.Count()))),
            new("times", Words.ChartTimes, "bar", [.. times.Select(t => t.Label)], [.. times.Select(t => Math.Round(t.Value?.TotalHours ?? 0, 1))], [.. times.Select(t => LearningText.Duration(t.Value))]),
            Counts("deadlines", Words.ChartDeadlines, "doughnut", [(Words.DeadlinesMet, figures.DeadlinesMet), (Words.DeadlinesMissed, figures.DeadlinesDue - figures.DeadlinesMet)]),
            Counts("outcomes-asked", Words.ChartOutcomesAsked, "bar", asked),
            Counts("outcomes-achieved", Words.ChartOutcomesAchieved, "bar", achieved),
            Counts("told", Words.ChartTold, "doughnut", [(Words.ToldYes, told), (Words.ToldNo, closed.Count - told)]),
        };

        var sections = LearningCards.ReportSections(figures)
            .Select(s => new DashboardSection(s.Heading, [.. s.Facts.Select(f => new CaseFact(f.Label, f.Value))]))
            .ToList();
        return new Dashboard(
            LearningText.Format(Resources.Learning.ReportTitle, period),
            period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            sections,
            charts);
    }

    private static DashboardChart Counts(string id, string title, string kind, IEnumerable<(string Label, int Count)> bars)
    {
        var list = bars.ToList();
        return new DashboardChart(id, title, kind, [.. list.Select(b => b.Label)], [.. list.Select(b => (double)b.Count)], [.. list.Select(b => b.Count.ToString(CultureInfo.CurrentCulture))]);
    }

    private static IEnumerable<DateOnly> Months(ReportPeriod period)
    {
        for (var month = new DateOnly(period.From.Year, period.From.Month, 1); month <= period.To; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    /// <summary>The nearest-rank percentile of sorted times; null for none.</summary>
    internal static TimeSpan? Percentile(IReadOnlyList<TimeSpan> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        if (p == 0.5)
        {
            var n = sorted.Count;
            return n % 2 == 1 ? sorted[n / 2] : TimeSpan.FromTicks((sorted[(n / 2) - 1].Ticks + sorted[n / 2].Ticks) / 2);
        }

        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
