using Guichet.Application.People;
using Guichet.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.People;

/// <summary>Where the validation link lands (partial <c>_ValidateEmail</c>); its button validates.</summary>
public abstract class ValidateEmailPageModel(PersonSpace space, ValidateEmail validate) : PersonPageModel(space)
{
    [BindProperty(SupportsGet = true, Name = "jeton")]
    public string? Token { get; set; }

    public bool Validated { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The link is old but the account it validates is validated already: nothing to ask for again.</summary>
    public bool AlreadyValidated { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await validate.HandleAsync(Token, cancellationToken);
        Validated = result.Succeeded;
        Error = result.Succeeded ? null : result.Errors[0].Message;
        AlreadyValidated = result.FailureCode == ErrorCodes.EmailAlreadyConfirmed;
        return Page();
    }
}
