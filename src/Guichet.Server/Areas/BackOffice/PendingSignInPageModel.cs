using Guichet.Application.Staff;
using Guichet.Domain.Common;
using Guichet.Domain.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Guichet.Server.Areas.BackOffice;

/// <summary>
/// Base of the sign-in's later steps (new password, authenticator, code). <c>User</c> is the pending cookie's
/// principal here (<see cref="BackOfficePolicies.PendingSignIn"/>); a page of another step sends to the right one.
/// </summary>
public abstract class PendingSignInPageModel : BackOfficePageModel
{
    /// <summary>Failures that mean the sign-in must start again (member disabled or changed meanwhile, step out of order).</summary>
    private static readonly string[] s_restart =
    [
        ErrorCodes.UserAuthenticationFailed, ErrorCodes.PasswordChangeRequired, ErrorCodes.TotpNotEnrolled,
        ErrorCodes.TotpAlreadyEnrolled, ErrorCodes.TotpEnrolmentNotStarted,
    ];

    [TempData]
    public string? Message { get; set; }

    protected abstract StaffNextStep Step { get; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (User.PendingStep() is not { } step)
        {
            context.Result = RedirectToPage(BackOfficePages.SignIn);
            return;
        }

        if (step != Step)
        {
            context.Result = RedirectToPage(PageOf(step));
            return;
        }

        await next();
    }

    /// <summary>The next step: the pending cookie re-issued with its stamp, keeping the end it had.</summary>
    protected async Task<IActionResult> ContinueAsync(Guid securityStamp, StaffNextStep next)
    {
        var current = await HttpContext.AuthenticateAsync(PendingSignIn.Scheme);
        var properties = new AuthenticationProperties { IssuedUtc = current.Properties?.IssuedUtc, ExpiresUtc = current.Properties?.ExpiresUtc };
        await HttpContext.SignInAsync(PendingSignIn.Scheme, PendingSignIn.For(StaffId, securityStamp, next, User.PendingReturnUrl()), properties);
        return RedirectToPage(PageOf(next));
    }

    /// <summary>Second factor passed: the pending cookie goes, the staff session starts now. Returns where to go next.</summary>
    protected async Task<string> CompleteAsync(StaffSession session)
    {
        var now = HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var returnUrl = PendingSignIn.AllowedReturnUrl(User.PendingReturnUrl()) ?? BackOfficePages.PathBase;
        await HttpContext.SignOutAsync(PendingSignIn.Scheme);
        await HttpContext.SignInAsync(BackOfficeClaims.Scheme, BackOfficeClaims.For(
            session.StaffId, session.Email, session.DisplayName, RoleClaim(session.Role), session.SecurityStamp.ToString(), now));
        return returnUrl;
    }

    /// <summary>
    /// Maps a failed step: a failure that ends the sign-in sends back to its start with the message; the others stay
    /// on the form (null).
    /// </summary>
    protected async Task<IActionResult?> RestartOrShowAsync<T>(Result<T> result)
    {
        if (s_restart.Contains(result.FailureCode))
        {
            await HttpContext.SignOutAsync(PendingSignIn.Scheme);
            Message = string.Join(" ", result.Errors.Select(e => e.Message));
            return RedirectToPage(BackOfficePages.SignIn);
        }

        ShowErrors(result.Errors);
        return null;
    }

    public static string PageOf(StaffNextStep step) => step switch
    {
        StaffNextStep.ChangePassword => BackOfficePages.SignInNewPassword,
        StaffNextStep.EnrolTotp => BackOfficePages.SignInAuthenticator,
        _ => BackOfficePages.SignInCode,
    };
}
