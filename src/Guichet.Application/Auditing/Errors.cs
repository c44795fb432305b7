using Guichet.Domain.Common;

namespace Guichet.Application.Auditing;

/// <summary>The French messages of the audit trail's reader, each with its stable code.</summary>
public static class AuditErrors
{
    public static Error PageSizeOutOfRange(string field, int max) =>
        new(ErrorCodes.OutOfRange, $"Le nombre d'événements par page va de 1 à {max}.", field);

    public static Error InvalidCursor(string field) =>
        new(ErrorCodes.InvalidValue, "Ce lien de pagination n'est pas valide : revenez à la première page.", field);

    public static Error InvalidPeriod(string field) =>
        new(ErrorCodes.InvalidValue, "La fin de la période précède son début.", field);

    /// <summary>A date or time the filter cannot read (a hand-edited address, a typing slip).</summary>
    public static Error InvalidFilterTime(string field) =>
        new(ErrorCodes.InvalidDate, "Date invalide : écrivez-la jj/mm/aaaa, éventuellement suivie de l'heure hh:mm.", field);

    public static Error UnknownEvent(string field, string value) =>
        new(ErrorCodes.InvalidValue, $"« {value} » n'est pas un événement du journal.", field);

    /// <summary>A filter of the trail given a value its choices do not hold.</summary>
    public static Error UnknownFilterValue(string field, string value) =>
        new(ErrorCodes.InvalidValue, $"« {value} » n'est pas une valeur possible de ce filtre.", field);

    public static Error FilterTooLong(string field, int max) =>
        new(ErrorCodes.TooLong, $"Ce filtre ne peut dépasser {max} caractères.", field);
}
