using System.Threading.RateLimiting;
using Guichet.Application.Portal;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.RateLimiting;

namespace Guichet.Server.Portal;

public static class PortalServiceExtensions
{
    private const string AnonymousFormsPolicy = "anonymous-forms";

    public static IServiceCollection AddPortal(this IServiceCollection services, PortalWebOptions web)
    {
        // Behind a TLS-terminating proxy cookies must be Secure although the proxy talks plain HTTP to us; otherwise
        // they are Secure whenever the request is HTTPS, so the embedded default still works on http://localhost.
        var secure = web.SecureCookiesAlways ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Portal/Pages";
            options.Conventions.AuthorizeFolder("/");
            foreach (var page in s_anonymousPages)
            {
                options.Conventions.AllowAnonymousToPage(page);
            }

            foreach (var page in s_anonymousPages.Except(["/Erreur"]))
            {
                options.Conventions.AddPageApplicationModelConvention(page, model => model.EndpointMetadata.Add(new EnableRateLimitingAttribute(AnonymousFormsPolicy)));
            }
        });
        // Forms anyone may post (log in, sign up, lost password, resend…): a per-address budget per minute, on top of
        // the per-login brake, so that one client cannot hammer them.
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AnonymousFormsPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = web.AnonymousFormPostsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        services.AddAuthentication(PortalClaims.Scheme).AddCookie(PortalClaims.Scheme, options =>
        {
            options.Cookie.Name = "guichet.portal";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = secure;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/connexion";
            options.LogoutPath = "/deconnexion";
            options.AccessDeniedPath = "/connexion";
            options.ReturnUrlParameter = "retour";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = ValidateSecurityStampAsync;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "guichet.antiforgery";
            options.Cookie.SecurePolicy = secure;
            options.Cookie.HttpOnly = true;
        });
        services.AddAuthorization();
        return services;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<ExpiredPasswordGate>();
        app.MapRazorPages();
        return app;
    }

    private static readonly string[] s_anonymousPages =
    [
        "/Connexion", "/Inscription", "/EmailEnvoye", "/Compte/Valider", "/MotDePasseOublie", "/Compte/NouveauMotDePasse", "/Erreur",
    ];

    /// <summary>A password change renews the person's stamp: every cookie issued before it stops working, everywhere.</summary>
    private static async Task ValidateSecurityStampAsync(CookieValidatePrincipalContext context)
    {
        var queries = context.HttpContext.RequestServices.GetRequiredService<PortalQueries>();
        var person = await queries.PersonAsync(context.Principal!.PersonId(), context.HttpContext.RequestAborted);
        if (person is null || person.SecurityStamp.ToString() != context.Principal!.FindFirst(PortalClaims.SecurityStamp)?.Value)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PortalClaims.Scheme);
        }
    }
}

/// <summary>Settings of the portal's web layer (section <c>Portal</c>).</summary>
public sealed class PortalWebOptions
{
    /// <summary><c>true</c> behind a TLS-terminating proxy.</summary>
    public bool SecureCookiesAlways { get; set; }

    /// <summary>POSTs one address may make to the anonymous forms per minute.</summary>
    public int AnonymousFormPostsPerMinute { get; set; } = 20;
}

/// <summary>While the password is expired, every portal page leads to the forced change page.</summary>
public sealed class ExpiredPasswordGate(RequestDelegate next)
{
    private static readonly PathString[] s_open = ["/compte/mot-de-passe-expire", "/deconnexion", "/css", "/ws", "/health"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.MustChangePassword() && !s_open.Any(path => context.Request.Path.StartsWithSegments(path)))
        {
            context.Response.Redirect("/compte/mot-de-passe-expire");
            return Task.CompletedTask;
        }

        return next(context);
    }
}
