using System.Globalization;
using System.Text.RegularExpressions;

namespace ConcernBot.Learning;

/// <summary>A period of whole days (UTC), both ends included.</summary>
public sealed partial record ReportPeriod(DateOnly From, DateOnly To)
{
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first moment after the period.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public bool Contains(DateTimeOffset? at) => at is { } t && t >= Start && t < End;

    public override string ToString() =>
        $"{From.ToString("d MMM yyyy", CultureInfo.InvariantCulture)} to {To.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>The last whole calendar quarter before <paramref name="now"/>.</summary>
    public static ReportPeriod LastQuarter(DateTimeOffset now)
    {
        var thisQuarter = new DateOnly(now.UtcDateTime.Year, ((now.UtcDateTime.Month - 1) / 3 * 3) + 1, 1);
        var from = thisQuarter.AddMonths(-3);
        return new ReportPeriod(from, thisQuarter.AddDays(-1));
    }

    public static ReportPeriod LastMonth(DateTimeOffset now)
    {
        var thisMonth = new DateOnly(now.UtcDateTime.Year, now.UtcDateTime.Month, 1);
        return new ReportPeriod(thisMonth.AddMonths(-1), thisMonth.AddDays(-1));
    }

    /// <summary>
    /// Reads what follows the command word: nothing or "last quarter" (the default), "last month", or two dates
    /// "2026-07-01 2026-09-30". Null when it cannot be read (or the dates are backwards, or span more than two years).
    /// </summary>
    public static ReportPeriod? Parse(string? text, DateTimeOffset now)
    {
        var words = (text ?? "").Trim().TrimEnd('.', '!', '?').Trim().ToLowerInvariant();
        if (words is "" or "last quarter" or "quarter")
        {
            return LastQuarter(now);
        }

        if (words is "last month" or "month")
        {
            return LastMonth(now);
        }

        var dates = TwoDates().Match(words);
        if (!dates.Success
            || !DateOnly.TryParseExact(dates.Groups["from"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(dates.Groups["to"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || to < from
            || to.DayNumber - from.DayNumber > 732)
        {
            return null;
        }

        return new ReportPeriod(from, to);
    }

    [GeneratedRegex(@"^(?:from\s+)?(?<from>\d{4}-\d{2}-\d{2})\s*(?:to|-|–|until)?\s*(?<to>\d{4}-\d{2}-\d{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TwoDates();
}
