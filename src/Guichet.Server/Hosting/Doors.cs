using Guichet.Server.Areas.BackOffice;
using Guichet.Server.Areas.Partners;
using Guichet.Server.Areas.Portal;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Hosting;

/// <summary>
/// The front doors this instance opens (<c>Doors:Soap</c>, <c>Doors:Portal</c>, <c>Doors:BackOffice</c>; all of them
/// unless told). Behind a proxy that sends one set of instances the integrators' calls and another the browsers, an
/// instance without the web doors does not even load their page framework (measured: bench/README.md, "Where the
/// memory of a loaded server goes"), and the back office can be kept to the instances only the staff's network
/// reaches. Every instance still shares the one store and runs the workers; the operator commands work whatever the
/// doors.
/// </summary>
public sealed class Doors
{
    public const string Section = "Doors";

    /// <summary>WS Registering, at <c>/ws/registering</c>.</summary>
    public bool Soap { get; set; } = true;

    /// <summary>The web portal: the Entreprise space at the site's root and the Partenaire space under <c>/partenaire</c>.</summary>
    public bool Portal { get; set; } = true;

    /// <summary>The staff's door, under <c>/back-office</c>.</summary>
    public bool BackOffice { get; set; } = true;

    /// <summary>Either web door: the pages, their cookies, policies and error page are set up.</summary>
    public bool Web => Portal || BackOffice;

    /// <summary>
    /// Whether the page a request was routed to belongs to an open door. The pages of a closed web door stay known to
    /// the routes (an email written here still links to the portal another instance serves) but answer 404 here.
    /// </summary>
    public bool Opens(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<PageActionDescriptor>()?.AreaName switch
    {
        PortalPages.Area or PartnerPages.Area => Portal,
        BackOfficePages.Area => BackOffice,
        _ => true,
    };
}

/// <summary>An instance that would open no door refuses to start, naming the settings.</summary>
public sealed class DoorsValidator : IValidateOptions<Doors>
{
    public ValidateOptionsResult Validate(string? name, Doors options) => options.Soap || options.Web
        ? ValidateOptionsResult.Success
        : ValidateOptionsResult.Fail("At least one of Doors:Soap, Doors:Portal and Doors:BackOffice must be true.");
}
