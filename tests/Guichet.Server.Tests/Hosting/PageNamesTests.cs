using System.Reflection;
using Guichet.Application.People;
using Guichet.Server.Areas.BackOffice;
using Guichet.Server.Areas.Partners;
using Guichet.Server.Areas.Portal;
using Guichet.Server.Hosting;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// The page names used by redirects and links lead to the addresses the portal always had, the ones in people's
/// bookmarks and in the emails already sent.
/// </summary>
public sealed class PageNamesTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    private const string Siret = "36252187900034";

    private static readonly Guid s_company = Guid.NewGuid();

    public static TheoryData<string, string> PortalAddresses => new()
    {
        { PortalPages.Home, "/" },
        { PortalPages.SignIn, "/connexion" },
        { PortalPages.SignOut, "/deconnexion" },
        { PortalPages.SignUp, "/inscription" },
        { PortalPages.ValidationEmailSent, "/inscription/email-envoye" },
        { PortalPages.ValidateEmail, "/compte/valider" },
        { PortalPages.ForgottenPassword, "/mot-de-passe-oublie" },
        { PortalPages.NewPassword, "/compte/nouveau-mot-de-passe" },
        { PortalPages.ExpiredPassword, "/compte/mot-de-passe-expire" },
        { PortalPages.Account, "/compte" },
        { PortalPages.ChangePassword, "/compte/mot-de-passe" },
        { PortalPages.LeaveCompany, $"/compte/entreprises/{s_company}/quitter" },
        { PortalPages.Tools, "/outils" },
        { PortalPages.AddCompany, "/entreprises/ajouter" },
        { PortalPages.Company, $"/entreprise/{s_company}" },
        { PortalPages.CompanyUsers, $"/entreprise/{s_company}/utilisateurs" },
    };

    public static TheoryData<string, string> PartnerAddresses => new()
    {
        { PartnerPages.Home, "/partenaire" },
        { PartnerPages.Establishment, $"/partenaire/etablissements/{Siret}" },
        { PartnerPages.SignIn, "/partenaire/connexion" },
        { PartnerPages.SignOut, "/partenaire/deconnexion" },
        { PartnerPages.SignUp, "/partenaire/inscription" },
        { PartnerPages.ValidationEmailSent, "/partenaire/inscription/email-envoye" },
        { PartnerPages.ValidateEmail, "/partenaire/compte/valider" },
        { PartnerPages.ForgottenPassword, "/partenaire/mot-de-passe-oublie" },
        { PartnerPages.NewPassword, "/partenaire/compte/nouveau-mot-de-passe" },
        { PartnerPages.ExpiredPassword, "/partenaire/compte/mot-de-passe-expire" },
        { PartnerPages.Account, "/partenaire/compte" },
        { PartnerPages.ChangePassword, "/partenaire/compte/mot-de-passe" },
    };

    [Theory]
    [MemberData(nameof(PartnerAddresses))]
    public void PartnerPageName_LeadsToItsAddress(string page, string address)
    {
        var links = server.Services.GetRequiredService<LinkGenerator>();

        Assert.Equal(address, links.GetPathByPage(page, values: ValuesFor(PartnerPages.Area, page)));
    }

    [Theory]
    [MemberData(nameof(PortalAddresses))]
    public void PortalPageName_LeadsToItsAddressOfAlways(string page, string address)
    {
        var links = server.Services.GetRequiredService<LinkGenerator>();

        Assert.Equal(address, links.GetPathByPage(page, values: ValuesFor(PortalPages.Area, page)));
    }

    [Fact]
    public void EveryPageNameConstant_NamesAPage()
    {
        var links = server.Services.GetRequiredService<LinkGenerator>();
        var names = PageNames(typeof(PortalPages)).Select(page => (Area: PortalPages.Area, Page: page))
            .Concat(PageNames(typeof(BackOfficePages)).Select(page => (Area: BackOfficePages.Area, Page: page)))
            .Concat(PageNames(typeof(PartnerPages)).Select(page => (Area: PartnerPages.Area, Page: page)));

        Assert.All(names, name => Assert.NotNull(links.GetPathByPage(name.Page, values: ValuesFor(name.Area, name.Page))));
    }

    [Fact]
    public void LinksInEmails_LeadToThePortalsPages()
    {
        var links = server.Services.GetRequiredService<LinkGenerator>();
        var emails = new PortalLinks("https://guichet.example.fr");
        string PathOf(string url) => new Uri(url).AbsolutePath;

        Assert.Equal(links.PathOfPage(PortalPages.Area, PortalPages.ValidateEmail), PathOf(emails.ValidateEmail("t")));
        Assert.Equal(links.PathOfPage(PortalPages.Area, PortalPages.NewPassword), PathOf(emails.ResetPassword("t")));
        Assert.Equal(links.PathOfPage(PortalPages.Area, PortalPages.SignIn), PathOf(emails.Login));
        Assert.Equal(links.PathOfPage(PortalPages.Area, PortalPages.ForgottenPassword), PathOf(emails.LostPassword));
        Assert.Equal(links.PathOfPage(PortalPages.Area, PortalPages.Home), PathOf(emails.Home));
        Assert.Equal(links.GetPathByPage(PortalPages.CompanyUsers, values: ValuesFor(PortalPages.Area, PortalPages.CompanyUsers)),
            PathOf(emails.ManageUsers(s_company)));
    }

    [Fact]
    public void LinksInEmailsFromThePartenaireSpace_LeadToItsPages()
    {
        var links = server.Services.GetRequiredService<LinkGenerator>();
        var emails = PartnerPages.Space.LinksFrom("https://guichet.example.fr/");
        string PathOf(string url) => new Uri(url).AbsolutePath;

        Assert.Equal(links.PathOfPage(PartnerPages.Area, PartnerPages.ValidateEmail), PathOf(emails.ValidateEmail("t")));
        Assert.Equal(links.PathOfPage(PartnerPages.Area, PartnerPages.NewPassword), PathOf(emails.ResetPassword("t")));
        Assert.Equal(links.PathOfPage(PartnerPages.Area, PartnerPages.SignIn), PathOf(emails.Login));
        Assert.Equal(links.PathOfPage(PartnerPages.Area, PartnerPages.ForgottenPassword), PathOf(emails.LostPassword));
        Assert.Equal(links.PathOfPage(PartnerPages.Area, PartnerPages.Home), PathOf(emails.Home));
    }

    /// <summary>The area, and a company, staff member, person or folder number for their pages (elsewhere it would become a query string).</summary>
    private static RouteValueDictionary ValuesFor(string area, string page) => page switch
    {
        PortalPages.Company or PortalPages.CompanyUsers or PortalPages.LeaveCompany when area == PortalPages.Area =>
            new() { ["area"] = area, ["companyId"] = s_company },
        BackOfficePages.TeamMember when area == BackOfficePages.Area => new() { ["area"] = area, ["staffId"] = s_company },
        BackOfficePages.File when area == BackOfficePages.Area => new() { ["area"] = area, ["folderNumber"] = "D20260101-ABC123" },
        BackOfficePages.WhiteLabel or BackOfficePages.EditWhiteLabel when area == BackOfficePages.Area =>
            new() { ["area"] = area, ["code"] = "demo" },
        BackOfficePages.DirectoryCompany when area == BackOfficePages.Area => new() { ["area"] = area, ["companyId"] = s_company },
        BackOfficePages.DirectoryImportPreview or BackOfficePages.EstablishmentsImportPreview when area == BackOfficePages.Area =>
            new() { ["area"] = area, ["importId"] = s_company },
        BackOfficePages.Establishment when area == BackOfficePages.Area => new() { ["area"] = area, ["siret"] = "35600000000048" },
        BackOfficePages.PartnerPerson when area == BackOfficePages.Area => new() { ["area"] = area, ["personId"] = s_company },
        PartnerPages.Establishment when area == PartnerPages.Area => new() { ["area"] = area, ["siret"] = Siret },
        _ => new() { ["area"] = area },
    };

    private static IEnumerable<string> PageNames(Type constants) =>
        constants.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name is not ("Area" or "PathBase"))
            .Select(f => (string)f.GetRawConstantValue()!);
}
