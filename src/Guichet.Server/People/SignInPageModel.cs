using Guichet.Application.People;
using Guichet.Domain.Common;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.People;

/// <summary>
/// "Connexion" (partial <c>_SignIn</c>): signs the person in to the space's own cookie only, and remembers the browser
/// as the person's trusted device (<see cref="TrustedDeviceCookie"/>).
/// </summary>
public abstract class SignInPageModel(PersonSpace space, SignIn signIn, StartPersonSession startSession, TrustedDeviceCookie devices)
    : PersonPageModel(space)
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
        var result = await signIn.HandleAsync(Email, Password, RemoteAddress, devices.Read(Request, Email), cancellationToken);
        if (!result.Succeeded)
        {
            OfferResend = result.FailureCode == ErrorCodes.EmailNotConfirmed;
            ShowErrors(result.Errors);
            Password = null;
            return Page();
        }

        var (person, expired) = (result.Value.Person, result.Value.PasswordExpired);
        devices.Remember(Response, person.Email, result.Value.Device);
        // The cookie carries the id of a session row, so that signing out can end the session on the server.
        var sessionId = await startSession.HandleAsync(person, Space.Space, RemoteAddress, cancellationToken);
        await HttpContext.SignInAsync(Space.Scheme, PersonClaims.For(person, expired, Space.Scheme, sessionId));
        if (expired)
        {
            return RedirectToPage(Space.Pages.ExpiredPassword);
        }

        // Only a local address of this space: an attacker's link cannot send the person elsewhere after login.
        if (Space.AcceptsReturnUrl(ReturnUrl, Url.IsLocalUrl))
        {
            return LocalRedirect(ReturnUrl!);
        }

        return RedirectToPage(await LandingPageAsync(person.Id, cancellationToken));
    }

    /// <summary>Where the person lands after signing in without a return address: the space's home by default.</summary>
    protected virtual Task<string> LandingPageAsync(Guid personId, CancellationToken cancellationToken) => Task.FromResult(Space.Pages.Home);
}
