using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
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
            errors.Add(new Error(ErrorCodes.Required, "Le mot de passe est obligatoire.", field));
        }
        else if (policy.Check(password) is { Count: > 0 } broken)
        {
            errors.Add(new Error(ErrorCodes.WeakPassword, PasswordMessages.Describe(policy, broken), field));
        }

        if (password != confirmation)
        {
            errors.Add(new Error(ErrorCodes.Mismatch, "Les deux mots de passe ne sont pas identiques.", field + "Confirmation"));
        }
    }

    public static void Name(List<Error> errors, string? value, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new Error(ErrorCodes.Required, $"{label} est obligatoire.", field));
        }
        else if (value.Trim().Length > 100)
        {
            errors.Add(new Error(ErrorCodes.TooLong, $"{label} : 100 caractères au plus.", field));
        }
    }
}
