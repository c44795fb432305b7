using Guichet.Application.People;
using Guichet.Application.Staff;
using Guichet.Domain.Accounts;
using Guichet.Domain.Staff;
using Guichet.Identifiers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Areas.BackOffice.Pages.Connexion;

/// <summary>After a one-time password (creation, reset): the member's own password, before the authenticator.</summary>
public sealed class NouveauMotDePasseModel(ChangeStaffPassword change, IOptions<PortalOptions> options) : PendingSignInPageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasswordConfirmation { get; set; }

    /// <summary>The policy the new password follows (the portal's), in words.</summary>
    public string Rules
    {
        get
        {
            var policy = options.Value.PasswordPolicy;
            IEnumerable<PasswordRule> rules =
            [
                PasswordRule.TooShort, PasswordRule.TooLong,
                .. policy.RequireUppercase ? [PasswordRule.MissingUppercase] : Array.Empty<PasswordRule>(),
                .. policy.RequireLowercase ? [PasswordRule.MissingLowercase] : Array.Empty<PasswordRule>(),
                .. policy.RequireDigit ? [PasswordRule.MissingDigit] : Array.Empty<PasswordRule>(),
                .. policy.RequireSpecial ? [PasswordRule.MissingSpecial] : Array.Empty<PasswordRule>(),
                PasswordRule.ContainsWhitespace,
            ];
            return "Votre mot de passe : " + string.Join(", ", rules.Select(r => PasswordMessages.Describe(policy, r))) + ".";
        }
    }

    protected override StaffNextStep Step => StaffNextStep.ChangePassword;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await change.HandleAsync(StaffId, CurrentPassword, Password, PasswordConfirmation, RemoteAddress, cancellationToken);
        (CurrentPassword, Password, PasswordConfirmation) = (null, null, null);
        if (!result.Succeeded)
        {
            return await RestartOrShowAsync(result) ?? Page();
        }

        return await ContinueAsync(result.Value.SecurityStamp, result.Value.Next);
    }
}
