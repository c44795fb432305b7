using System.Reflection;
using Guichet.Domain.Common;

namespace Guichet.Domain.Accounts;

/// <summary>
/// Applies a modification request (§4.3) to a stored file: a null member leaves the stored value, an empty string
/// clears it, any other value replaces it; nested groups merge member by member, non-empty lists are replaced whole.
/// </summary>
public static class AccountDataMerger
{
    /// <summary>Returns the merged copy and the errors of members §4.3 marks as not modifiable (or leaves out, like Test).</summary>
    /// <param name="stored">The stored file; its <c>Test</c> must be the account's flag in force.</param>
    public static (T Merged, IReadOnlyList<Error> Errors) Merge<T>(T stored, T changes)
        where T : AccountData
    {
        var errors = new List<Error>();
        var merged = (T)Copy(stored);
        if (changes.Password is not null)
        {
            merged.Password = changes.Password;
        }

        // §4.3.1 and §4.3.2 do not list Test: an account stays a test or a real one, as registered.
        if (changes.Test is { } test && test != stored.Test)
        {
            errors.Add(new Error(ErrorCodes.NotModifiable, "Le type de compte (test ou réel) n'est pas modifiable.", nameof(AccountData.Test)));
        }

        if (changes is PrimaryAccountData primaryChanges && stored is PrimaryAccountData primaryStored)
        {
            // Bold rows of §4.3.1: the category and the billing start date stay as registered.
            if (primaryChanges.Category is { } category && category != primaryStored.Category)
            {
                errors.Add(new Error(ErrorCodes.NotModifiable, "La catégorie n'est pas modifiable.", nameof(PrimaryAccountData.Category)));
            }

            if (primaryChanges.Billing?.StartDate is { Length: > 0 } start && start != primaryStored.Billing?.StartDate)
            {
                errors.Add(new Error(ErrorCodes.NotModifiable, "La date de début de facturation n'est pas modifiable.", "Billing.StartDate"));
            }
        }

        MergeInto(merged, changes);
        if (merged is PrimaryAccountData primary)
        {
            primary.Category = ((PrimaryAccountData)(AccountData)stored).Category;
            if (primary.Billing is not null)
            {
                primary.Billing.StartDate = ((PrimaryAccountData)(AccountData)stored).Billing?.StartDate;
            }
        }

        // The account name identifies the account and never changes.
        merged.AccountName = stored.AccountName;
        merged.Test = stored.Test;
        return (merged, errors);
    }

    private static void MergeInto(object target, object changes)
    {
        foreach (var property in changes.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || property.Name == nameof(AccountData.Password))
            {
                continue;
            }

            var change = property.GetValue(changes);
            // XML binding turns an absent list into an empty one; a file always needs a teleprocedure, so empty means unchanged.
            if (change is null or System.Collections.ICollection { Count: 0 })
            {
                continue;
            }

            var type = property.PropertyType;
            if (type == typeof(string))
            {
                property.SetValue(target, ((string)change).Length == 0 ? null : change);
            }
            else if (type.IsClass && !type.IsGenericType)
            {
                var current = property.GetValue(target) ?? Activator.CreateInstance(type)!;
                MergeInto(current, change);
                property.SetValue(target, current);
            }
            else
            {
                property.SetValue(target, change);
            }
        }
    }

    private static AccountData Copy(AccountData data) =>
        System.Text.Json.JsonSerializer.Deserialize<AccountData>(System.Text.Json.JsonSerializer.Serialize(data))!;
}
