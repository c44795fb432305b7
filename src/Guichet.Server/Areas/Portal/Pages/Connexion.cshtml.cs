using Guichet.Application.Companies;
using Guichet.Application.People;
using Guichet.Domain.Common;
using Guichet.Domain.Companies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal.Pages;

/// <summary>The login page shared by the spaces.</summary>
public sealed class ConnexionModel(SignIn signIn, CompanyQueries queries) : PortalPageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true, Name = "retour")]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? Message { get; set; }

    public bool OfferResend { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await signIn.HandleAsync(Email, Password, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (!result.Succeeded)
        {
            OfferResend = result.FailureCode == ErrorCodes.EmailNotConfirmed;
            ShowErrors(result.Errors);
            Password = null;
            return Page();
        }

        var (person, expired) = (result.Value.Person, result.Value.PasswordExpired);
        await HttpContext.SignInAsync(PortalClaims.Scheme, PortalClaims.For(person, expired));
        if (expired)
        {
            return RedirectToPage(PortalPages.ExpiredPassword);
        }

        // Only a local address: an attacker's link cannot send the person elsewhere after login.
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }

        var memberships = await queries.MembershipsAsync(person.Id, cancellationToken);
        return RedirectToPage(memberships.Any(m => m.Status == MembershipStatus.Active) ? PortalPages.Tools : PortalPages.AddCompany);
    }
}
