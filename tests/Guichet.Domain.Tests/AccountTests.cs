using Guichet.Domain.Accounts;

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
}
