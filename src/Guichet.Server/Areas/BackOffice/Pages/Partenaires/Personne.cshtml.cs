using Guichet.Application.Accounts;
using Guichet.Application.Partners;
using Guichet.Domain.Common;
using Guichet.Server.Areas.Partners;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Partenaires;

/// <summary>
/// One person and the establishments they may act for in the Partenaire space. "Ouvrir l'accès" takes SIRETs one a line;
/// when some are not known yet, the page comes back asking each one's name and address, and the next submission creates
/// them and grants everything in one go (<see cref="GrantEstablishmentAccess"/>). "Retirer" asks for a confirmation first,
/// then removes the access (<see cref="RemoveEstablishmentAccess"/>). Both tell staff whether the person's email left.
/// </summary>
public sealed class PersonneModel(GetPartnerPerson getPerson, GrantEstablishmentAccess grant, RemoveEstablishmentAccess remove)
    : BackOfficePageModel
{
    public const string GrantHandler = "Ouvrir";
    public const string RemoveHandler = "Retirer";
    public const string SiretsField = "sirets";
    public const string NewEstablishmentsField = nameof(NewEstablishments);
    public const string SiretField = "siret";
    public const string ConfirmationField = "confirmation";

    /// <summary>"SIRET des établissements (un par ligne)".</summary>
    [BindProperty(Name = SiretsField)]
    public string? Sirets { get; set; }

    /// <summary>The details staff typed for the SIRETs not known yet (<c>NewEstablishments[i].Name</c>…).</summary>
    [BindProperty(Name = NewEstablishmentsField)]
    public List<EstablishmentDetails> NewEstablishments { get; set; } = [];

    [BindProperty(Name = SiretField)]
    public string? Siret { get; set; }

    [BindProperty(Name = ConfirmationField)]
    public bool Confirmation { get; set; }

    [TempData]
    public string? Message { get; set; }

    public PartnerPerson Person { get; private set; } = null!;

    /// <summary>The SIRETs whose name and address the page asks for, each with the index its typed details had (if any).</summary>
    public IReadOnlyList<(EstablishmentDetails Details, int? Posted)> ToCreate { get; private set; } = [];

    /// <summary>The access a "Retirer" asks to confirm.</summary>
    public PartnerAccess? ToRemove { get; private set; }

    /// <summary>Why the removal was not applied.</summary>
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid personId, CancellationToken cancellationToken) =>
        await LoadAsync(personId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOuvrirAsync(Guid personId, CancellationToken cancellationToken)
    {
        var lines = (Sirets ?? string.Empty).Split('\n').Select(l => l.Trim()).ToList();
        // The Partenaire space's sign-in, where the person goes from the email.
        var signIn = PartnerPages.Space.LinksFor(HttpContext).Login;
        var result = await grant.HandleAsync(FilesActor, new AccessGrant(personId, lines, NewEstablishments), signIn, cancellationToken);
        if (result.Succeeded)
        {
            var granted = result.Value;
            Message = $"Accès ouvert pour {granted.DisplayName} : {string.Join(", ", granted.Establishments.Select(e => $"{e.Name} ({e.Siret})"))}."
                + (granted.Created.Count > 0 ? $" Établissement(s) créé(s) : {string.Join(", ", granted.Created)}." : string.Empty)
                + $" Le courriel d'ouverture d'accès partira vers {granted.Email} dans quelques instants.";
            return RedirectToPage(BackOfficePages.PartnerPerson, new { personId });
        }

        var unknown = result.Errors.Where(e => e.Code == ErrorCodes.UnknownEstablishment).Select(e => e.Field!).ToList();
        ShowErrors(result.Errors.Where(e => e.Code != ErrorCodes.UnknownEstablishment),
            field => field == AccessGrant.SiretsField ? SiretsField : field);
        var listed = lines.Select(EstablishmentFields.NormalizeSiret).ToHashSet(StringComparer.Ordinal);
        var toCreate = NewEstablishments.Select((details, index) => (Details: details, Posted: (int?)index))
            .Where(n => listed.Contains(EstablishmentFields.NormalizeSiret(n.Details.Siret))).ToList();
        toCreate.AddRange(unknown.Where(siret => !toCreate.Any(n => EstablishmentFields.NormalizeSiret(n.Details.Siret) == siret))
            .Select(siret => (new EstablishmentDetails(siret, null, null, null, null), (int?)null)));
        ToCreate = toCreate;
        return await LoadAsync(personId, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>"Retirer": the first post asks to confirm, the confirmed one removes.</summary>
    public async Task<IActionResult> OnPostRetirerAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (!Confirmation)
        {
            if (!await LoadAsync(personId, cancellationToken))
            {
                return NotFound();
            }

            ToRemove = Person.Establishments.SingleOrDefault(e => e.Siret == Siret);
            Refusal = ToRemove is null ? PartnerErrors.AccessNotFound(Siret ?? string.Empty).Message : null;
            return Page();
        }

        var result = await remove.HandleAsync(FilesActor, personId, Siret, cancellationToken);
        if (result.Succeeded)
        {
            var removed = result.Value;
            Message = $"Accès de {removed.DisplayName} à l'établissement {removed.Establishment.Name} ({removed.Establishment.Siret}) retiré."
                + $" Un courriel l'en informera dans quelques instants ({removed.Email}).";
            return RedirectToPage(BackOfficePages.PartnerPerson, new { personId });
        }

        Refusal = string.Join(" ", result.Errors.Select(e => e.Message));
        return await LoadAsync(personId, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Every error of a field, one a line (a list of SIRETs may have several wrong ones).</summary>
    public IReadOnlyList<string> ErrorsOf(string field) =>
        ModelState.TryGetValue(field, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    public static string SpaceName(Domain.People.PortalSpace space) => IndexModel.SpaceName(space);

    /// <summary>Who granted, as staff know each other: the email of <c>staff:&lt;email&gt;</c>.</summary>
    public static string StaffName(string auditName) =>
        auditName.StartsWith(StaffCaller.AuditPrefix, StringComparison.Ordinal) ? auditName[StaffCaller.AuditPrefix.Length..] : auditName;

    private async Task<bool> LoadAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (await getPerson.HandleAsync(personId, cancellationToken) is not { } person)
        {
            return false;
        }

        Person = person;
        return true;
    }
}
