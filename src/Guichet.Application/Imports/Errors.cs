using Guichet.Domain.Common;

namespace Guichet.Application.Imports;

/// <summary>The French messages of what every back-office CSV import refuses alike: the file itself and its staged upload.</summary>
public static class ImportErrors
{
    public static Error FileType(string field) =>
        new(ErrorCodes.UnsupportedMediaType, "Le fichier doit être un fichier CSV (extension .csv ou .txt).", field);

    public static Error FileTooLarge(int megabytes, string field) =>
        new(ErrorCodes.FileTooLarge, $"Le fichier dépasse {megabytes} Mo : découpez-le ou retirez les colonnes inutiles.", field);

    public static Error FileEmpty(string field) => new(ErrorCodes.InvalidFile, "Le fichier est vide.", field);

    public static Error FileEncoding(string field) => new(ErrorCodes.InvalidFile,
        "Le fichier n'est pas un texte en UTF-8 : dans le tableur, enregistrez-le au format « CSV UTF-8 (délimité par des points-virgules) ».",
        field);

    public static Error StagedImportNotFound { get; } =
        new(ErrorCodes.StagedImportNotFound, "Cet aperçu n'existe pas ou a déjà été appliqué : déposez le fichier à nouveau.");

    public static Error StagedImportExpired { get; } =
        new(ErrorCodes.StagedImportExpired, "Cet aperçu a plus d'une heure : déposez le fichier à nouveau.");
}
