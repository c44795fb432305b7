using Guichet.Application.People;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;
using Guichet.Domain.People;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Guichet.Server.People;

/// <summary>
/// Base of every page of a space of people: which space it is, who is signed in there, the links its emails carry, and
/// use-case errors mapped onto the form.
/// </summary>
public abstract class PersonPageModel(PersonSpace space) : PageModel
{
    public PersonSpace Space => space;

    protected Guid PersonId => User.PersonId();

    protected PortalLinks Links => space.LinksFor(HttpContext);

    protected string? RemoteAddress => HttpContext.Connection.RemoteIpAddress?.ToString();

    /// <summary>The portal's password policy in one sentence, from the options the server checks with (never a copy).</summary>
    public string PasswordPolicySentence =>
        PasswordMessages.Sentence(HttpContext.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.PasswordPolicy);

    /// <summary>Each error under its field (the form's property name), or at the top of the form when it has none.</summary>
    protected void ShowErrors(IEnumerable<Error> errors, string? prefix = null)
    {
        foreach (var error in errors)
        {
            var key = error.Field is null ? string.Empty : prefix is null ? error.Field : $"{prefix}.{error.Field}";
            ModelState.AddModelError(key, error.Message);
        }
    }

    /// <summary>
    /// A fresh cookie of this same session (its lifetime still runs from the sign-in) after a change the cookie carries (a
    /// new security stamp, a new name): the person stays signed in here while the new stamp ends their other sessions.
    /// </summary>
    protected Task RenewCookieAsync(Person person) =>
        HttpContext.SignInAsync(Space.Scheme, PersonClaims.For(person, passwordExpired: false, Space.Scheme, User.SessionId()));
}
