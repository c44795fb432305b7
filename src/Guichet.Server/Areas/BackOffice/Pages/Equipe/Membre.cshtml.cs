using Guichet.Application.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.BackOffice.Pages.Equipe;

/// <summary>
/// One staff member and what an administrator may do to them: disable or reset (each confirmed by a box to tick),
/// re-enable. The use cases check the rest (not oneself, not the last administrator) and audit every action.
/// </summary>
public sealed class MembreModel(ListStaffMembers list, DisableStaffMember disable, EnableStaffMember enable, ResetStaffMember reset)
    : BackOfficePageModel
{
    [BindProperty(Name = "confirmation")]
    public bool Confirmation { get; set; }

    [BindProperty(Name = "confirmationReinitialisation")]
    public bool ResetConfirmation { get; set; }

    [TempData]
    public string? Message { get; set; }

    public StaffMemberSummary? Member { get; private set; }

    public StaffMemberReset? Reset { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid staffId, CancellationToken cancellationToken) =>
        await LoadAsync(staffId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDesactiverAsync(Guid staffId, CancellationToken cancellationToken)
    {
        if (!Confirmation)
        {
            ShowErrors([StaffErrors.ConfirmationRequired(nameof(Confirmation))]);
            return await LoadAsync(staffId, cancellationToken) ? Page() : NotFound();
        }

        var result = await disable.HandleAsync(staffId, Actor, RemoteAddress, cancellationToken);
        return await DoneAsync(staffId, result.Succeeded ? $"Le compte de {result.Value.DisplayName} est désactivé." : null, result.Errors,
            cancellationToken);
    }

    public async Task<IActionResult> OnPostReactiverAsync(Guid staffId, CancellationToken cancellationToken)
    {
        var result = await enable.HandleAsync(staffId, Actor, RemoteAddress, cancellationToken);
        return await DoneAsync(staffId, result.Succeeded ? $"Le compte de {result.Value.DisplayName} est réactivé." : null, result.Errors,
            cancellationToken);
    }

    public async Task<IActionResult> OnPostReinitialiserAsync(Guid staffId, CancellationToken cancellationToken)
    {
        if (!ResetConfirmation)
        {
            ShowErrors([StaffErrors.ConfirmationRequired(nameof(ResetConfirmation))]);
            return await LoadAsync(staffId, cancellationToken) ? Page() : NotFound();
        }

        var result = await reset.HandleAsync(staffId, Actor, RemoteAddress, cancellationToken);
        if (!result.Succeeded)
        {
            return await DoneAsync(staffId, null, result.Errors, cancellationToken);
        }

        KeepOutOfCaches();
        Reset = result.Value;
        return Page();
    }

    private async Task<IActionResult> DoneAsync(
        Guid staffId, string? success, IReadOnlyList<Domain.Common.Error> errors, CancellationToken cancellationToken)
    {
        if (success is not null)
        {
            Message = success;
            return RedirectToPage(BackOfficePages.Team);
        }

        ShowErrors(errors.Select(e => e with { Field = null }));
        return await LoadAsync(staffId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid staffId, CancellationToken cancellationToken)
    {
        Member = (await list.HandleAsync(cancellationToken)).SingleOrDefault(m => m.StaffId == staffId);
        return Member is not null;
    }
}
