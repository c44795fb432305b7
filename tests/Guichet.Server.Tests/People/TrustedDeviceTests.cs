using System.Net;
using Guichet.Domain.Security;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Server.Tests.People;

/// <summary>
/// Review B19: someone who knows an address can keep its brake locked by one wrong guess per wait. A browser the person
/// signed in with before (its device cookie) has a brake of its own, so the owner still signs in there; any other
/// browser, and a forged cookie or another address's, waits behind the address's brake.
/// </summary>
public abstract class TrustedDeviceTests(GuichetServer server)
{
    private const string DeviceCookie = "guichet.device";

    [Fact]
    public async Task GuessingFromElsewhere_LocksTheAddress_NotTheOwnersUsualBrowser()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var owner = new WebVisitor(server);
        await owner.SignInToPortalAsync(person.Email);
        Assert.Contains(owner.Cookies.GetAllCookies(), c => c.Name == DeviceCookie && c.HttpOnly);
        ForgetSession(owner);

        using var stranger = new WebVisitor(server);
        using var guess = await SignInAsync(stranger, person.Email, "Mauvais-pass1");
        using var lockedOut = await SignInAsync(stranger, person.Email, WebVisitor.Password);
        using var ownerAgain = await SignInAsync(owner, person.Email, WebVisitor.Password);

        Assert.Equal(HttpStatusCode.OK, guess.StatusCode);
        Assert.Contains("Trop de tentatives échouées", await WebVisitor.TextOfAsync(lockedOut), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ownerAgain.StatusCode);
        Assert.Equal(1, await server.InDbAsync(db => db.LoginThrottles.Where(t => t.Login == LoginThrottle.PortalKey(person.Email))
            .Select(t => t.Failures).SingleAsync()));
    }

    [Fact]
    public async Task TheDevicesOwnFailures_LockTheDevice()
    {
        var person = await WebVisitor.CreatePersonAsync(server);
        using var owner = new WebVisitor(server);
        await owner.SignInToPortalAsync(person.Email);
        ForgetSession(owner);

        using var wrong = await SignInAsync(owner, person.Email, "Mauvais-pass1");
        using var locked = await SignInAsync(owner, person.Email, WebVisitor.Password);

        Assert.Contains("Trop de tentatives échouées", await WebVisitor.TextOfAsync(locked), StringComparison.Ordinal);
        Assert.False(await server.InDbAsync(db => db.LoginThrottles.AnyAsync(t => t.Login == LoginThrottle.PortalKey(person.Email))));
    }

    [Fact]
    public async Task AForgedCookie_OrAnotherAddresssDevice_IsAStrangersBrowser()
    {
        var (victim, other) = (await WebVisitor.CreatePersonAsync(server), await WebVisitor.CreatePersonAsync(server));
        using var attacker = new WebVisitor(server);
        await attacker.SignInToPortalAsync(other.Email);
        ForgetSession(attacker);
        using var guess = await SignInAsync(attacker, victim.Email, "Mauvais-pass1");
        using var withOthersDevice = await SignInAsync(attacker, victim.Email, WebVisitor.Password);

        using var forger = new WebVisitor(server);
        forger.SetCookie(DeviceCookie, "CfDJ8-forge-" + Guid.NewGuid().ToString("N"), "/");
        using var withForgedCookie = await SignInAsync(forger, victim.Email, WebVisitor.Password);

        Assert.Contains("Trop de tentatives échouées", await WebVisitor.TextOfAsync(withOthersDevice), StringComparison.Ordinal);
        Assert.Contains("Trop de tentatives échouées", await WebVisitor.TextOfAsync(withForgedCookie), StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> SignInAsync(WebVisitor visitor, string email, string password) =>
        visitor.SubmitAsync("/connexion", "/connexion", ("Email", email), ("Password", password));

    /// <summary>Signed out in the browser only (the session cookie dropped): the device cookie stays, as after closing it.</summary>
    private static void ForgetSession(WebVisitor visitor)
    {
        foreach (var cookie in visitor.Cookies.GetAllCookies().Where(c => c.Name != DeviceCookie))
        {
            cookie.Expired = true;
        }
    }
}

public sealed class TrustedDeviceTestsOnSqlite(SqliteServerFixture server) : TrustedDeviceTests(server), IClassFixture<SqliteServerFixture>;

public sealed class TrustedDeviceTestsOnPostgres(PostgresServerFixture server) : TrustedDeviceTests(server), IClassFixture<PostgresServerFixture>;
