using System.Globalization;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;

namespace Guichet.Server.Areas.BackOffice;

/// <summary>How the back office writes instants, durations and codes for staff: in French, in Paris time.</summary>
public static class BackOfficeFormat
{
    /// <summary>What a date field accepts: the browser's date input (ISO) and the way staff type a date.</summary>
    private static readonly string[] s_dateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>"03/02/2026 14:05" in Paris.</summary>
    public static string ParisTime(DateTimeOffset at) => FrenchFormat.ParisTime(at);

    /// <summary>"2026-02-03T14:05:09+01:00": Paris time in ISO 8601, with its offset (files read by programs).</summary>
    public static string ParisIsoTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, FrenchTime.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Paris time, or <paramref name="none"/> when there is no moment ("Jamais" for a sign-in never made).</summary>
    public static string ParisTime(DateTimeOffset? at, string none = "—") => at is { } value ? ParisTime(value) : none;

    /// <summary>"3 j 4 h", "5 h 12 min", "7 min", "moins d'une minute".</summary>
    public static string Age(TimeSpan age) => age switch
    {
        { TotalDays: >= 1 } => $"{(int)age.TotalDays} j {age.Hours} h",
        { TotalHours: >= 1 } => $"{(int)age.TotalHours} h {age.Minutes} min",
        { TotalMinutes: >= 1 } => $"{(int)age.TotalMinutes} min",
        _ => "moins d'une minute",
    };

    /// <summary>"362 521 879 00034": a SIRET as people read it (SIREN in threes, then the establishment's number).</summary>
    public static string Siret(string siret) => Identifiers.Siret.Spaced(siret);

    /// <summary>"362 521 879".</summary>
    public static string Siren(string siren) => Identifiers.Siren.Spaced(siren);

    public static string Kind(AccountKind kind) => kind switch
    {
        AccountKind.Primary => "Primaire",
        AccountKind.Secondary => "Secondaire",
        _ => "Administrateur",
    };

    public static string Environment(bool isTest) => isTest ? "Test" : "Réel";

    /// <summary>A calendar day typed in a filter ("2026-02-03", "03/02/2026"), or null when it is not one.</summary>
    public static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), s_dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A code sent by a form (a state, an action, a category): one of the enum's names exactly, or null (never a number).</summary>
    public static TEnum? Code<TEnum>(string? value)
        where TEnum : struct, Enum =>
        value is not null && Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal) ? Enum.Parse<TEnum>(value) : null;
}
