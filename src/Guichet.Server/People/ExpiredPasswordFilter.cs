using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Guichet.Server.People;

/// <summary>
/// Sends a signed-in person to the password page that fits, as their sign-in found the password (the cookie's claim,
/// <see cref="PersonClaims.MustChangePassword"/>): while it is expired, every page of the space but the expired-password
/// page and sign-out leads to that page; while it is not, the expired-password page (GET or POST) leads to the voluntary
/// "Changer mon mot de passe", so that nobody changes a password there that has not expired.
/// </summary>
public sealed class ExpiredPasswordFilter(PersonSpace space) : IAsyncPageFilter
{
    private readonly string[] _open = [space.Pages.ExpiredPassword, space.Pages.SignOut];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        var expired = context.HttpContext.User.MustChangePassword();
        if (expired && !_open.Contains(page))
        {
            context.Result = new RedirectToPageResult(space.Pages.ExpiredPassword, new { area = space.Area });
            return Task.CompletedTask;
        }

        if (!expired && page == space.Pages.ExpiredPassword)
        {
            context.Result = new RedirectToPageResult(space.Pages.ChangePassword, new { area = space.Area });
            return Task.CompletedTask;
        }

        return next();
    }
}
