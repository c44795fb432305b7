using Guichet.Server.Areas.Portal;
using Guichet.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Areas.BackOffice;

public static class BackOfficeServiceExtensions
{
    /// <summary>Staff sessions end after 30 minutes without a request…</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>…and 8 hours after signing in, however active.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(8);

    /// <summary>The staff's door at <c>/back-office</c>: its pages, its cookie, its policies.</summary>
    public static IServiceCollection AddBackOffice(this IServiceCollection services)
    {
        services.AddRazorPages();
        services.Configure<RazorPagesOptions>(options =>
        {
            // Every page needs a full staff session, except the sign-in's later steps, which need the pending cookie
            // instead (never both: a pending cookie opens no other page, a full session no step).
            options.Conventions.AddAreaFolderApplicationModelConvention(BackOfficePages.Area, "/", model =>
                model.EndpointMetadata.Add(new AuthorizeAttribute(BackOfficePages.SignInSteps.Contains(model.ViewEnginePath)
                    ? BackOfficePolicies.PendingSignIn : BackOfficePolicies.Staff)));
            options.Conventions.AuthorizeAreaFolder(BackOfficePages.Area, BackOfficePages.TeamFolder, BackOfficePolicies.StaffAdministrator);
            options.Conventions.AuthorizeAreaFolder(BackOfficePages.Area, BackOfficePages.WhiteLabelsFolder, BackOfficePolicies.StaffAdministrator);
            foreach (var page in BackOfficePages.Anonymous)
            {
                options.Conventions.AllowAnonymousToAreaPage(BackOfficePages.Area, page);
            }

            // Passwords and codes are braked per staff member; the same per-address budget as the portal's anonymous
            // forms keeps one client from spraying many staff emails from one address.
            foreach (var page in BackOfficePages.Anonymous.Concat(BackOfficePages.SignInSteps))
            {
                options.Conventions.AddAreaPageApplicationModelConvention(BackOfficePages.Area, page,
                    model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(PortalServiceExtensions.AnonymousFormsPolicy)));
            }
        });
        services.AddAuthentication().AddCookie(BackOfficeClaims.Scheme).AddCookie(PendingSignIn.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(BackOfficeClaims.Scheme)
            .Configure<IOptions<PortalWebOptions>, LinkGenerator>((options, web, links) =>
        {
            options.Cookie.Name = web.Value.CookieName("guichet.back-office");
            // Path=/ as a __Host- cookie must have: the portal's pages receive it too, but no policy of theirs reads this
            // scheme.
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = web.Value.CookieSecurePolicy;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.LoginPath = links.PathOfPage(BackOfficePages.Area, BackOfficePages.SignIn);
            options.LogoutPath = links.PathOfPage(BackOfficePages.Area, BackOfficePages.SignOut);
            options.AccessDeniedPath = links.PathOfPage(BackOfficePages.Area, BackOfficePages.AccessDenied);
            options.ReturnUrlParameter = "retour";
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = ValidateSessionAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(PendingSignIn.Scheme)
            .Configure<IOptions<PortalWebOptions>, LinkGenerator>((options, web, links) =>
        {
            options.Cookie.Name = web.Value.CookieName("guichet.back-office.pending");
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = web.Value.CookieSecurePolicy;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.LoginPath = links.PathOfPage(BackOfficePages.Area, BackOfficePages.SignIn);
            options.AccessDeniedPath = options.LoginPath;
            options.ReturnUrlParameter = "retour";
            // Ten minutes from the password, however many steps: each step re-issues the cookie with the same end.
            options.ExpireTimeSpan = PendingSignIn.Lifetime;
            options.SlidingExpiration = false;
            options.Events.OnValidatePrincipal = ValidatePendingAsync;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(BackOfficePolicies.PendingSignIn, policy => policy.AddAuthenticationSchemes(PendingSignIn.Scheme)
                .RequireAuthenticatedUser().RequireClaim(PendingSignIn.StepClaim))
            .AddPolicy(BackOfficePolicies.Staff, policy => policy.AddAuthenticationSchemes(BackOfficeClaims.Scheme).RequireAuthenticatedUser()
                .RequireRole(BackOfficeClaims.AgentRole, BackOfficeClaims.AdministratorRole))
            .AddPolicy(BackOfficePolicies.StaffAdministrator, policy => policy.AddAuthenticationSchemes(BackOfficeClaims.Scheme)
                .RequireAuthenticatedUser().RequireRole(BackOfficeClaims.AdministratorRole));
        services.TryAddScoped<IStaffSessionValidator, StaffSessionValidator>();
        return services;
    }

    /// <summary>
    /// An unknown back-office address is a 404 (the shared error page) for staff only: anyone else is sent to the staff
    /// sign-in, so that the back office's addresses cannot be probed from outside.
    /// </summary>
    public static WebApplication MapBackOffice(this WebApplication app)
    {
        app.MapFallback(BackOfficePages.PathBase + "/{**path}", context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }).RequireAuthorization(BackOfficePolicies.Staff);
        return app;
    }

    /// <summary>A sign-in in progress stops when its member is disabled or reset, or changes password elsewhere.</summary>
    private static async Task ValidatePendingAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal!;
        var stamp = user.FindFirst(BackOfficeClaims.SecurityStamp)?.Value;
        var stands = user.StaffId() != Guid.Empty && !string.IsNullOrEmpty(stamp)
            && await context.HttpContext.RequestServices.GetRequiredService<IStaffSessionValidator>()
                .IsCurrentAsync(user.StaffId(), stamp, context.HttpContext.RequestAborted);
        if (!stands)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PendingSignIn.Scheme);
        }
    }

    /// <summary>Rejects a session older than <see cref="AbsoluteLifetime"/>, or that the staff side no longer recognises.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal!;
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var signedInAt = user.SignedInAt();
        var stamp = user.FindFirst(BackOfficeClaims.SecurityStamp)?.Value;
        // A minute of tolerance for instances whose clocks differ slightly.
        var stands = signedInAt is { } at && now - at < AbsoluteLifetime && at - now < TimeSpan.FromMinutes(1)
            && user.StaffId() != Guid.Empty && !string.IsNullOrEmpty(stamp)
            && await context.HttpContext.RequestServices.GetRequiredService<IStaffSessionValidator>()
                .IsCurrentAsync(user.StaffId(), stamp, context.HttpContext.RequestAborted);
        if (!stands)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(BackOfficeClaims.Scheme);
        }
    }
}
