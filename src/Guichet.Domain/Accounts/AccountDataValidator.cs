using Guichet.Domain.Common;
using Guichet.Identifiers;

namespace Guichet.Domain.Accounts;

/// <summary>
/// The field controls of seed 004 §2.3.3 (primary) and §3.3.4 (secondary). Every error of a file is reported at once.
/// Uniqueness of the account name needs the store and is checked by the use case.
/// </summary>
public static class AccountDataValidator
{
    public static IReadOnlyList<Error> ValidatePrimary(PrimaryAccountData data, AccountRules rules)
    {
        var checks = new FieldChecks();
        AccountName(checks, data.AccountName, AccountRules.MaxLoginLength - rules.LoginPrefixLength);
        checks.RequireValue(nameof(data.Category), data.Category);
        if (checks.Digits(nameof(data.SecondaryAccountCount), data.SecondaryAccountCount, 1, 3, required: true)
            && int.Parse(data.SecondaryAccountCount!, System.Globalization.CultureInfo.InvariantCulture) > rules.MaxSecondaryAccounts)
        {
            checks.Add(nameof(data.SecondaryAccountCount), ErrorCodes.OutOfRange,
                $"Au plus {rules.MaxSecondaryAccounts} comptes secondaires pour cette marque blanche.");
        }

        var category = data.Category;
        var needsOrderNumber = category is AccountCategory.PUBLIC_ACCOUNTANT or AccountCategory.OGA;
        checks.Text(nameof(data.OrderNumber), data.OrderNumber, 12, required: needsOrderNumber);
        if (!FieldChecks.IsAbsent(data.OrderNumber) && !data.OrderNumber!.All(char.IsAsciiLetterOrDigit))
        {
            checks.Add(nameof(data.OrderNumber), ErrorCodes.InvalidValue,
                "Le numéro d'inscription à l'ordre ne comporte que des lettres et des chiffres.");
        }

        Common(checks, data, category, rules);
        Billing(checks, data, rules);
        Test(checks, data.Test, rules);
        return checks.Errors;
    }

    /// <param name="category">The primary's: a secondary has its primary's category (§3.3.1).</param>
    public static IReadOnlyList<Error> ValidateSecondary(SecondaryAccountData data, AccountCategory category, AccountRules rules)
    {
        var checks = new FieldChecks();
        AccountName(checks, data.AccountName, AccountRules.MaxLoginLength);
        Common(checks, data, category, rules);
        Test(checks, data.Test, rules);
        return checks.Errors;
    }

    /// <summary>§4.3.1: "150 maximum" for the allowance a modification sets, within the white label's own maximum.</summary>
    public const int MaxSecondaryAccountsInModification = 150;

    /// <summary>
    /// A modification's new secondary allowance (§4.3.1): at most 150 and the white label's maximum, and never below
    /// the secondaries the primary already has. Checked only when the request gives one; its format comes with the file's rules.
    /// </summary>
    public static IReadOnlyList<Error> ValidateAllowanceChange(string requested, int openedSecondaries, AccountRules rules)
    {
        const string field = nameof(PrimaryAccountData.SecondaryAccountCount);
        if (requested is not { Length: >= 1 and <= 3 } || !requested.All(char.IsAsciiDigit))
        {
            return [];
        }

        var checks = new FieldChecks();
        var value = int.Parse(requested, System.Globalization.CultureInfo.InvariantCulture);
        if (value > rules.MaxSecondaryAccounts)
        {
            // Already reported by ValidatePrimary.
            return [];
        }

        if (value > MaxSecondaryAccountsInModification)
        {
            checks.Add(field, ErrorCodes.OutOfRange, $"Au plus {MaxSecondaryAccountsInModification} comptes secondaires dans une modification.");
        }
        else if (value < openedSecondaries)
        {
            checks.Add(field, ErrorCodes.OutOfRange,
                $"Le compte primaire a déjà {openedSecondaries} comptes secondaires : "
                + "son nombre de comptes secondaires ne peut pas être inférieur.");
        }

        return checks.Errors;
    }

