using System.Text.RegularExpressions;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Guichet.Identifiers;

namespace Guichet.Application.Accounts.Files;

/// <summary>What the free text of the file list is taken for, decided by its shape (README "Registration files").</summary>
public enum FileSearchTextKind
{
    /// <summary>14 digits (blanks, dots, dashes allowed): the SIRET, exactly.</summary>
    Siret,

    /// <summary>9 digits: a SIREN, i.e. every SIRET that starts with it.</summary>
    Siren,

    /// <summary>Contains '@': the manager's email, exactly (case-insensitive).</summary>
    ManagerEmail,

    /// <summary><c>D</c> + 8 digits + '-' + 6 characters: the folder number, exactly (case-insensitive).</summary>
    FolderNumber,

    /// <summary>Anything else: the login exactly, or a company name that starts with the text (accents and case ignored).</summary>
    LoginOrCompanyName,
}

/// <summary>
/// The free text read once. Every kind is an index seek: an equality on an indexed column, or a range on one (a prefix).
/// </summary>
/// <param name="Value">The normalized value compared (SIRET, SIREN, email, folder number), or the login for the last kind.</param>
/// <param name="CompanyNamePrefix">For <see cref="FileSearchTextKind.LoginOrCompanyName"/>: the company-name key prefix, if long enough.</param>
public sealed partial record FileSearchText(FileSearchTextKind Kind, string? Value, string? CompanyNamePrefix = null)
{
    public const int MaxLength = 250;

    /// <summary>A shorter company-name prefix would match a large part of a million files, all of which must be sorted.</summary>
    public const int MinCompanyNamePrefixLength = 2;

    /// <summary>Null when there is no text; an error when it can match nothing useful.</summary>
    public static Result<FileSearchText?> Parse(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<FileSearchText?>.Success(null);
        }

        text = text.Trim();
        if (text.Length > MaxLength)
        {
            return AccountErrors.SearchTextTooLong(field, MaxLength);
        }

        if (SearchKeys.Digits(text) is { } digits && (digits.Length == Siret.Length || digits.Length == Siren.Length))
        {
            return new FileSearchText(digits.Length == Siret.Length ? FileSearchTextKind.Siret : FileSearchTextKind.Siren, digits);
        }

        if (text.Contains('@', StringComparison.Ordinal))
        {
            return new FileSearchText(FileSearchTextKind.ManagerEmail, SearchKeys.Email(text));
        }

        if (FolderNumberShape().IsMatch(text))
        {
            return new FileSearchText(FileSearchTextKind.FolderNumber, text.ToUpperInvariant());
        }

        var login = Account.NormalizeLogin(text);
        var prefix = SearchKeys.Text(text);
        var loginOrNull = Account.IsPossibleLogin(login) ? login : null;
        var prefixOrNull = prefix is { Length: >= MinCompanyNamePrefixLength } ? prefix : null;
        return loginOrNull is null && prefixOrNull is null
            ? AccountErrors.SearchTextTooShort(field, MinCompanyNamePrefixLength)
            : new FileSearchText(FileSearchTextKind.LoginOrCompanyName, loginOrNull, prefixOrNull);
    }

    /// <summary>The shape of <see cref="FolderNumbers.Draw"/>.</summary>
    [GeneratedRegex("^D[0-9]{8}-[A-Z0-9]{6}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FolderNumberShape();
}
