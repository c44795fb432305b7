using System.Security.Claims;
using Guichet.Application.Accounts;
using Guichet.Application.Staff;
using Guichet.Domain.Common;
using Guichet.Domain.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Server.Areas.BackOffice;

/// <summary>Base of the back office's pages: who acts, from where, and use-case errors mapped onto the form.</summary>
public abstract class BackOfficePageModel : PageModel
{
    /// <summary>The signed-in administrator, as the staff use cases check them.</summary>
    protected StaffActor Actor => StaffActor.Administrator(User.StaffId());

    protected Guid StaffId => User.StaffId();

    /// <summary>The signed-in staff member as the accounts' use cases see them: <c>staff:&lt;email&gt;</c>, from their address.</summary>
    protected StaffCaller FilesActor => StaffCaller.For(
        User.FindFirstValue(ClaimTypes.Email) ?? throw new InvalidOperationException("A staff cookie without an email."), RemoteAddress);

    protected string? RemoteAddress => HttpContext.Connection.RemoteIpAddress?.ToString();

    /// <summary>Each error under its field (the form's property name), or at the top of the form when it has none.</summary>
    protected void ShowErrors(IEnumerable<Error> errors) => ShowErrors(errors, field => field);

    /// <summary>Each error under the form field <paramref name="formField"/> names for the use case's field.</summary>
    protected void ShowErrors(IEnumerable<Error> errors, Func<string, string> formField)
    {
        foreach (var error in errors)
        {
            ModelState.AddModelError(error.Field is null ? string.Empty : formField(error.Field), error.Message);
        }
    }

    /// <summary>The errors shown under <paramref name="field"/>, or null: the view ties them to the input.</summary>
    public string? ErrorOf(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;

    /// <summary>The errors of no field, shown at the top of the form.</summary>
    public IEnumerable<string> GeneralErrors => ModelState.TryGetValue(string.Empty, out var entry) ? entry.Errors.Select(e => e.ErrorMessage) : [];

    /// <summary>A page showing a secret once (one-time password, authenticator key, recovery codes): kept by no cache.</summary>
    protected void KeepOutOfCaches()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
    }

    public static string RoleName(StaffRole role) => role == StaffRole.Administrator ? "Administrateur" : "Agent";

    public static string RoleClaim(StaffRole role) =>
        role == StaffRole.Administrator ? BackOfficeClaims.AdministratorRole : BackOfficeClaims.AgentRole;
}
