using System.Threading.RateLimiting;
using Guichet.Application.People;
using Guichet.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Areas.Portal;

public static class PortalServiceExtensions
{
    /// <summary>Per-address budget of POSTs to forms anyone may submit; the back office's sign-in pages use it too.</summary>
    public const string AnonymousFormsPolicy = "anonymous-forms";

    /// <summary>The Entreprise space at the site's root: its pages, its cookie, its policies, its budget of anonymous posts.</summary>
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        services.AddOptions<PortalWebOptions>().BindConfiguration(PortalWebOptions.Section)
            .Validate(o => o.AnonymousFormPostsPerMinute > 0, "Portal:AnonymousFormPostsPerMinute must be at least 1.")
            .ValidateOnStart();
        services.AddRazorPages();
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeAreaFolder(PortalPages.Area, "/", PortalPolicies.Person);
            options.Conventions.AddAreaFolderApplicationModelConvention(PortalPages.Area, "/",
                model => model.Filters.Add(new ExpiredPasswordFilter()));
            foreach (var page in PortalPages.Anonymous)
            {
                options.Conventions.AllowAnonymousToAreaPage(PortalPages.Area, page);
                options.Conventions.AddAreaPageApplicationModelConvention(PortalPages.Area, page,
                    model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(AnonymousFormsPolicy)));
            }
        });
        // Forms anyone may post (log in, sign up, lost password, resend…): a per-address budget per minute, on top of
        // the per-login brake, so that one client cannot hammer them.
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AnonymousFormsPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IOptions<PortalWebOptions>>().Value.AnonymousFormPostsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        services.AddAuthentication().AddCookie(PortalClaims.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(PortalClaims.Scheme)
            .Configure<IOptions<PortalWebOptions>, LinkGenerator>((options, web, links) =>
        {
            options.Cookie.Name = "guichet.portal";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = web.Value.CookieSecurePolicy;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = links.PathOfPage(PortalPages.Area, PortalPages.SignIn);
            options.LogoutPath = links.PathOfPage(PortalPages.Area, PortalPages.SignOut);
            options.ReturnUrlParameter = "retour";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = ValidateSecurityStampAsync;
            // A signed-in person outside a company's scope gets the error page ("n'existe pas ou vous n'y avez pas
            // accès"), not the sign-in form again.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Person, Person().Build())
            .AddPolicy(PortalPolicies.CompanyMember, Person().AddRequirements(new CompanyScopeRequirement(administrator: false)).Build())
            .AddPolicy(PortalPolicies.CompanyAdministrator, Person().AddRequirements(new CompanyScopeRequirement(administrator: true)).Build());
        services.AddScoped<IAuthorizationHandler, CompanyScopeHandler>();
        return services;
    }

    private static AuthorizationPolicyBuilder Person() =>
        new AuthorizationPolicyBuilder(PortalClaims.Scheme).RequireAuthenticatedUser();

    /// <summary>A password change renews the person's stamp: every cookie issued before it stops working, everywhere.</summary>
    private static async Task ValidateSecurityStampAsync(CookieValidatePrincipalContext context)
    {
        var people = context.HttpContext.RequestServices.GetRequiredService<PeopleQueries>();
        var stamp = await people.SecurityStampAsync(context.Principal!.PersonId(), context.HttpContext.RequestAborted);
        if (stamp is null || stamp.ToString() != context.Principal!.FindFirst(PortalClaims.SecurityStamp)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PortalClaims.Scheme);
        }
    }
}
