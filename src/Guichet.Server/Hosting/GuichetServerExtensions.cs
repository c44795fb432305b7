using Guichet.Application;
using Guichet.Server.Areas.BackOffice;
using Guichet.Server.Areas.Partners;
using Guichet.Server.Areas.Portal;
using Guichet.Server.Pages;
using Guichet.Server.People;
using Guichet.Server.Soap;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Hosting;

/// <summary>The host's table of contents: its doors side by side, on the same use cases.</summary>
public static class GuichetServerExtensions
{
    public static WebApplicationBuilder AddGuichetServer(this WebApplicationBuilder builder)
    {
        // An https:// address in ASPNETCORE_URLS or Kestrel:Endpoints, which the slim host builder leaves out.
        builder.WebHost.UseKestrelHttpsConfiguration();
        var doors = builder.AddValidatedOptions<Doors, DoorsValidator>(Doors.Section);
        builder.AddDatabase();
        builder.Services.AddGuichetApplication();
        builder.AddGuichetKeyRing();
        builder.AddReverseProxy();
        builder.AddValidatedOptions<MemoryOptions, MemoryOptionsValidator>(MemoryOptions.Section);
        builder.Services.AddSingleton<NativeHeapTrimming>();
        builder.Services.AddHostedService(services => services.GetRequiredService<NativeHeapTrimming>());
        if (doors.Soap)
        {
            builder.Services.AddRegisteringService();
        }

        // The web doors are set up together (one door's pages link to the other's, and share the error page); a closed
        // one's pages answer 404 (UseGuichetServer).
        if (doors.Web)
        {
            builder.Services.AddSharedPages();
            builder.Services.AddPortal();
            builder.Services.AddPartners();
            builder.Services.AddBackOffice();
        }

        return builder;
    }

    public static WebApplication UseGuichetServer(this WebApplication app)
    {
        var doors = app.Services.GetRequiredService<IOptions<Doors>>().Value;
        app.UseReverseProxy();
        app.UseSecurityHeaders();
        if (doors.Web)
        {
            // Nobody sees a stack trace: errors and empty error statuses of every area, and unknown addresses, show the
            // French error page.
            app.UseExceptionHandler(ErreurModel.Path);
            app.UseStatusCodePagesWithReExecute(ErreurModel.Path, "?code={0}");
        }
        else
        {
            // WS Registering answers its own faults; anything else that fails gets a bare 500, never a stack trace.
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = _ => Task.CompletedTask });
        }

        if (doors.Soap)
        {
            app.UseRegisteringService();
        }

        if (doors.Web)
        {
            app.UseStaticFiles();
        }

        app.UseRouting();
        if (doors.Web)
        {
            app.UseWebDoors(doors);
        }

        app.MapGet("/health", () => Results.Ok("ok"));
        return app;
    }

    /// <summary>The pages' pipeline: a closed web door's pages answer 404 before anything reads a cookie of theirs.</summary>
    private static void UseWebDoors(this WebApplication app, Doors doors)
    {
        app.Use((context, next) =>
        {
            if (doors.Opens(context.GetEndpoint()))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        if (doors.BackOffice)
        {
            app.MapBackOffice();
        }
    }

    /// <summary>
    /// What the areas share: Razor Pages, the error page, the antiforgery and TempData cookies, the people's sessions'
    /// settings, and authentication with NO default scheme, so that no area's cookie counts anywhere but where that area's
    /// policies name its scheme.
    /// </summary>
    private static IServiceCollection AddSharedPages(this IServiceCollection services)
    {
        services.AddRazorPages();
        services.Configure<RazorPagesOptions>(options => options.Conventions.AllowAnonymousToPage(ErreurModel.PageName));
        services.AddAuthentication();
        services.AddAuthorization();
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<PortalWebOptions>>((options, web) =>
        {
            options.Cookie.Name = web.Value.CookieName("guichet.antiforgery");
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = web.Value.CookieSecurePolicy;
            // SecurityHeaders sends X-Frame-Options: DENY on every response, not only when a token is minted.
            options.SuppressXFrameOptionsHeader = true;
        });
        // TempData carries the sign-up email address and the pages' messages: the same rules as every other cookie.
        services.AddOptions<CookieTempDataProviderOptions>().Configure<IOptions<PortalWebOptions>>((options, web) =>
        {
            options.Cookie.Name = web.Value.CookieName("guichet.tempdata");
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = web.Value.CookieSecurePolicy;
        });
        services.AddOptions<PersonSessionOptions>().BindConfiguration(PersonSessionOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PersonSessionOptions>, PersonSessionOptionsValidator>();
        return services;
    }
}
