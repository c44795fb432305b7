using System.Globalization;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Guichet.Identifiers;

namespace Guichet.Application.People;

/// <summary>
/// Checks shared by the portal's forms: email, names and the portal's password policy. Names reach emails (to the
/// person, to a company's administrators): no line breaks or control characters, no web address a stranger could slip in.
/// </summary>
internal static class PersonFields
{
    public static string Normalize(string? email) => Person.NormalizeEmail(email);

    public static void Password(List<Error> errors, PasswordPolicy policy, string? password, string? confirmation, string field = "Password")
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(PeopleErrors.PasswordRequired(field));
        }
        else if (policy.Check(password) is { Count: > 0 } broken)
        {
            errors.Add(PeopleErrors.PasswordTooWeak(policy, broken, field));
        }

        if (password != confirmation)
        {
            errors.Add(PeopleErrors.PasswordsDiffer(field + "Confirmation"));
        }
    }

    public static void FirstName(List<Error> errors, string? value, string field) =>
        Name(errors, value, PeopleErrors.FirstNameRequired(field), PeopleErrors.FirstNameTooLong(field),
            PeopleErrors.FirstNameControlCharacters(field), PeopleErrors.FirstNameLooksLikeLink(field));

    public static void LastName(List<Error> errors, string? value, string field) =>
        Name(errors, value, PeopleErrors.LastNameRequired(field), PeopleErrors.LastNameTooLong(field),
            PeopleErrors.LastNameControlCharacters(field), PeopleErrors.LastNameLooksLikeLink(field));

    private static void Name(List<Error> errors, string? value, Error required, Error tooLong, Error control, Error link)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(required);
            return;
        }

        if (value.Trim().Length > Person.MaxNameLength)
        {
            errors.Add(tooLong);
        }

        if (value.Any(IsControl))
        {
            errors.Add(control);
        }

        if (value.Contains("://", StringComparison.Ordinal) || value.Contains("www.", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(link);
        }
    }

    /// <summary>Control characters (line breaks, tab), invisible format characters (direction overrides) and line separators.</summary>
    private static bool IsControl(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
