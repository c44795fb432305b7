using System.Threading.RateLimiting;
using Guichet.Domain.Security;
using Guichet.Server.People;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
        services.Configure<RazorPagesOptions>(options => options.AddPersonSpace(PortalPages.Space, PortalPolicies.Person, PortalPages.Anonymous));
        // Forms anyone may post (log in, sign up, lost password, resend…): a per-address budget per minute, on top of
        // the per-login brake, so that one client cannot hammer them. The address is the client's behind a configured proxy
        // (Hosting/ReverseProxy), and an IPv6 client counts by its /64 network.
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AnonymousFormsPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(AddressPartition.Of(context.Connection.RemoteIpAddress),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = context.RequestServices.GetRequiredService<IOptions<PortalWebOptions>>().Value.AnonymousFormPostsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        services.AddPersonCookie(PortalPages.Space, "guichet.portal");
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Person, Person().Build())
            .AddPolicy(PortalPolicies.CompanyMember, Person().AddRequirements(new CompanyScopeRequirement(administrator: false)).Build())
            .AddPolicy(PortalPolicies.CompanyAdministrator, Person().AddRequirements(new CompanyScopeRequirement(administrator: true)).Build());
        services.AddScoped<IAuthorizationHandler, CompanyScopeHandler>();
        services.AddSingleton<TrustedDeviceCookie>();
        return services;
    }

    private static AuthorizationPolicyBuilder Person() => PersonSpaceSetup.PersonPolicy(PortalPages.Space);
}
