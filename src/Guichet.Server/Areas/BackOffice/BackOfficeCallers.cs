using System.Security.Claims;
using Guichet.Application.Accounts;

namespace Guichet.Server.Areas.BackOffice;

public static class BackOfficeCallers
{
    /// <summary>The signed-in staff member as the accounts' use cases see them: <c>staff:&lt;email&gt;</c> from their address.</summary>
    public static StaffCaller StaffCaller(this HttpContext context) => Application.Accounts.StaffCaller.For(
        context.User.FindFirstValue(ClaimTypes.Email) ?? throw new InvalidOperationException("A staff cookie without an email."),
        context.Connection.RemoteIpAddress?.ToString());
}
