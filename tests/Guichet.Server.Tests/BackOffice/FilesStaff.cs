using System.Text.RegularExpressions;
using Guichet.Domain.Staff;
using Guichet.Server.Areas.BackOffice;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// A staff member signed in through the real sign-in (<see cref="SignedInStaff"/>), and the file pages' forms as a
/// browser submits them: the hidden fields come from the page shown, the antiforgery token with them.
/// </summary>
public sealed partial class FilesStaff : IDisposable
{
    private readonly SignedInStaff _staff;

    private FilesStaff(SignedInStaff staff) => _staff = staff;

    public WebVisitor Visitor => _staff.Visitor;

    public string AuditName => _staff.AuditName;

    public static async Task<FilesStaff> SignInAsync(GuichetServer server, StaffRole role = StaffRole.Agent) =>
        new(await SignedInStaff.SignInAsync(server, role));

    /// <summary>The same session in a browser context of the same server.</summary>
    public Task AddCookiesToAsync(IBrowserContext context) => _staff.AddCookiesToAsync(context);

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

    public void Dispose() => _staff.Dispose();

    [GeneratedRegex("name=\"version\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex VersionField();
}
