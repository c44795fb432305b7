using Guichet.Domain.Accounts;
using Guichet.Domain.WhiteLabels;

namespace Guichet.Domain.Tests;

public class AccountTests
{
    private static readonly DateTimeOffset s_changedAt = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Account Account() => new()
    {
        Login = "acme",
        FolderNumber = "F-1",
        PasswordHash = "hash",
        PasswordChangedAt = s_changedAt,
    };

    [Theory]
    [InlineData(0)]
    [InlineData(547)]
    [InlineData(548)]
    public void PasswordExpired_WithinEighteenMonths_False(int days)
    {
        Assert.False(Account().PasswordExpired(s_changedAt.AddDays(days)));
    }

    [Theory]
    [InlineData(549)]
    [InlineData(1000)]
    public void PasswordExpired_AfterEighteenMonths_True(int days)
    {
        Assert.True(Account().PasswordExpired(s_changedAt.AddDays(days)));
    }

    [Fact]
    public void PasswordExpired_OneTickPast548Days_True()
    {
        Assert.True(Account().PasswordExpired(s_changedAt.AddDays(548).AddTicks(1)));
    }

    [Fact]
    public void Touch_RenewsVersion()
    {
        var account = Account();
        var version = account.Version;

        account.Touch();

        Assert.NotEqual(version, account.Version);
    }

    private static readonly WhiteLabel s_whiteLabel = new()
    {
        Code = "acme",
        Name = "ACME",
        WsseUsername = "acme",
        WsseSecretProtected = "protected",
        MailDomain = "mb.acme.fr",
        DefaultEdiPartnerNumber = "9999999",
    };

    private static Account Enrolled(AccountKind kind, string login, AccountData data, bool wantsMailbox = true) => new()
    {
        Kind = kind,
        Login = login,
        FolderNumber = "F-" + login,
        PasswordHash = "hash",
        WantsMailbox = wantsMailbox,
        Data = data,
    };

    [Fact]
    public void RecordEnrolment_Primary_RecordsMailboxDistinctSubscriptionsAndItsPed()
    {
        var primary = Enrolled(AccountKind.Primary, "acme", new PrimaryAccountData
        {
            EdiPartnerNumber = "1234567",
            Teleprocedures = [Teleprocedure.TVA, Teleprocedure.DSN, Teleprocedure.TVA],
        });

        primary.RecordEnrolment(s_whiteLabel, primary: null);

        Assert.Equal(("acme@mb.acme.fr", "TVA,DSN", "1234567"), (primary.Mailbox, primary.Subscriptions, primary.EdiPartnerNumber));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RecordEnrolment_PrimaryWithoutPed_TakesTheWhiteLabels(string? ped)
    {
        var primary = Enrolled(AccountKind.Primary, "acme", new PrimaryAccountData { EdiPartnerNumber = ped, Teleprocedures = [Teleprocedure.TVA] });

        primary.RecordEnrolment(s_whiteLabel, primary: null);

        Assert.Equal("9999999", primary.EdiPartnerNumber);
    }

    [Fact]
    public void RecordEnrolment_Secondary_InheritsItsPrimarysPedWhateverItsOwnFileSays()
    {
        var primary = Enrolled(AccountKind.Primary, "acme",
            new PrimaryAccountData { EdiPartnerNumber = "1234567", Teleprocedures = [Teleprocedure.TVA] });
        var secondary = Enrolled(AccountKind.Secondary, "lyon.acme",
            new SecondaryAccountData { EdiPartnerNumber = "7654321", Teleprocedures = [Teleprocedure.TDFC] }, wantsMailbox: false);

        secondary.RecordEnrolment(s_whiteLabel, primary);

        Assert.Equal((null, "TDFC", "1234567"), (secondary.Mailbox, secondary.Subscriptions, secondary.EdiPartnerNumber));
    }

    [Fact]
    public void RecordEnrolment_SecondaryOfAPrimaryWithoutPed_InheritsTheWhiteLabels()
    {
        var primary = Enrolled(AccountKind.Primary, "acme", new PrimaryAccountData { Teleprocedures = [Teleprocedure.TVA] });
        var secondary = Enrolled(AccountKind.Secondary, "lyon.acme",
            new SecondaryAccountData { EdiPartnerNumber = "7654321", Teleprocedures = [Teleprocedure.TVA] });

        secondary.RecordEnrolment(s_whiteLabel, primary);

        Assert.Equal(("lyon.acme@mb.acme.fr", "9999999"), (secondary.Mailbox, secondary.EdiPartnerNumber));
    }

    [Fact]
    public void RecordEnrolment_SecondaryWithoutItsPrimary_ThrowsAndRecordsNothing()
    {
        var secondary = Enrolled(AccountKind.Secondary, "lyon.acme", new SecondaryAccountData { Teleprocedures = [Teleprocedure.TVA] });

        Assert.Throws<InvalidOperationException>(() => secondary.RecordEnrolment(s_whiteLabel, primary: null));
        Assert.Equal((null, null, null), (secondary.Mailbox, secondary.Subscriptions, secondary.EdiPartnerNumber));
    }

    // The enrolment worker's path: it reads the primary through a LEFT JOIN, so a missing primary and a primary without
    // a file both leave PrimaryFile null; only the first may fail.
    [Fact]
    public void EnrolmentFacts_SecondaryWhosePrimaryWasNotFound_Throws()
    {
        var facts = new EnrolmentFacts(AccountKind.Secondary, "lyon.acme", WantsMailbox: true, new SecondaryAccountData(),
            HasPrimary: false, PrimaryFile: null, "mb.acme.fr", "9999999");

        Assert.Throws<InvalidOperationException>(() => facts.Record());
    }

    [Fact]
    public void EnrolmentFacts_SecondaryWhosePrimaryHasNoFile_TakesTheWhiteLabelsPed()
    {
        var facts = new EnrolmentFacts(AccountKind.Secondary, "lyon.acme", WantsMailbox: false, new SecondaryAccountData(),
            HasPrimary: true, PrimaryFile: null, "mb.acme.fr", "9999999");

        Assert.Equal(new EnrolmentRecord(null, "", "9999999"), facts.Record());
    }
}
