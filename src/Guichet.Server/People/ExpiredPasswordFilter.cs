using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Guichet.Server.People;

/// <summary>While the password is expired, every page of the space but the change page and sign-out leads to the change page.</summary>
public sealed class ExpiredPasswordFilter(PersonSpace space) : IAsyncPageFilter
{
    private readonly string[] _open = [space.Pages.ExpiredPassword, space.Pages.SignOut];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.MustChangePassword() && !_open.Contains(context.ActionDescriptor.ViewEnginePath))
        {
            context.Result = new RedirectToPageResult(space.Pages.ExpiredPassword, new { area = space.Area });
            return Task.CompletedTask;
        }

        return next();
    }
}
