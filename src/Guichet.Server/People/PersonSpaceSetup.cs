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
    /// The space's cookie, named <paramref name="cookieName"/> (<c>__Host-</c> prefixed when cookies are always Secure):
    /// HttpOnly, Secure as <c>Portal:SecureCookiesAlways</c> says, SameSite=Lax, Path=/ (a <c>__Host-</c> cookie cannot
    /// have another; the Partenaire space's cookie also reaches the Entreprise pages, where no policy reads its scheme).
    /// It lasts <see cref="PersonSessionOptions.IdleTimeout"/> from the last request; on every request its session row,
    /// the person's security stamp and the absolute lifetime are checked.
    /// </summary>
    public static IServiceCollection AddPersonCookie(this IServiceCollection services, PersonSpace space, string cookieName)
    {
        services.AddAuthentication().AddCookie(space.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(space.Scheme)
            .Configure<IOptions<PortalWebOptions>, IOptions<PersonSessionOptions>, LinkGenerator>((options, web, sessions, links) =>
        {
            options.Cookie.Name = web.Value.CookieName(cookieName);
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = web.Value.CookieSecurePolicy;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = links.PathOfPage(space.Area, space.Pages.SignIn);
            options.LogoutPath = links.PathOfPage(space.Area, space.Pages.SignOut);
            options.ReturnUrlParameter = "retour";
            // Idle: the ticket's own expiry, renewed by requests (no write to the database on each one).
            options.ExpireTimeSpan = sessions.Value.IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = context => ValidateSessionAsync(context, space);
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

    /// <summary>
    /// A session stands while its row is not ended (signing out ends it), the person's stamp is the cookie's (a password
    /// change renews it: every session ends, in every space) and it started less than
    /// <see cref="PersonSessionOptions.AbsoluteLifetime"/> ago. One query reads the row and the stamp.
    /// </summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context, PersonSpace space)
    {
        var services = context.HttpContext.RequestServices;
        var user = context.Principal!;
        var session = await services.GetRequiredService<PeopleQueries>()
            .SessionAsync(user.PersonId(), user.SessionId(), space.Space, context.HttpContext.RequestAborted);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var lifetime = services.GetRequiredService<IOptions<PersonSessionOptions>>().Value.AbsoluteLifetime;
        if (session is null || session.SecurityStamp.ToString() != user.FindFirst(PersonClaims.SecurityStamp)?.Value
            || now - session.StartedAt >= lifetime)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }
}
