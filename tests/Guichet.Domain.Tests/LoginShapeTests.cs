using Guichet.Domain.Accounts;

namespace Guichet.Domain.Tests;

public class LoginShapeTests
{
    [Theory]
    [InlineData("acme")]
    [InlineData("a")]
    [InlineData("acme-01_x")]
    [InlineData("fifteen-chars-x")]
    [InlineData("compta.acme")]
    [InlineData("fifteen-chars-x.fifteen-chars-y")]
    public void IsPossibleLogin_AccountNameOrSecondary_True(string login)
    {
        Assert.True(Account.IsPossibleLogin(login));
    }

    [Theory]
    [InlineData("")]
    [InlineData("jean@example.fr")]
    [InlineData("sixteen-chars-xy")]
    [InlineData("a.b.c")]
    [InlineData(".acme")]
    [InlineData("acme.")]
    [InlineData("ac me")]
    [InlineData("acmé")]
    [InlineData("fifteen-chars-x.sixteen-chars-xy")]
    public void IsPossibleLogin_AnythingElse_False(string login)
    {
        Assert.False(Account.IsPossibleLogin(login));
    }
}
