using Guichet.Data;
using Guichet.Domain.Accounts;
using Guichet.Domain.Common;

namespace Guichet.Application.Accounts.Files;

/// <summary>What became of one file of a selection: its new state, or why it was left as it was.</summary>
/// <param name="FolderNumber">Null only when no such file exists.</param>
public sealed record FileStatusChangeResult(Guid Id, string? FolderNumber, AccountState? State, Error? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// A selection of files validated or enrolled at once by staff. Each file goes through <see cref="ChangeAccountStatus"/>
/// on its own, with its own save: one that is not allowed, or that changed meanwhile, is reported and the others go on.
/// Nothing is rolled back. Only VALIDATE and ENROLL: the other actions want a look at the file (REJECT a reason).
/// </summary>
public sealed class ChangeRegistrationFilesStatus(GuichetDbContext db, ChangeAccountStatus changeStatus)
{
    public const int MaxFiles = 200;

    public async Task<Result<IReadOnlyList<FileStatusChangeResult>>> HandleAsync(
        IReadOnlyCollection<Guid>? fileIds, AccountAction? action, StaffCaller actor, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var ids = fileIds?.Distinct().ToList() ?? [];
        if (ids.Count == 0)
        {
            errors.Add(AccountErrors.NoFileSelected(nameof(fileIds)));
        }
        else if (ids.Count > MaxFiles)
        {
            errors.Add(AccountErrors.TooManyFilesSelected(nameof(fileIds), MaxFiles));
        }

        if (action is null)
        {
            errors.Add(AccountErrors.ActionRequired(nameof(action)));
        }
        else if (action is not (AccountAction.VALIDATE or AccountAction.ENROLL))
        {
            errors.Add(AccountErrors.BulkActionNotAllowed(nameof(action)));
        }

        if (errors.Count > 0)
        {
            return Result<IReadOnlyList<FileStatusChangeResult>>.Failure(ErrorCodes.ValidationFailed, errors);
        }

        var results = new List<FileStatusChangeResult>(ids.Count);
        foreach (var id in ids)
        {
            // Each file on a clean unit of work: nothing of the previous one is saved again with it.
            db.ChangeTracker.Clear();
            var change = await changeStatus.HandleAsync(new StatusChange(actor, action, AccountId: id), cancellationToken);
            results.Add(new FileStatusChangeResult(id, change.Current?.FolderNumber,
                change.Current?.State, change.Result.Succeeded ? null : change.Result.Errors[0]));
        }

        db.ChangeTracker.Clear();
        return Result<IReadOnlyList<FileStatusChangeResult>>.Success(results);
    }
}
