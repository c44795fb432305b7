using Guichet.Application.People;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Areas.Portal.Pages;

public sealed class InscriptionModel(SignUp signUp, IOptions<PortalOptions> options) : PortalPageModel
{
    [BindProperty]
    public SignUpForm Form { get; set; } = new();

    public string PolicyText
    {
        get
        {
            var policy = options.Value.PasswordPolicy;
            return $"Au moins {policy.MinLength} caractères (au plus {policy.MaxLength}), "
                + "avec au moins une majuscule, une minuscule, un chiffre et un caractère spécial ; sans espace.";
        }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = new SignUpRequest(Form.Email, Form.EmailConfirmation, Form.Password, Form.PasswordConfirmation, Form.FirstName, Form.LastName,
            Form.ContributionsOnly);
        var result = await signUp.HandleAsync(request, Links, HttpContext.Connection.RemoteIpAddress?.ToString(), cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Errors, nameof(Form));
            Form.Password = Form.PasswordConfirmation = null;
            return Page();
        }

        TempData["SentTo"] = result.Value;
        return RedirectToPage(PortalPages.ValidationEmailSent);
    }

    public sealed class SignUpForm
    {
        public string? Email { get; set; }

        public string? EmailConfirmation { get; set; }

        public string? Password { get; set; }

        public string? PasswordConfirmation { get; set; }

        public string? FirstName { get; set; }

        public string? LastName { get; set; }

        public bool ContributionsOnly { get; set; }
    }
}
