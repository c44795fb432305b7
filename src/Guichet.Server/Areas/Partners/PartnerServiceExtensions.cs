using Guichet.Server.People;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Server.Areas.Partners;

public static class PartnerServiceExtensions
{
    /// <summary>
    /// The Partenaire space at <c>/partenaire</c>: its pages, its cookie (of its own name, read by its own scheme only), its
    /// policy.
    /// Its anonymous forms share the Entreprise space's per-address budget (<c>AddPortal</c>).
    /// </summary>
    public static IServiceCollection AddPartners(this IServiceCollection services)
    {
        services.AddRazorPages();
        services.Configure<RazorPagesOptions>(options =>
            options.AddPersonSpace(PartnerPages.Space, PartnerPolicies.Person, PartnerPages.Anonymous));
        services.AddPersonCookie(PartnerPages.Space, "guichet.partenaire");
        services.AddAuthorizationBuilder().AddPolicy(PartnerPolicies.Person, PersonSpaceSetup.PersonPolicy(PartnerPages.Space).Build());
        return services;
    }
}