    /// <summary>Letters, digits, '-' and '_': the '.' separates a secondary's name from its primary's login.</summary>
    public static bool IsWellFormedAccountName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static void AccountName(FieldChecks checks, string? name, int max)
    {
        const string field = nameof(AccountData.AccountName);
        if (!checks.Require(field, name))
        {
            return;
        }

        if (name!.Length > max)
        {
            checks.Add(field, ErrorCodes.TooLong, $"{max} caractères au plus.");
        }
        else if (!IsWellFormedAccountName(name))
        {
            checks.Add(field, ErrorCodes.InvalidAccountName, "Lettres non accentuées, chiffres, « - » et « _ » uniquement.");
        }
    }

    private static void Common(FieldChecks checks, AccountData data, AccountCategory? category, AccountRules rules)
    {
        var personal = category == AccountCategory.PERSONNAL;
        checks.Text(nameof(data.CorporateOfficerName), data.CorporateOfficerName, 40);
        checks.Digits(nameof(data.EdiPartnerNumber), data.EdiPartnerNumber, 7, 7);
        // Individuals have neither SIRET nor company name; everyone else must give both (§2.3.1 "(*)").
        checks.Siret(nameof(data.Siret), data.Siret, required: category is not null && !personal);
        checks.Text(nameof(data.CompanyName), data.CompanyName, AccountData.MaxCompanyNameLength, required: category is not null && !personal);
        checks.Address(nameof(data.Address), data.Address, required: true);
        checks.Digits(nameof(data.TaxNumber), data.TaxNumber, 13, 13, required: personal);
        checks.Password(nameof(data.Password), data.Password, rules.PasswordPolicy);
        checks.Text(nameof(data.AlertProfile), data.AlertProfile, 20);
        Manager(checks, data.Manager);
        Teleprocedures(checks, data);
        Contact(checks, nameof(data.TechnicalContact), data.TechnicalContact);
        Contact(checks, nameof(data.AdministrativeContact), data.AdministrativeContact);
        Gdpr(checks, data.GdprContact);
    }

    private static void Manager(FieldChecks checks, AccountManager? manager)
    {
        const string field = nameof(AccountData.Manager);
        if (manager is null)
        {
            checks.Add(field, ErrorCodes.Required, "Ce champ est obligatoire.");
            return;
        }

        checks.RequireValue($"{field}.Civility", manager.Civility);
        checks.Text($"{field}.LastName", manager.LastName, 35, required: true);
        checks.Text($"{field}.FirstName", manager.FirstName, 35, required: true);
        checks.Email($"{field}.Email", manager.Email, required: true);
        checks.Phone($"{field}.Phone", manager.Phone, required: true);
        checks.Phone($"{field}.Fax", manager.Fax, required: false);
    }

    private static void Teleprocedures(FieldChecks checks, AccountData data)
    {
        var subscribed = data.Teleprocedures ?? [];
        if (subscribed.Count == 0)
        {
            checks.Add(nameof(data.Teleprocedures), ErrorCodes.NoTeleprocedure, "Au moins une téléprocédure doit être choisie.");
        }

        if (subscribed.Contains(Teleprocedure.DSN))
        {
            const string field = nameof(data.Dsn);
            if (data.Dsn is null)
            {
                checks.Add(field, ErrorCodes.Required, "Les paramètres DSN sont obligatoires avec la téléprocédure DSN.");
            }
            else
            {
                checks.Siret($"{field}.Siret", data.Dsn.Siret, required: true);
                checks.Text($"{field}.LastName", data.Dsn.LastName, 35, required: true);
                checks.Text($"{field}.FirstName", data.Dsn.FirstName, 35, required: true);
                checks.RequireValue($"{field}.SendSettingsSheet", data.Dsn.SendSettingsSheet);
                checks.RequireValue($"{field}.SendBpijSheet", data.Dsn.SendBpijSheet);
            }
        }

        if (subscribed.Contains(Teleprocedure.DPAE))
        {
            const string field = nameof(data.Dpae);
            if (data.Dpae is null)
            {
                checks.Add(field, ErrorCodes.Required, "Les paramètres DPAE sont obligatoires avec la téléprocédure DPAE.");
            }
            else
            {
                checks.Siret($"{field}.Siret", data.Dpae.Siret, required: true);
                checks.Text($"{field}.LastName", data.Dpae.LastName, 35, required: true);
                checks.Text($"{field}.FirstName", data.Dpae.FirstName, 35, required: true);
            }
        }
    }

