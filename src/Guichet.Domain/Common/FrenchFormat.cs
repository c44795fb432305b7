using System.Globalization;

namespace Guichet.Domain.Common;

/// <summary>
/// How every page and email writes instants and durations for people: in French, in Paris time (<see cref="FrenchTime"/>).
/// The back office, the portal, the Partenaire space and the login brake's messages all call it.
/// </summary>
public static class FrenchFormat
{
    private static readonly CultureInfo s_french = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"03/02/2026 14:05" in Paris.</summary>
    public static string ParisTime(DateTimeOffset at) => Paris(at).ToString("dd/MM/yyyy HH:mm", s_french);

    /// <summary>"03/02/2026", the day in Paris.</summary>
    public static string ParisDate(DateTimeOffset at) => Paris(at).ToString("dd/MM/yyyy", s_french);

    /// <summary>"14:05" in Paris, rounded up to the minute: a person who waits until then is never early.</summary>
    public static string ParisClockRoundedUp(DateTimeOffset at)
    {
        var ticks = at.UtcTicks % TimeSpan.TicksPerMinute;
        var rounded = ticks == 0 ? at : at.AddTicks(TimeSpan.TicksPerMinute - ticks);
        return Paris(rounded).ToString("HH:mm", s_french);
    }

    /// <summary>"1 minute", "30 minutes": a wait in whole minutes, rounded up (never less than one).</summary>
    public static string MinutesRoundedUp(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return minutes == 1 ? "1 minute" : $"{minutes} minutes";
    }

    /// <summary>"24 heures", "1 heure", "2 jours", "30 minutes": a configured lifetime as people say it.</summary>
    public static string Lifetime(TimeSpan lifetime) => lifetime switch
    {
        { TotalDays: >= 2 } when lifetime.TotalDays % 1 == 0 => $"{(int)lifetime.TotalDays} jours",
        { TotalHours: >= 1 } when lifetime.TotalHours % 1 == 0 => Plural((int)lifetime.TotalHours, "heure"),
        _ => Plural(Math.Max(1, (int)Math.Ceiling(lifetime.TotalMinutes)), "minute"),
    };

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";

    private static DateTimeOffset Paris(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, FrenchTime.Zone);
}
