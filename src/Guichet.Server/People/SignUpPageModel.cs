using Guichet.Application.People;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.People;

/// <summary>"Créer un compte" (partial <c>_SignUp</c>): the person is recorded as signed up in this space, and its emails lead back to it.</summary>
public abstract class SignUpPageModel(PersonSpace space, SignUp signUp) : PersonPageModel(space)
{
    [BindProperty]
    public SignUpForm Form { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A space whose form has no "contributions only" box cannot have it ticked by a forged post.
        var request = new SignUpRequest(Form.Email, Form.EmailConfirmation, Form.Password, Form.PasswordConfirmation, Form.FirstName, Form.LastName,
            Space.Words.AsksContributionsOnly && Form.ContributionsOnly, Space.Space);
        var result = await signUp.HandleAsync(request, Links, RemoteAddress, cancellationToken);
        if (!result.Succeeded)
        {
            ShowErrors(result.Errors, nameof(Form));
            Form.Password = Form.PasswordConfirmation = null;
            return Page();
        }

        TempData["SentTo"] = result.Value;
        return RedirectToPage(Space.Pages.ValidationEmailSent);
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
