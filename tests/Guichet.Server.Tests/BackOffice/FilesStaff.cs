using System.Text.RegularExpressions;
using Guichet.Application.Staff;
using Guichet.Server.Areas.BackOffice;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// A real staff member (created by the staff use case) holding the back-office cookie the sign-in issues, and the file
/// pages' forms as a browser submits them: the hidden fields come from the page shown, the antiforgery token with them.
/// </summary>
public sealed partial class FilesStaff : IDisposable
{
    private FilesStaff(WebVisitor visitor, string email, string cookie)
    {
        Visitor = visitor;
        Email = email;
        Cookie = cookie;
    }

    /// <summary>The value of the back-office cookie (path <see cref="BackOfficePages.PathBase"/>), for a browser.</summary>
    public string Cookie { get; }

    public WebVisitor Visitor { get; }

    public string Email { get; }

    /// <summary>What the audit trail names them.</summary>
    public string AuditName => "staff:" + Email;

    public static async Task<FilesStaff> SignInAsync(GuichetServer server, string role = "agent")
    {
        var email = $"agent-{Guid.NewGuid():N}@guichet.test";
        var created = await server.InScopeAsync(services => services.GetRequiredService<CreateStaffMember>()
            .HandleAsync(new NewStaffMember(email, "Alex Agent", role), StaffActor.Operator, null, CancellationToken.None));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        var stamp = await server.InDbAsync(db =>
            db.StaffMembers.Where(s => s.Id == created.Value.StaffId).Select(s => s.SecurityStamp).SingleAsync());
        var principal = BackOfficeClaims.For(created.Value.StaffId, email, "Alex Agent", role, stamp.ToString(), server.Clock.GetUtcNow());
        var cookie = WebVisitor.MintStaffCookie(server, principal);
        var visitor = new WebVisitor(server);
        visitor.SetCookie("guichet.back-office", cookie, BackOfficePages.PathBase);
        return new FilesStaff(visitor, email, cookie);
    }

    public async Task<(HttpResponseMessage Response, string Text)> GetAsync(string path)
    {
        var response = await Visitor.GetAsync(path);
        return (response, await WebVisitor.TextOfAsync(response));
    }

    /// <summary>The version a file page shows in its action forms.</summary>
    public static string VersionIn(string filePage) => VersionField().Match(filePage) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("No version on the page.");

    /// <summary>Clicks an action's button on a file page shown earlier (its version), with an optional rejection reason.</summary>
    public Task<HttpResponseMessage> ActAsync(string folderNumber, string shownPage, string operation, string? reason = null)
    {
        var path = FilePath(folderNumber);
        (string, string)[] fields = reason is null
            ? [("version", VersionIn(shownPage)), ("operation", operation)]
            : [("version", VersionIn(shownPage)), ("motif", reason), ("operation", operation)];
        return Visitor.SubmitAsync(path, path, fields);
    }

    public static string FilePath(string folderNumber) => $"{BackOfficePages.PathBase}/dossiers/{folderNumber}";

    public void Dispose() => Visitor.Dispose();

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionField();
}
