using ConcernBot.Learning;

namespace ConcernBot.Tests.Learning;

public sealed class ReportPeriodTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("", "2026-07-01", "2026-09-30")]
    [InlineData("last quarter", "2026-07-01", "2026-09-30")]
    [InlineData("last month", "2026-10-01", "2026-10-31")]
    [InlineData("2026-07-01 2026-09-30", "2026-07-01", "2026-09-30")]
    [InlineData("from 2026-01-01 to 2026-03-31.", "2026-01-01", "2026-03-31")]
    public void Reads_the_period_a_lead_asks_for(string text, string from, string to)
    {
        var period = ReportPeriod.Parse(text, Now);

        Assert.Equal(new ReportPeriod(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), period);
    }

    [Fact]
    public void The_last_quarter_in_January_is_the_previous_years_last()
    {
        Assert.Equal(new ReportPeriod(new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31)), ReportPeriod.LastQuarter(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("2026-09-30 2026-07-01")]
    [InlineData("2020-01-01 2026-01-01")]
    [InlineData("since the spring")]
    public void Refuses_what_it_cannot_read(string text) => Assert.Null(ReportPeriod.Parse(text, Now));
}
