using System.Collections.Concurrent;
using System.Security.Claims;
using Guichet.Server.Areas.BackOffice;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Guichet.Server.Tests.BackOffice;

/// <summary>
/// Stands in for the staff accounts until they exist: the sessions a test opens are current until it renews the stamp.
/// </summary>
public sealed class StaffSessions : IStaffSessionValidator
{
    private readonly ConcurrentDictionary<Guid, string> _stamps = new();

    /// <summary>A staff member who signed in at <paramref name="at"/> (default now), with a current stamp.</summary>
    public ClaimsPrincipal Open(string role, DateTimeOffset at, string displayName = "Sam Agent")
    {
        var id = Guid.NewGuid();
        _stamps[id] = Guid.NewGuid().ToString("N");
        return BackOfficeClaims.For(id, $"staff-{id:N}@guichet.test", displayName, role, _stamps[id], at);
    }

    /// <summary>What a password reset or a disabling will do: every cookie issued before stops working.</summary>
    public void RenewStamp(Guid staffId) => _stamps[staffId] = Guid.NewGuid().ToString("N");

    /// <summary>A bug forced into the server: asking about this staff member throws this message.</summary>
    public (Guid StaffId, string Message)? Bug { get; set; }

    public Task<bool> IsCurrentAsync(Guid staffId, string securityStamp, CancellationToken cancellationToken) =>
        Bug is { } bug && bug.StaffId == staffId
            ? throw new InvalidOperationException(bug.Message)
            : Task.FromResult(_stamps.TryGetValue(staffId, out var current) && current == securityStamp);
}

/// <summary>A server whose staff sessions are <see cref="StaffSessions"/>; its tests advance its clock.</summary>
public sealed class StaffSessionServer() : GuichetServer(DatabaseProvider.Sqlite)
{
    // An initializer runs before the base constructor, which starts the server.
    public StaffSessions Sessions { get; } = new();

    public CapturedLog Log { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IStaffSessionValidator>(Sessions);
        services.AddSingleton<ILoggerProvider>(Log);
    }
}
