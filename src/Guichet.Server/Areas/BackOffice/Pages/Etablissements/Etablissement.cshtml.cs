using Guichet.Application.Partners;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Etablissements;

/// <summary>
/// One establishment, by its SIRET: its address, its training body, and the people who hold access to it (since when and
/// by whose grant). Read-only: accesses are granted and removed from a person's page.
/// </summary>
public sealed class EtablissementModel(GetEstablishment getEstablishment) : BackOfficePageModel
{
    public EstablishmentCard Establishment { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string siret, CancellationToken cancellationToken)
    {
        if (await getEstablishment.HandleAsync(siret, cancellationToken) is not { } establishment)
        {
            return NotFound();
        }

        Establishment = establishment;
        return Page();
    }
}
