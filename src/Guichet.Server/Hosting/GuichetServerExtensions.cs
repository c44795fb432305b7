using Guichet.Application;
using Guichet.Server.Areas.BackOffice;
using Guichet.Server.Areas.Partners;
using Guichet.Server.Areas.Portal;
using Guichet.Server.Pages;
using Guichet.Server.Soap;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Hosting;

/// <summary>The host's table of contents: its doors side by side, on the same use cases.</summary>
public static class GuichetServerExtensions
{
    public static WebApplicationBuilder AddGuichetServer(this WebApplicationBuilder builder)
    {
        builder.AddDatabase();
        builder.Services.AddGuichetApplication();
        builder.AddGuichetKeyRing();
        builder.AddReverseProxy();
        builder.Services.AddRegisteringService();
        builder.Services.AddSharedPages();
        builder.Services.AddPortal();
        builder.Services.AddPartners();
        builder.Services.AddBackOffice();
        return builder;
    }

    public static WebApplication UseGuichetServer(this WebApplication app)
    {
        app.UseReverseProxy();
        app.UseSecurityHeaders();
        // Nobody sees a stack trace: errors and empty error statuses of every area, and unknown addresses, show the
        // French error page.
        app.UseExceptionHandler(ErreurModel.Path);
        app.UseStatusCodePagesWithReExecute(ErreurModel.Path, "?code={0}");
        app.UseRegisteringService();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapBackOffice();
        app.MapGet("/health", () => Results.Ok("ok"));
        return app;
    }

    /// <summary>
    /// What the areas share: Razor Pages, the error page, the antiforgery cookie, and authentication with NO default
    /// scheme, so that no area's cookie counts anywhere but where that area's policies name its scheme.
    /// </summary>
    private static IServiceCollection AddSharedPages(this IServiceCollection services)
    {
        services.AddRazorPages();
        services.Configure<RazorPagesOptions>(options => options.Conventions.AllowAnonymousToPage(ErreurModel.PageName));
        services.AddAuthentication();
        services.AddAuthorization();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "guichet.antiforgery";
            options.Cookie.HttpOnly = true;
        });
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IOptions<PortalWebOptions>>((options, web) => options.Cookie.SecurePolicy = web.Value.CookieSecurePolicy);
        return services;
    }
}
