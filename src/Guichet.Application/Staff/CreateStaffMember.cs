using Guichet.Application.Auditing;
using Guichet.Application.Security;
using Guichet.Data;
using Guichet.Domain.Auditing;
using Guichet.Domain.Common;
using Guichet.Domain.Staff;
using Guichet.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Application.Staff;

/// <summary>The form (or command line) that creates a staff member; the role is "agent" or "administrator".</summary>
public sealed record NewStaffMember(string? Email, string? DisplayName, string? Role);

/// <summary>
/// Creates a back-office member with a generated one-time password (shown once): the first sign-in changes it and
/// enrols the authenticator. Called by the operator command and by the staff administrators' page.
/// </summary>
public sealed class CreateStaffMember(GuichetDbContext db, PasswordHashing hashing, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<CreatedStaffMember>> HandleAsync(
        NewStaffMember request, StaffActor actor, string? remoteAddress, CancellationToken cancellationToken)
    {
        var actorName = await db.ResolveAsync(actor, cancellationToken);
        if (!actorName.Succeeded)
        {
            return actorName.Cast<CreatedStaffMember>();
        }

        var email = StaffMember.NormalizeEmail(request.Email);
        var displayName = request.DisplayName?.Trim() ?? string.Empty;
        var errors = new List<Error>();
        if (email.Length == 0)
        {
            errors.Add(StaffErrors.EmailRequired(nameof(request.Email)));
        }
        else if (!EmailAddress.IsValid(email))
        {
            errors.Add(StaffErrors.InvalidEmail(nameof(request.Email)));
        }
        else if (await db.StaffMembers.AnyAsync(s => s.Email == email, cancellationToken))
        {
            errors.Add(StaffErrors.EmailTaken(nameof(request.Email)));
        }

        if (displayName.Length == 0)
        {
            errors.Add(StaffErrors.NameRequired(nameof(request.DisplayName)));
        }
        else if (displayName.Length > StaffMember.MaxDisplayNameLength)
        {
            errors.Add(StaffErrors.NameTooLong(nameof(request.DisplayName)));
        }

        var role = ParseRole(request.Role);
        if (role is null)
        {
            errors.Add(StaffErrors.InvalidRole(nameof(request.Role)));
        }

        if (errors.Count > 0)
        {
            return Result<CreatedStaffMember>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var now = clock.GetUtcNow();
        var password = StaffPasswords.NewOneTimePassword();
        var member = new StaffMember
        {
            Email = email,
            DisplayName = displayName,
            Role = role!.Value,
            PasswordHash = await hashing.HashAsync(password, cancellationToken),
            PasswordChangedAt = now,
            MustChangePassword = true,
            CreatedAt = now,
        };
        db.StaffMembers.Add(member);
        audit.Record(actorName.Value, AuditEvents.StaffMemberCreated, null, email, to: member.Role.ToString(), remoteAddress: remoteAddress);
        if (await db.SaveStaffAsync(cancellationToken) is { } failure)
        {
            return Result<CreatedStaffMember>.Failure(ErrorCodes.ValidationFailed, [failure]);
        }

        return new CreatedStaffMember(member.Id, email, displayName, member.Role, password);
    }

    /// <summary>English words (the command's) or the enum's names (a form's), in any case.</summary>
    private static StaffRole? ParseRole(string? role) => role?.Trim().ToLowerInvariant() switch
    {
        "agent" => StaffRole.Agent,
        "administrator" => StaffRole.Administrator,
        _ => null,
    };
}
