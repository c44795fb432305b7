using Guichet.Application.Enrolment;
using Guichet.Application.Maintenance;
using Guichet.Application.Partners;
using Guichet.Application.People;
using Guichet.Application.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Application;

/// <summary>
/// The application's settings, each bound to its section and checked when the server starts: a wrong value stops the
/// start with the setting's name rather than failing on the first request that reads it. The section names are those
/// the README documents. Section <c>Mail</c> is registered with the senders (<c>AddGuichetMail</c>).
/// </summary>
internal static class ApplicationOptions
{
    public static IServiceCollection AddApplicationOptions(this IServiceCollection services)
    {
        AddSecurity(services);
        AddEnrolment(services);
        AddMaintenance(services);
        AddPortal(services);
        AddPartners(services);
        return services;
    }

    private static void AddSecurity(IServiceCollection services)
    {
        const string Section = SecurityOptions.Section;
        services.AddOptions<SecurityOptions>().BindConfiguration(Section)
            .Validate(o => o.WsseFreshness > TimeSpan.Zero, Positive($"{Section}:{nameof(SecurityOptions.WsseFreshness)}", "00:05:00"))
            .Validate(o => o.SsoClockSkew >= TimeSpan.Zero, NotNegative($"{Section}:{nameof(SecurityOptions.SsoClockSkew)}", "00:01:00"))
            .Validate(o => o.VerifiedPasswordCacheDuration >= TimeSpan.Zero,
                NotNegative($"{Section}:{nameof(SecurityOptions.VerifiedPasswordCacheDuration)}", "00:05:00, or 00:00:00 for no cache"))
            .Validate(o => o.FailedWhiteLabelAuthenticationsPerAddressPerMinute > 0,
                Positive($"{Section}:{nameof(SecurityOptions.FailedWhiteLabelAuthenticationsPerAddressPerMinute)}", "20"))
            .Validate(o => o.AuthenticationFailureRetention > TimeSpan.Zero,
                Positive($"{Section}:{nameof(SecurityOptions.AuthenticationFailureRetention)}", "365.00:00:00"))
            .ValidateOnStart();
    }

    private static void AddEnrolment(IServiceCollection services)
    {
        const string Section = EnrolmentOptions.Section;
        services.AddOptions<EnrolmentOptions>().BindConfiguration(Section)
            .Validate(o => o.PollInterval > TimeSpan.Zero, Positive($"{Section}:{nameof(EnrolmentOptions.PollInterval)}", "00:00:02"))
            .Validate(o => o.Lease > TimeSpan.Zero, Positive($"{Section}:{nameof(EnrolmentOptions.Lease)}", "00:02:00"))
            .Validate(o => o.RunSpacing >= TimeSpan.Zero, NotNegative($"{Section}:{nameof(EnrolmentOptions.RunSpacing)}", "00:00:00.250"))
            .ValidateOnStart();
    }

    private static void AddMaintenance(IServiceCollection services)
    {
        const string Section = MaintenanceOptions.Section;
        services.AddOptions<MaintenanceOptions>().BindConfiguration(Section)
            .Validate(o => o.Interval > TimeSpan.Zero && o.Interval <= MaintenanceOptions.LongestInterval,
                $"{Section}:{nameof(MaintenanceOptions.Interval)} must be positive and at most a day (e.g. 00:10:00).")
            .ValidateOnStart();
    }

    private static void AddPortal(IServiceCollection services)
    {
        const string Section = PortalOptions.Section;
        const string MinLength = $"{Section}:{nameof(PortalOptions.PasswordMinLength)}";
        services.AddOptions<PortalOptions>().BindConfiguration(Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicBaseUrl) || IsWebAddress(o.PublicBaseUrl),
                $"{Section}:{nameof(PortalOptions.PublicBaseUrl)} must be empty or an absolute http(s) address, e.g. https://guichet.example.fr.")
            .Validate(o => o.PasswordMinLength >= PortalOptions.MinimumPasswordLength,
                $"{MinLength} must be at least {PortalOptions.MinimumPasswordLength}.")
            .Validate(o => o.PasswordMaxLength >= o.PasswordMinLength,
                $"{Section}:{nameof(PortalOptions.PasswordMaxLength)} must be at least {MinLength}.")
            .Validate(o => o.EmailValidationLifetime > TimeSpan.Zero,
                Positive($"{Section}:{nameof(PortalOptions.EmailValidationLifetime)}", "1.00:00:00"))
            .Validate(o => o.PasswordResetLifetime > TimeSpan.Zero, Positive($"{Section}:{nameof(PortalOptions.PasswordResetLifetime)}", "01:00:00"))
            .Validate(o => o.PasswordLifetime > TimeSpan.Zero, Positive($"{Section}:{nameof(PortalOptions.PasswordLifetime)}", "548.00:00:00"))
            .Validate(o => o.Tools.All(t => !string.IsNullOrWhiteSpace(t.Name) && IsWebAddress(t.Url)),
                $"{Section}:{nameof(PortalOptions.Tools)}: every tool needs a Name and an absolute http(s) Url.")
            .ValidateOnStart();
    }

    private static void AddPartners(IServiceCollection services)
    {
        const string Section = PartnerOptions.Section;
        services.AddOptions<PartnerOptions>().BindConfiguration(Section)
            .PostConfigure(o => o.Tools = o.Tools.Count == 0 ? PartnerOptions.ExampleTools : o.Tools)
            .Validate(o => !string.IsNullOrWhiteSpace(o.FundName),
                $"{Section}:{nameof(PartnerOptions.FundName)} is required, as sentences name it after \"de\" (e.g. l'Opcommerce).")
            .Validate(o => IsWebAddress(o.ContactUrl),
                $"{Section}:{nameof(PartnerOptions.ContactUrl)} must be an absolute http(s) address, e.g. https://www.example.fr/contact.")
            .Validate(o => o.Tools.All(t => !string.IsNullOrWhiteSpace(t.Name) && IsWebAddress(t.Url)),
                $"{Section}:{nameof(PartnerOptions.Tools)}: every tool needs a Name and an absolute http(s) Url.")
            .ValidateOnStart();
    }

    private static string Positive(string setting, string example) => $"{setting} must be positive (e.g. {example}).";

    private static string NotNegative(string setting, string example) => $"{setting} must not be negative (e.g. {example}).";

    private static bool IsWebAddress(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
