using System.Net;
using System.Text.RegularExpressions;
using Guichet.Application.Staff;
using Guichet.Domain.Staff;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>
/// A staff member signed in to the back office through the real forms, for tests of back-office pages:
/// <code>
/// using var admin = await SignedInStaff.SignInAsync(server, StaffRole.Administrator);   // created, enrolled, signed in
/// using var page = await admin.Visitor.GetAsync("/back-office/equipe");               // plain HTTP with the cookie
/// await admin.AddCookiesToAsync(browserContext);                                      // the same session in Playwright
/// </code>
/// <see cref="SignInAsync"/> creates the member with the <see cref="CreateStaffMember"/> use case, then goes through the
/// first sign-in's forms: one-time password, new password (<see cref="Password"/>), authenticator (the key read on the
/// page, the code computed on the server's clock), recovery codes. <see cref="SignInAgainAsync"/> signs in anew with a
/// fresh code. Each call makes its own member (unique email).
/// </summary>
public sealed partial class SignedInStaff : IDisposable
{
    /// <summary>The password every member chooses at their first sign-in (the portal's policy).</summary>
    public const string Password = "Nouveau-pass1!";

    private SignedInStaff(GuichetServer server, CreatedStaffMember created, WebVisitor visitor)
    {
        Server = server;
        Id = created.StaffId;
        Email = created.Email;
        DisplayName = created.DisplayName;
        Role = created.Role;
        Visitor = visitor;
    }

    public GuichetServer Server { get; }

    public Guid Id { get; }

    public string Email { get; }

    /// <summary>What the audit trail names them.</summary>
    public string AuditName => "staff:" + Email;

    public string DisplayName { get; }

    public StaffRole Role { get; }

    /// <summary>The HTTP client holding the session's cookie (no redirect followed).</summary>
    public WebVisitor Visitor { get; private set; }

    /// <summary>The authenticator's secret, as read on the enrolment page.</summary>
    public byte[] Secret { get; private set; } = [];

    /// <summary>The ten recovery codes shown after enrolment.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    /// <summary>A new member of <paramref name="role"/>, through their whole first sign-in.</summary>
    public static async Task<SignedInStaff> SignInAsync(GuichetServer server, StaffRole role = StaffRole.Agent, string? displayName = null)
    {
        var created = await CreateAsync(server, role, displayName);
        var session = new SignedInStaff(server, created, new WebVisitor(server));
        await session.FirstSignInAsync(created.OneTimePassword);
        return session;
    }

    /// <summary>A new member (operator's creation), not signed in: its one-time password in hand.</summary>
    public static async Task<CreatedStaffMember> CreateAsync(GuichetServer server, StaffRole role = StaffRole.Agent, string? displayName = null)
    {
        var request = new NewStaffMember($"s-{Guid.NewGuid():N}@guichet.test", displayName ?? "Sam Personnel", role.ToString());
        var created = await server.InScopeAsync(services =>
            services.GetRequiredService<CreateStaffMember>().HandleAsync(request, StaffActor.Operator, null, CancellationToken.None));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        return created.Value;
    }

    /// <summary>The authenticator's code now, or <paramref name="steps"/> steps of 30 seconds away, on the server's clock.</summary>
    public string Code(int steps = 0) => Code(Server, Secret, steps);

    public static string Code(GuichetServer server, byte[] secret, int steps = 0) =>
        new Totp(secret).ComputeTotp(server.Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));

    /// <summary>A new sign-in (new client) with the password and a code of the next time step (a code works once).</summary>
    public async Task SignInAgainAsync()
    {
        IntoNextStep(Server);
        Visitor.Dispose();
        Visitor = new WebVisitor(Server);
        using var password = await Visitor.SubmitAsync("/back-office/connexion", "/back-office/connexion", ("Email", Email), ("Password", Password));
        Assert.Equal("/back-office/connexion/code", WebVisitor.RedirectPath(password));
        using var code = await Visitor.SubmitAsync("/back-office/connexion/code", "/back-office/connexion/code", ("Code", Code()));
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Contains(Visitor.Cookies.GetAllCookies(), c => c.Name == "guichet.back-office");
    }

    /// <summary>Puts the session's cookie into a Playwright context (whose base address is the same server).</summary>
    public Task AddCookiesToAsync(IBrowserContext context) => context.AddCookiesAsync(
        Visitor.Cookies.GetAllCookies()
            .Where(c => c.Name.StartsWith("guichet.", StringComparison.Ordinal))
            .Select(c => new Microsoft.Playwright.Cookie
            {
                Name = c.Name,
                Value = c.Value,
                Domain = Server.BaseAddress.Host,
                Path = c.Path,
                HttpOnly = c.HttpOnly,
                SameSite = SameSiteAttribute.Strict,
            }));

    /// <summary>
    /// Moves the server's clock 5 seconds into the next TOTP step, so that the code of the step just spent is not reused
    /// and a test has 25 seconds before the step changes under it.
    /// </summary>
    public static void IntoNextStep(GuichetServer server)
    {
        var now = server.Clock.GetUtcNow();
        var intoStep = TimeSpan.FromTicks((now - DateTimeOffset.UnixEpoch).Ticks % TimeSpan.FromSeconds(30).Ticks);
        server.Clock.Advance(TimeSpan.FromSeconds(35) - intoStep);
    }

    /// <summary>The authenticator key shown on an enrolment page, as bytes.</summary>
    public static byte[] SecretShownOn(string html) =>
        Base32Encoding.ToBytes(ManualKey().Match(html).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal));

    /// <summary>The recovery codes shown after enrolment.</summary>
    public static IReadOnlyList<string> RecoveryCodesShownOn(string html) => [.. RecoveryCode().Matches(html).Select(m => m.Groups[1].Value)];

    public void Dispose() => Visitor.Dispose();

    private async Task FirstSignInAsync(string oneTimePassword)
    {
        using var signIn = await Visitor.SubmitAsync("/back-office/connexion", "/back-office/connexion",
            ("Email", Email), ("Password", oneTimePassword));
        Assert.Equal("/back-office/connexion/nouveau-mot-de-passe", WebVisitor.RedirectPath(signIn));
        using var changed = await Visitor.SubmitAsync("/back-office/connexion/nouveau-mot-de-passe", "/back-office/connexion/nouveau-mot-de-passe",
            ("CurrentPassword", oneTimePassword), ("Password", Password), ("PasswordConfirmation", Password));
        Assert.Equal("/back-office/connexion/authentificateur", WebVisitor.RedirectPath(changed));
        using var enrolment = await Visitor.GetAsync("/back-office/connexion/authentificateur");
        var html = await WebVisitor.TextOfAsync(enrolment);
        Secret = SecretShownOn(html);
        Assert.Equal(20, Secret.Length);
        using var enrolled = await Visitor.SubmitFromAsync(html, "/back-office/connexion/authentificateur", ("Code", Code()));
        RecoveryCodes = RecoveryCodesShownOn(await WebVisitor.TextOfAsync(enrolled));
        Assert.Equal(10, RecoveryCodes.Count);
        Assert.Contains(Visitor.Cookies.GetAllCookies(), c => c.Name == "guichet.back-office");
    }

    [GeneratedRegex("<code class=\"cle\" id=\"cle\">([A-Z2-7 ]+)</code>")]
    private static partial Regex ManualKey();

    [GeneratedRegex("<li><code>([a-z0-9]{4}-[a-z0-9]{4})</code></li>", RegexOptions.IgnoreCase)]
    private static partial Regex RecoveryCode();
}
