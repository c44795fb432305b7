using Guichet.Application.People;
using Guichet.Server.Areas.Portal;
using Guichet.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Guichet.Server.People;

/// <summary>What every space of people sets up the same way: its pages' policies and its cookie.</summary>
public static class PersonSpaceSetup
{
    /// <summary>
    /// The space's policy on its whole area (a page added later is closed by default), the expired-password detour, and the
    /// open pages, each with the per-address budget of anonymous posts.
    /// </summary>
    public static void AddPersonSpace(this RazorPagesOptions options, PersonSpace space, string personPolicy, IEnumerable<string> anonymous)
    {
        options.Conventions.AuthorizeAreaFolder(space.Area, "/", personPolicy);
        options.Conventions.AddAreaFolderApplicationModelConvention(space.Area, "/", model => model.Filters.Add(new ExpiredPasswordFilter(space)));
        foreach (var page in anonymous)
        {
            options.Conventions.AllowAnonymousToAreaPage(space.Area, page);
            options.Conventions.AddAreaPageApplicationModelConvention(space.Area, page,
                model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(PortalServiceExtensions.AnonymousFormsPolicy)));
        }
    }

    /// <summary>
    /// The space's cookie: HttpOnly, Secure as <c>Portal:SecureCookiesAlways</c> says, SameSite=Lax, 8 h sliding, its
    /// person's security stamp checked on every request; sent only under <paramref name="cookiePath"/> when given.
    /// </summary>
    public static IServiceCollection AddPersonCookie(this IServiceCollection services, PersonSpace space, string cookieName, string? cookiePath)
    {
        services.AddAuthentication().AddCookie(space.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(space.Scheme)
            .Configure<IOptions<PortalWebOptions>, LinkGenerator>((options, web, links) =>
        {
            options.Cookie.Name = cookieName;
            if (cookiePath is not null)
            {
                options.Cookie.Path = cookiePath;
            }

            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = web.Value.CookieSecurePolicy;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = links.PathOfPage(space.Area, space.Pages.SignIn);
            options.LogoutPath = links.PathOfPage(space.Area, space.Pages.SignOut);
            options.ReturnUrlParameter = "retour";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = ValidateSecurityStampAsync;
            // A signed-in person outside a scope gets the error page ("n'existe pas ou vous n'y avez pas accès"), not the
            // sign-in form again.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>A signed-in person of the space: the default of every page of its area.</summary>
    public static AuthorizationPolicyBuilder PersonPolicy(PersonSpace space) =>
        new AuthorizationPolicyBuilder(space.Scheme).RequireAuthenticatedUser();

    /// <summary>A password change renews the person's stamp: every cookie issued before it stops working, in every space.</summary>
    private static async Task ValidateSecurityStampAsync(CookieValidatePrincipalContext context)
    {
        var people = context.HttpContext.RequestServices.GetRequiredService<PeopleQueries>();
        var stamp = await people.SecurityStampAsync(context.Principal!.PersonId(), context.HttpContext.RequestAborted);
        if (stamp is null || stamp.ToString() != context.Principal!.FindFirst(PersonClaims.SecurityStamp)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }
}
