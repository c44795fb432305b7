using Guichet.Application.Mail;

namespace Guichet.Application.Maintenance;

/// <summary>What one maintenance run deleted (or cleared, for the registration receipts).</summary>
public readonly record struct MaintenanceResult(int SecurityRecords, int FinishedMail);

/// <summary>
/// One maintenance run: <see cref="PurgeExpiredSecurityRecords"/>, then <see cref="PurgeFinishedMail"/>, paced by the
/// scope's <see cref="PurgeBatches"/>. Run by <see cref="MaintenanceWorker"/> and by the operator command <c>purge</c>.
/// </summary>
public sealed class RunMaintenance(PurgeExpiredSecurityRecords securityRecords, PurgeFinishedMail finishedMail)
{
    public async Task<MaintenanceResult> HandleAsync(CancellationToken cancellationToken)
    {
        var records = await securityRecords.HandleAsync(cancellationToken);
        var mail = await finishedMail.HandleAsync(cancellationToken);
        return new MaintenanceResult(records, mail);
    }
}
