using Guichet.Domain.Common;

namespace Guichet.Application.Partners;

/// <summary>
/// The French messages of the Partenaire space's failures (establishments, their import, the accesses staff open and
/// remove), each with its stable code.
/// </summary>
public static class PartnerErrors
{
    public static Error SiretRequired(string field) => new(ErrorCodes.Required, "Le SIRET est obligatoire.", field);

    public static Error SiretInvalid(string field) =>
        new(ErrorCodes.InvalidSiret, "Le SIRET doit comporter 14 chiffres et une clé valide.", field);

    public static Error NameRequired(string field) => new(ErrorCodes.Required, "Le nom de l'établissement est obligatoire.", field);

    public static Error TooLong(string field, string what, int max) =>
        new(ErrorCodes.TooLong, $"{what} ne peut dépasser {max} caractères.", field);

    public static Error PostalCodeInvalid(string field) =>
        new(ErrorCodes.InvalidPostalCode, "Le code postal doit comporter 5 chiffres.", field);
}
