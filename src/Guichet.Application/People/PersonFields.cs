using Guichet.Domain.Common;
using Guichet.Domain.People;
using Guichet.Identifiers;

namespace Guichet.Application.People;

/// <summary>Checks shared by the portal's forms: email, names and the portal's password policy.</summary>
internal static class PersonFields
{
    public static string Normalize(string? email) => email?.Trim().ToLowerInvariant() ?? string.Empty;

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
        Name(errors, value, PeopleErrors.FirstNameRequired(field), PeopleErrors.FirstNameTooLong(field));

    public static void LastName(List<Error> errors, string? value, string field) =>
        Name(errors, value, PeopleErrors.LastNameRequired(field), PeopleErrors.LastNameTooLong(field));

    private static void Name(List<Error> errors, string? value, Error required, Error tooLong)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(required);
        }
        else if (value.Trim().Length > Person.MaxNameLength)
        {
            errors.Add(tooLong);
        }
    }
}
