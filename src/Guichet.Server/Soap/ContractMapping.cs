using Accounts = Guichet.Domain.Accounts;
using Wire = Guichet.Server.Soap.Contract;

namespace Guichet.Server.Soap;

/// <summary>
/// The one place where the SOAP contract meets the domain. Every member is mapped by hand, so renaming a domain
/// type, property or enum member fails to compile here instead of silently changing the WSDL (see the golden WSDL test).
/// </summary>
public static class ContractMapping
{
    public static Accounts.PrimaryAccountData ToDomain(this Wire.PrimaryAccountData wire) => Fill(new Accounts.PrimaryAccountData
    {
        SecondaryAccountCount = wire.SecondaryAccountCount,
        Category = wire.Category?.ToDomain(),
        OrderNumber = wire.OrderNumber,
        Billing = wire.Billing is { } billing
            ? new Accounts.BillingInfo { Address = billing.Address?.ToDomain(), StartDate = billing.StartDate, VatNumber = billing.VatNumber }
            : null,
    }, wire);

    public static Accounts.SecondaryAccountData ToDomain(this Wire.SecondaryAccountData wire) =>
        Fill(new Accounts.SecondaryAccountData { Mailbox = wire.Mailbox }, wire);

    public static Accounts.AccountAction ToDomain(this Wire.AccountAction action) => action switch
    {
        Wire.AccountAction.BACK_TO_STATE_IN_PROGRESS => Accounts.AccountAction.BACK_TO_STATE_IN_PROGRESS,
        Wire.AccountAction.BACK_TO_STATE_WAITING => Accounts.AccountAction.BACK_TO_STATE_WAITING,
        Wire.AccountAction.BACK_TO_STATE_SUSPENDED => Accounts.AccountAction.BACK_TO_STATE_SUSPENDED,
        Wire.AccountAction.REJECT => Accounts.AccountAction.REJECT,
        Wire.AccountAction.VALIDATE => Accounts.AccountAction.VALIDATE,
        Wire.AccountAction.ENROLL => Accounts.AccountAction.ENROLL,
        Wire.AccountAction.DISABLE => Accounts.AccountAction.DISABLE,
        Wire.AccountAction.ENABLE => Accounts.AccountAction.ENABLE,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static Wire.AccountState ToWire(this Accounts.AccountState state) => state switch
    {
        Accounts.AccountState.CREATION_IN_PROGRESS => Wire.AccountState.CREATION_IN_PROGRESS,
        Accounts.AccountState.CREATION_SUSPENDED => Wire.AccountState.CREATION_SUSPENDED,
        Accounts.AccountState.WAIT_FOR_FILES => Wire.AccountState.WAIT_FOR_FILES,
        Accounts.AccountState.BO_VALIDATED => Wire.AccountState.BO_VALIDATED,
        Accounts.AccountState.BO_REJECTED => Wire.AccountState.BO_REJECTED,
        Accounts.AccountState.REGISTRATION_IN_PROGRESS => Wire.AccountState.REGISTRATION_IN_PROGRESS,
        Accounts.AccountState.REGISTERED => Wire.AccountState.REGISTERED,
        Accounts.AccountState.CLOSED => Wire.AccountState.CLOSED,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    private static T Fill<T>(T domain, Wire.AccountData wire)
        where T : Accounts.AccountData
    {
        domain.AccountName = wire.AccountName;
        domain.CorporateOfficerName = wire.CorporateOfficerName;
        domain.EdiPartnerNumber = wire.EdiPartnerNumber;
        domain.Siret = wire.Siret;
        domain.CompanyName = wire.CompanyName;
        domain.Address = wire.Address?.ToDomain();
        domain.Test = wire.Test;
        domain.TaxNumber = wire.TaxNumber;
        domain.Password = wire.Password;
        domain.AlertProfile = wire.AlertProfile;
        domain.Manager = wire.Manager is { } manager
            ? new Accounts.AccountManager
            {
                Civility = manager.Civility?.ToDomain(),
                LastName = manager.LastName,
                FirstName = manager.FirstName,
                Email = manager.Email,
                Phone = manager.Phone,
                Fax = manager.Fax,
            }
            : null;
        domain.Teleprocedures = wire.Teleprocedures?.Select(ToDomain).ToList();
        domain.Dsn = wire.Dsn is { } dsn
            ? new Accounts.DsnSettings
            {
                Siret = dsn.Siret,
                LastName = dsn.LastName,
                FirstName = dsn.FirstName,
                SendSettingsSheet = dsn.SendSettingsSheet,
                SendBpijSheet = dsn.SendBpijSheet,
            }
            : null;
        domain.Dpae = wire.Dpae is { } dpae
            ? new Accounts.DpaeSettings { Siret = dpae.Siret, LastName = dpae.LastName, FirstName = dpae.FirstName }
            : null;
        domain.TechnicalContact = wire.TechnicalContact?.ToDomain();
        domain.AdministrativeContact = wire.AdministrativeContact?.ToDomain();
        domain.GdprContact = wire.GdprContact is { } gdpr
            ? new Accounts.GdprContact
            {
                LastName = gdpr.LastName,
                FirstName = gdpr.FirstName,
                Function = gdpr.Function,
                Phone = gdpr.Phone,
                Email = gdpr.Email,
            }
            : null;
        return domain;
    }

    private static Accounts.PostalAddress ToDomain(this Wire.PostalAddress wire) => new()
    {
        Street = wire.Street,
        Complement = wire.Complement,
        PostBox = wire.PostBox,
        City = wire.City,
        PostalCode = wire.PostalCode,
        Country = wire.Country,
    };

    private static Accounts.Contact ToDomain(this Wire.Contact wire) => new() { Name = wire.Name, Email = wire.Email, Phone = wire.Phone };

    private static Accounts.AccountCategory ToDomain(this Wire.AccountCategory category) => category switch
    {
        Wire.AccountCategory.PUBLIC_ACCOUNTANT => Accounts.AccountCategory.PUBLIC_ACCOUNTANT,
        Wire.AccountCategory.COMPANY => Accounts.AccountCategory.COMPANY,
        Wire.AccountCategory.OGA => Accounts.AccountCategory.OGA,
        Wire.AccountCategory.GPA => Accounts.AccountCategory.GPA,
        Wire.AccountCategory.PERSONNAL => Accounts.AccountCategory.PERSONNAL,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    private static Accounts.Civility ToDomain(this Wire.Civility civility) => civility switch
    {
        Wire.Civility.MR => Accounts.Civility.MR,
        Wire.Civility.MS => Accounts.Civility.MS,
        Wire.Civility.MISS => Accounts.Civility.MISS,
        _ => throw new ArgumentOutOfRangeException(nameof(civility), civility, null),
    };

    private static Accounts.Teleprocedure ToDomain(this Wire.Teleprocedure teleprocedure) => teleprocedure switch
    {
        Wire.Teleprocedure.TDFC => Accounts.Teleprocedure.TDFC,
        Wire.Teleprocedure.TVA => Accounts.Teleprocedure.TVA,
        Wire.Teleprocedure.PAIEMENT => Accounts.Teleprocedure.PAIEMENT,
        Wire.Teleprocedure.DADS_U => Accounts.Teleprocedure.DADS_U,
        Wire.Teleprocedure.DUCS => Accounts.Teleprocedure.DUCS,
        Wire.Teleprocedure.DUE => Accounts.Teleprocedure.DUE,
        Wire.Teleprocedure.DPAE => Accounts.Teleprocedure.DPAE,
        Wire.Teleprocedure.AED => Accounts.Teleprocedure.AED,
        Wire.Teleprocedure.DSI => Accounts.Teleprocedure.DSI,
        Wire.Teleprocedure.REQUETE => Accounts.Teleprocedure.REQUETE,
        Wire.Teleprocedure.IR => Accounts.Teleprocedure.IR,
        Wire.Teleprocedure.DSN => Accounts.Teleprocedure.DSN,
        Wire.Teleprocedure.DRP => Accounts.Teleprocedure.DRP,
        Wire.Teleprocedure.OGA => Accounts.Teleprocedure.OGA,
        Wire.Teleprocedure.PART => Accounts.Teleprocedure.PART,
        Wire.Teleprocedure.WEB_TDFC => Accounts.Teleprocedure.WEB_TDFC,
        Wire.Teleprocedure.WEB_TVA => Accounts.Teleprocedure.WEB_TVA,
        Wire.Teleprocedure.WEB_PAIEMENT => Accounts.Teleprocedure.WEB_PAIEMENT,
        Wire.Teleprocedure.WEB_REQUETE => Accounts.Teleprocedure.WEB_REQUETE,
        Wire.Teleprocedure.WEB_PART => Accounts.Teleprocedure.WEB_PART,
        _ => throw new ArgumentOutOfRangeException(nameof(teleprocedure), teleprocedure, null),
    };
}