    private static void Contact(FieldChecks checks, string field, Contact? contact)
    {
        if (contact is null)
        {
            return;
        }

        checks.Text($"{field}.Name", contact.Name, 35);
        checks.Email($"{field}.Email", contact.Email, required: false);
        checks.Phone($"{field}.Phone", contact.Phone, required: false);
    }

    private static void Gdpr(FieldChecks checks, GdprContact? contact)
    {
        const string field = nameof(AccountData.GdprContact);
        if (contact is null)
        {
            checks.Add(field, ErrorCodes.Required, "Le responsable des données personnelles (RGPD) est obligatoire.");
            return;
        }

        checks.Text($"{field}.LastName", contact.LastName, 35, required: true);
        checks.Text($"{field}.FirstName", contact.FirstName, 35, required: true);
        checks.Text($"{field}.Function", contact.Function, 35, required: true);
        checks.Phone($"{field}.Phone", contact.Phone, required: true);
        checks.Email($"{field}.Email", contact.Email, required: true);
    }

    private static void Billing(FieldChecks checks, PrimaryAccountData data, AccountRules rules)
    {
        const string field = nameof(data.Billing);
        var billing = data.Billing;
        checks.Address($"{field}.Address", billing?.Address, required: false);
        checks.Date($"{field}.StartDate", billing?.StartDate, rules.Today);

        // The VAT number is required for France and EU members (§2.3.1), judged on the billing country, or the
        // account's own when billing has none. Individuals (PERSONNAL) have none. The seed gives 4..12 characters,
        // but a French number is 13 with its prefix and a Dutch one 14: we take the number with its country prefix, up to 14.
        var country = FieldChecks.IsAbsent(billing?.Address?.Country) ? data.Address?.Country : billing!.Address!.Country;
        var required = data.Category is not null and not AccountCategory.PERSONNAL
            && country is not null && (country == "FR" || Countries.IsEuropeanUnionMember(country));
        var vat = billing?.VatNumber;
        var vatField = $"{field}.VatNumber";
        if (FieldChecks.IsAbsent(vat))
        {
            if (required)
            {
                checks.Add(vatField, ErrorCodes.Required,
                    "Le numéro de TVA intracommunautaire est obligatoire pour la France et l'Union européenne.");
            }
        }
        else if (vat!.Length is < 4 or > 14)
        {
            checks.Add(vatField, ErrorCodes.InvalidLength, "De 4 à 14 caractères, préfixe pays compris.");
        }
        else if (!VatNumber.IsValid(vat))
        {
            checks.Add(vatField, ErrorCodes.InvalidVatNumber, "Numéro de TVA intracommunautaire invalide.");
        }
    }

    /// <summary>A test-environment white label only registers test accounts (§2.3.1 "Test").</summary>
    private static void Test(FieldChecks checks, bool? test, AccountRules rules)
    {
        if (rules.TestEnvironment && test == false)
        {
            checks.Add(nameof(AccountData.Test), ErrorCodes.InvalidValue,
                "Cette marque blanche est en environnement de test : seuls des comptes de test sont acceptés.");
        }
    }
}
