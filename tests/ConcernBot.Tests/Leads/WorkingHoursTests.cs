using ConcernBot.Leads;

namespace ConcernBot.Tests.Leads;

public sealed class WorkingHoursTests
{
    private static readonly WorkingHours London = new(new DeadlineOptions());

    [Theory]
    [InlineData("2026-11-27T15:00:00Z", 4, "2026-11-30T11:00:00Z")] // Friday afternoon -> Monday morning
    [InlineData("2026-11-24T07:30:00Z", 4, "2026-11-24T13:00:00Z")] // before the day starts
    [InlineData("2026-11-28T12:00:00Z", 1, "2026-11-30T10:00:00Z")] // Saturday
    [InlineData("2026-06-10T08:00:00Z", 4, "2026-06-10T12:00:00Z")] // summer time: 09:00 BST is 08:00 UTC
    [InlineData("2026-11-24T16:30:00Z", 8, "2026-11-25T16:30:00Z")] // one working day
    public void Adds_working_hours_in_the_organisations_week_and_time_zone(string start, double hours, string expected)
    {
        var due = London.Add(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(hours));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }
}
