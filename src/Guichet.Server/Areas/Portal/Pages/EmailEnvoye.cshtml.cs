using Guichet.Application.People;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Server.Areas.Portal.Pages;

public sealed class EmailEnvoyeModel(ResendValidationEmail resend) : PortalPageModel
{
    public string? SentTo { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet() => SentTo = TempData.Peek("SentTo") as string;

    public async Task<IActionResult> OnPostResendAsync(string? email, CancellationToken cancellationToken)
    {
        await resend.HandleAsync(email, Links, cancellationToken);
        TempData["SentTo"] = email;
        Message = "Un nouvel email de validation a été envoyé. Seul le lien de ce dernier email fonctionne.";
        return RedirectToPage(PortalPages.ValidationEmailSent);
    }
}
