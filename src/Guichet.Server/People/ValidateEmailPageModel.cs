using Guichet.Application.People;
using Guichet.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.People;

/// <summary>
/// Where the validation link lands (partial <c>_ValidateEmail</c>); its button validates with the password chosen at
/// sign-up (see <see cref="ValidateEmail"/> for why).
/// </summary>
public abstract class ValidateEmailPageModel(PersonSpace space, ValidateEmail validate) : PersonPageModel(space)
{
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Validated { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The link is old but the account it validates is validated already: nothing to ask for again.</summary>
    public bool AlreadyValidated { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await validate.HandleAsync(Token, Password, cancellationToken);
        if (result.FailureCode is ErrorCodes.NotTheSignUpPassword || result.Errors.Any(e => e.Field is not null))
        {
            // The link is still good: the form again, the error under its field.
            ShowErrors(result.Errors);
            return Page();
        }

        Validated = result.Succeeded;
        Error = result.Succeeded ? null : result.Errors[0].Message;
        AlreadyValidated = result.FailureCode == ErrorCodes.EmailAlreadyConfirmed;
        return Page();
    }
}
