using Guichet.Application.Partners;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Areas.Partners.Pages;

/// <summary>A training body and the establishments of it the person was granted.</summary>
public sealed record TrainingBody(string Siren, IReadOnlyList<GrantedEstablishment> Establishments);

/// <summary>
/// Home of the Partenaire space: the person's establishments grouped by training body, and the tools; with none yet,
/// the guide's "Demander l'accès au Web Services Partenaire".
/// </summary>
public sealed class IndexModel(PartnerQueries queries, IOptions<PartnerOptions> options) : PartnerPageModel
{
    public PartnerOptions Partner => options.Value;

    public IReadOnlyList<TrainingBody> Bodies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Bodies = (await queries.EstablishmentsOfAsync(PersonId, cancellationToken))
            .GroupBy(e => e.Siren)
            .Select(g => new TrainingBody(g.Key, g.ToList()))
            .ToList();
}
