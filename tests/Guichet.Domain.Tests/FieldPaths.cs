using Guichet.Domain.Accounts;

namespace Guichet.Domain.Tests;

/// <summary>Sets a string field of a file by the path validation reports it under, creating the group if needed.</summary>
public static class FieldPaths
{
    public static void Set(AccountData data, string path, string? value)
    {
        switch (path)
        {
            case "AccountName": data.AccountName = value; break;
            case "CorporateOfficerName": data.CorporateOfficerName = value; break;
            case "EdiPartnerNumber": data.EdiPartnerNumber = value; break;
            case "Siret": data.Siret = value; break;
            case "CompanyName": data.CompanyName = value; break;
            case "TaxNumber": data.TaxNumber = value; break;
            case "Password": data.Password = value; break;
            case "AlertProfile": data.AlertProfile = value; break;
            case "Address.Street": (data.Address ??= new()).Street = value; break;
            case "Address.Complement": (data.Address ??= new()).Complement = value; break;
            case "Address.PostBox": (data.Address ??= new()).PostBox = value; break;
            case "Address.City": (data.Address ??= new()).City = value; break;
            case "Address.PostalCode": (data.Address ??= new()).PostalCode = value; break;
            case "Address.Country": (data.Address ??= new()).Country = value; break;
            case "Manager.LastName": (data.Manager ??= new()).LastName = value; break;
            case "Manager.FirstName": (data.Manager ??= new()).FirstName = value; break;
            case "Manager.Email": (data.Manager ??= new()).Email = value; break;
            case "Manager.Phone": (data.Manager ??= new()).Phone = value; break;
            case "Manager.Fax": (data.Manager ??= new()).Fax = value; break;
            case "TechnicalContact.Name": (data.TechnicalContact ??= new()).Name = value; break;
            case "TechnicalContact.Email": (data.TechnicalContact ??= new()).Email = value; break;
            case "TechnicalContact.Phone": (data.TechnicalContact ??= new()).Phone = value; break;
            case "AdministrativeContact.Name": (data.AdministrativeContact ??= new()).Name = value; break;
            case "AdministrativeContact.Email": (data.AdministrativeContact ??= new()).Email = value; break;
            case "AdministrativeContact.Phone": (data.AdministrativeContact ??= new()).Phone = value; break;
            case "GdprContact.LastName": (data.GdprContact ??= new()).LastName = value; break;
            case "GdprContact.FirstName": (data.GdprContact ??= new()).FirstName = value; break;
            case "GdprContact.Function": (data.GdprContact ??= new()).Function = value; break;
            case "GdprContact.Phone": (data.GdprContact ??= new()).Phone = value; break;
            case "GdprContact.Email": (data.GdprContact ??= new()).Email = value; break;
            case "Dsn.Siret": (data.Dsn ??= new()).Siret = value; break;
            case "Dsn.LastName": (data.Dsn ??= new()).LastName = value; break;
            case "Dsn.FirstName": (data.Dsn ??= new()).FirstName = value; break;
            case "Dpae.Siret": (data.Dpae ??= new()).Siret = value; break;
            case "Dpae.LastName": (data.Dpae ??= new()).LastName = value; break;
            case "Dpae.FirstName": (data.Dpae ??= new()).FirstName = value; break;
            default: SetPrimary((PrimaryAccountData)data, path, value); break;
        }
    }

    private static void SetPrimary(PrimaryAccountData data, string path, string? value)
    {
        switch (path)
        {
            case "SecondaryAccountCount": data.SecondaryAccountCount = value; break;
            case "OrderNumber": data.OrderNumber = value; break;
            case "Billing.StartDate": (data.Billing ??= new()).StartDate = value; break;
            case "Billing.VatNumber": (data.Billing ??= new()).VatNumber = value; break;
            case "Billing.Address.Street": Billing(data).Street = value; break;
            case "Billing.Address.Complement": Billing(data).Complement = value; break;
            case "Billing.Address.PostBox": Billing(data).PostBox = value; break;
            case "Billing.Address.City": Billing(data).City = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(path), path, "Unknown field path.");
        }
    }

    private static PostalAddress Billing(PrimaryAccountData data) => (data.Billing ??= new()).Address ??= new();
}
