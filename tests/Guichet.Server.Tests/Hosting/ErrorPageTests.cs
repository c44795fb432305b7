using System.Net;
using Guichet.Server.Tests.Infrastructure;

namespace Guichet.Server.Tests.Hosting;

/// <summary>One French error page for every area and for unknown addresses (the back office's: StaffSessionTests).</summary>
public sealed class ErrorPageTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    [Theory]
    [InlineData("/nulle-part")]
    [InlineData("/compte/nulle-part")]
    [InlineData("/css/nulle-part.css")]
    public async Task UnknownAddress_ShowsTheErrorPageWithAReference(string path)
    {
        using var visitor = new WebVisitor(server);

        using var first = await visitor.GetAsync(path);
        using var second = await visitor.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        var text = await WebVisitor.TextOfAsync(first);
        Assert.Contains("<html lang=\"fr\">", text, StringComparison.Ordinal);
        Assert.Contains("<h1>Page introuvable</h1>", text, StringComparison.Ordinal);
        Assert.Contains("Retour à l'accueil", text, StringComparison.Ordinal);
        Assert.NotEqual(ReferenceIn(text), ReferenceIn(await WebVisitor.TextOfAsync(second)));
    }

    [Fact]
    public async Task ErrorPageItself_IsOpenAndNeedsNoSession()
    {
        using var visitor = new WebVisitor(server);

        using var response = await visitor.GetAsync("/erreur");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Une erreur est survenue", await WebVisitor.TextOfAsync(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/connexion")]
    [InlineData("/partenaire/connexion")]
    [InlineData("/back-office/connexion")]
    public async Task FormWithoutAValidToken_SaysToReloadIt_NotThatItWasLogged(string path)
    {
        using var visitor = new WebVisitor(server);

        using var response = await visitor.PostAsync(path, new FormUrlEncodedContent([new("Email", "x@example.fr")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await WebVisitor.TextOfAsync(response);
        Assert.Contains("<h1>Formulaire expiré</h1>", text, StringComparison.Ordinal);
        Assert.Contains("Revenez à la page, rechargez-la, puis recommencez.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("journalisée", text, StringComparison.Ordinal);
    }

    private static string ReferenceIn(string text)
    {
        var reference = System.Text.RegularExpressions.Regex.Match(text, "<span class=\"reference\">([^<]+)</span>").Groups[1].Value;
        Assert.NotEmpty(reference);
        return reference;
    }
}
