using Guichet.Application.Partners;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Areas.Partners.Pages.Etablissements;

/// <summary>
/// One establishment the person was granted, and the tools. Not granted, unknown or not a SIRET: the same 404, so that the
/// address does not tell which SIRETs exist.
/// </summary>
public sealed class EtablissementModel(PartnerQueries queries, IOptions<PartnerOptions> options) : PartnerPageModel
{
    public const string RouteValue = "siret";

    public PartnerOptions Partner => options.Value;

    public GrantedEstablishment Establishment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? siret, CancellationToken cancellationToken)
    {
        var establishment = await queries.EstablishmentOfAsync(PersonId, siret, cancellationToken);
        if (establishment is null)
        {
            return NotFound();
        }

        Establishment = establishment;
        return Page();
    }
}
