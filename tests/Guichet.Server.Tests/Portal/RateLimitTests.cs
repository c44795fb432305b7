using System.Net;
using Guichet.Server.Tests.Infrastructure;

namespace Guichet.Server.Tests.Portal;

/// <summary>The anonymous forms have a per-address budget; pages that only read are not limited.</summary>
public sealed class RateLimitTests(RateLimitTests.LowBudgetServer server) : IClassFixture<RateLimitTests.LowBudgetServer>
{
    [Fact]
    public async Task AnonymousPostsBeyondTheBudget_Get429WithTheFrenchPage_ReadsStillWork()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsync("/mot-de-passe-oublie", new FormUrlEncodedContent([new("Email", "x@exemple.fr")]));
            statuses.Add(response.StatusCode);
        }

        using var limited = await client.PostAsync("/connexion", new FormUrlEncodedContent([new("Email", "x@exemple.fr")]));
        using var read = await client.GetAsync("/connexion");

        // Without an antiforgery token the first posts are refused (400) but still count against the budget.
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var page = await limited.Content.ReadAsStringAsync();
        Assert.Contains("Trop de demandes", page, StringComparison.Ordinal);
        Assert.Contains("dans une minute", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    public sealed class LowBudgetServer() : GuichetServer(DatabaseProvider.Sqlite)
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Portal:AnonymousFormPostsPerMinute", "3")];
    }
}

/// <summary>The back office's sign-in shares the anonymous forms' per-address budget (its own server: budgets are per address).</summary>
public sealed class BackOfficeRateLimitTests(RateLimitTests.LowBudgetServer server) : IClassFixture<RateLimitTests.LowBudgetServer>
{
    [Fact]
    public async Task BackOfficeSignInPostsBeyondTheBudget_Get429()
    {
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.PostAsync("/back-office/connexion", new FormUrlEncodedContent([new("Email", $"agent{i}@fonds.fr")]));
            statuses.Add(response.StatusCode);
        }

        // The first three are refused for their missing antiforgery token (400), the fourth by the budget.
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }
}
