namespace ConcernBot.Leads;

/// <summary>Adds working time (e.g. 4 working hours) to an instant, in the organisation's time zone and working week.</summary>
public sealed class WorkingHours
{
    private static readonly DayOfWeek[] MondayToFriday = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private readonly DeadlineOptions _options;
    private readonly HashSet<DayOfWeek> _days;

    public WorkingHours(DeadlineOptions options)
    {
        _options = options;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _days = [.. options.WorkingDays.Count > 0 ? options.WorkingDays : MondayToFriday];
        if (options.WorkingDayEnd <= options.WorkingDayStart || _days.Count == 0)
        {
            throw new ArgumentException("Working hours need a start before their end and at least one working day.", nameof(options));
        }
    }

    public TimeZoneInfo Zone { get; }

    public TimeSpan WorkingDay => _options.WorkingDayEnd - _options.WorkingDayStart;

    public DateTimeOffset Add(DateTimeOffset start, TimeSpan amount)
    {
        var cursor = TimeZoneInfo.ConvertTime(start, Zone).DateTime;
        var remaining = amount;
        for (var guard = 0; guard < 3700; guard++)
        {
            var day = cursor.Date;
            if (_days.Contains(day.DayOfWeek))
            {
                var dayStart = day + _options.WorkingDayStart;
                var dayEnd = day + _options.WorkingDayEnd;
                if (cursor < dayStart)
                {
                    cursor = dayStart;
                }

                if (cursor < dayEnd)
                {
                    var available = dayEnd - cursor;
                    if (remaining <= available)
                    {
                        return ToUtc(cursor + remaining);
                    }

                    remaining -= available;
                }
            }

            cursor = day.AddDays(1);
        }

        throw new InvalidOperationException("The working time could not be added within ten years.");
    }

    private DateTimeOffset ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, Zone), TimeSpan.Zero);
    }
}
