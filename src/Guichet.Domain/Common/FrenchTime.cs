namespace Guichet.Domain.Common;

/// <summary>Where seed 004 names no time zone, its dates and times are French local time.</summary>
public static class FrenchTime
{
    /// <summary>IANA id of metropolitan France's zone.</summary>
    public const string ZoneId = "Europe/Paris";

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    /// <summary>The date in Paris at <paramref name="now"/> (from 22:00 or 23:00 UTC, already tomorrow's).</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    /// <summary>The instant a date begins in Paris (midnight there, never skipped nor repeated by daylight saving), in UTC.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>
    /// The instant a Paris wall-clock time names, in UTC. A time skipped in March (02:30) is the end of the gap (03:00);
    /// a time repeated in October is its first occurrence.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime parisTime)
    {
        var local = DateTime.SpecifyKind(parisTime, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1).AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
