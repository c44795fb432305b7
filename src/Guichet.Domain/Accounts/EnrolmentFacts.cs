namespace Guichet.Domain.Accounts;

/// <summary>
/// What enrolment records of an account is computed from (<see cref="Record"/>): the account's own columns, its file,
/// its primary's file for a secondary, and two settings of its white label. The enrolment worker reads exactly these in
/// one statement; <see cref="Account.RecordEnrolment"/> gathers them from loaded entities.
/// </summary>
/// <param name="HasPrimary">Whether a secondary's primary was found: apart from its file, which may be null.</param>
/// <param name="PrimaryFile">A secondary's primary's file; ignored for a primary.</param>
public sealed record EnrolmentFacts(
    AccountKind Kind,
    string Login,
    bool WantsMailbox,
    AccountData? File,
    bool HasPrimary,
    AccountData? PrimaryFile,
    string MailDomain,
    string? DefaultEdiPartnerNumber)
{
    /// <summary>
    /// The mailbox, the subscriptions and the PED in force. A secondary's PED is its primary's (§3.3.2 and §4.3.2:
    /// "hérite du partenaire EDI configuré au niveau de leur compte primaire"); a PED in a secondary's own file is kept
    /// there but has no effect. A file that gives no PED takes the white label's (§2.3.1).
    /// </summary>
    /// <exception cref="InvalidOperationException">A secondary without its primary: its PED cannot be known.</exception>
    public EnrolmentRecord Record()
    {
        if (Kind == AccountKind.Secondary && !HasPrimary)
        {
            throw new InvalidOperationException($"The record of secondary {Login} needs its primary.");
        }

        var pedFile = Kind == AccountKind.Secondary ? PrimaryFile : File;
        return new EnrolmentRecord(
            WantsMailbox ? $"{Login}@{MailDomain}" : null,
            string.Join(',', File?.Teleprocedures?.Distinct() ?? []),
            string.IsNullOrWhiteSpace(pedFile?.EdiPartnerNumber) ? DefaultEdiPartnerNumber : pedFile.EdiPartnerNumber);
    }
}

/// <summary>What enrolment records of an account (<see cref="EnrolmentFacts.Record"/>).</summary>
public sealed record EnrolmentRecord(string? Mailbox, string Subscriptions, string? EdiPartnerNumber);
