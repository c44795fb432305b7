using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Guichet.Server.Areas.Portal;

/// <summary>While the password is expired, every portal page but the change page and sign-out leads to the change page.</summary>
public sealed class ExpiredPasswordFilter : IAsyncPageFilter
{
    private static readonly string[] s_open = [PortalPages.ExpiredPassword, PortalPages.SignOut];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HttpContext.User.MustChangePassword() && !s_open.Contains(context.ActionDescriptor.ViewEnginePath))
        {
            context.Result = new RedirectToPageResult(PortalPages.ExpiredPassword, new { area = PortalPages.Area });
            return Task.CompletedTask;
        }

        return next();
    }
}
