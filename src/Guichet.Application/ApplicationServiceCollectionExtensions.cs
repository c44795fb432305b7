using Guichet.Application.Accounts;
using Guichet.Application.Accounts.Files;
using Guichet.Application.Auditing;
using Guichet.Application.Companies;
using Guichet.Application.Enrolment;
using Guichet.Application.Mail;
using Guichet.Application.Maintenance;
using Guichet.Application.People;
using Guichet.Application.Security;
using Guichet.Application.Staff;
using Guichet.Application.WhiteLabels;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Application;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>The use cases and the services they share; the front doors call these and nothing below them.</summary>
    public static IServiceCollection AddGuichetApplication(this IServiceCollection services)
    {
        services.AddApplicationOptions();
        services.AddDataProtection();
        services.AddSingleton(TimeProvider.System);
        services.AddGuichetMail();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<SecretProtector>();
        services.AddSingleton<VerifiedPasswordCache>();
        services.AddSingleton<FailedAuthenticationBudget>();
        services.AddSingleton<EnrolmentSignal>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<WsseAuthenticator>();
        services.AddScoped<LoginThrottling>();
        services.AddScoped<UserAuthenticator>();
        services.AddScoped<AccountStore>();
        services.AddScoped<RegisterPrimaryAccount>();
        services.AddScoped<RegistrationReceipts>();
        services.AddScoped<RegisterSecondaryAccount>();
        services.AddScoped<ModifyAccount>();
        services.AddScoped<GetAccountState>();
        services.AddScoped<ChangeAccountStatus>();
        services.AddScoped<SearchRegistrationFiles>();
        services.AddScoped<CountRegistrationFilesByState>();
        services.AddScoped<GetRegistrationFile>();
        services.AddScoped<ChangeRegistrationFilesStatus>();
        services.AddScoped<IndexRegistrationFiles>();
        services.AddScoped<EnrolAccounts>();
        services.AddScoped<CreateWhiteLabel>();
        services.AddScoped<CreateAdministrator>();
        services.AddScoped<ListWhiteLabels>();
        services.AddScoped<PurgeExpiredSecurityRecords>();
        services.AddScoped<PersonTokens>();
        services.AddScoped<PortalMailer>();
        services.AddScoped<SignUp>();
        services.AddScoped<ResendValidationEmail>();
        services.AddScoped<ValidateEmail>();
        services.AddScoped<SignIn>();
        services.AddScoped<RequestPasswordReset>();
        services.AddScoped<ResetPassword>();
        services.AddScoped<ChangePassword>();
        services.AddScoped<PeopleQueries>();
        services.AddScoped<CompanyAdministrators>();
        services.AddScoped<MembershipDecisions>();
        services.AddScoped<AddCompany>();
        services.AddScoped<ApproveAccessRequest>();
        services.AddScoped<RefuseAccessRequest>();
        services.AddScoped<RevokeMembership>();
        services.AddScoped<AppointAdministrator>();
        services.AddScoped<RemindAccessRequest>();
        services.AddScoped<CompanyQueries>();
        services.AddScoped<MemberDirectory>();
        services.AddScoped<ImportMemberDirectory>();
        services.AddScoped<StageMemberDirectoryImport>();
        services.AddScoped<PreviewMemberDirectoryImport>();
        services.AddScoped<ApplyMemberDirectoryImport>();
        services.AddScoped<SearchCompanies>();
        services.AddScoped<GetDirectoryCompany>();
        services.AddScoped<IndexCompanies>();
        services.AddSingleton<StaffAuthenticator>();
        services.AddScoped<CreateStaffMember>();
        services.AddScoped<SignInStaff>();
        services.AddScoped<ChangeStaffPassword>();
        services.AddScoped<BeginTotpEnrolment>();
        services.AddScoped<ConfirmTotpEnrolment>();
        services.AddScoped<VerifyStaffSecondFactor>();
        services.AddScoped<DisableStaffMember>();
        services.AddScoped<EnableStaffMember>();
        services.AddScoped<ResetStaffMember>();
        services.AddScoped<ListStaffMembers>();
        services.AddScoped<ValidateStaffSession>();
        services.AddHostedService<EnrolmentWorker>();
        services.AddHostedService<MaintenanceWorker>();
        return services;
    }
}
