using System.Net;
using System.Text.RegularExpressions;
using Guichet.Domain.Partners;
using Guichet.Server.Tests.Infrastructure;

namespace Guichet.Server.Tests.Partners;

/// <summary>
/// Accesses written straight into the store (the back office's grant is tested on its own; establishments come from
/// <see cref="EstablishmentSteps"/>), and the settings of a Partenaire space that are not the defaults, so that the pages
/// are seen reading them.
/// </summary>
public static class PartnerSteps
{
    public const string FundName = "le Fafiec";
    public const string ContactUrl = "https://fonds.example.org/nous-contacter";
    public const string ToolName = "Suivi des stagiaires";
    public const string ToolUrl = "https://outils.example.org/stagiaires";

    public static readonly KeyValuePair<string, string>[] Settings =
    [
        new("Partners:FundName", FundName),
        new("Partners:ContactUrl", ContactUrl),
        new("Partners:Tools:0:Name", ToolName),
        new("Partners:Tools:0:Description", "Déclarer les présences de vos stagiaires."),
        new("Partners:Tools:0:Url", ToolUrl),
    ];

    /// <summary>The page's text with its blanks as a browser shows them: every run of spaces and line breaks is one space.</summary>
    public static string Text(string html) => Regex.Replace(html, @"\s+", " ");

    /// <summary>Signs in on the Partenaire space's form, as a person does.</summary>
    public static async Task SignInToPartnersAsync(this WebVisitor visitor, string email, string password = WebVisitor.Password)
    {
        using var response = await visitor.SubmitAsync("/partenaire/connexion", "/partenaire/connexion", ("Email", email), ("Password", password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(visitor.Cookies.GetAllCookies(), c => c.Name == "guichet.partenaire" && c.Path == "/");
    }

    /// <summary>Opens the person's access to the establishments, as staff will.</summary>
    public static Task GrantAsync(this GuichetServer server, Guid personId, params Establishment[] establishments) => server.InDbAsync(db =>
    {
        foreach (var establishment in establishments)
        {
            db.EstablishmentAccesses.Add(new EstablishmentAccess
            {
                PersonId = personId,
                EstablishmentId = establishment.Id,
                GrantedAt = server.Clock.GetUtcNow(),
                GrantedBy = "staff:agent@fonds.example.org",
            });
        }

        return db.SaveChangesAsync();
    });
}

/// <summary>The server with the Partenaire settings of <see cref="PartnerSteps"/>, one per provider.</summary>
public sealed class PartnerSqliteServer() : GuichetServer(DatabaseProvider.Sqlite)
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => PartnerSteps.Settings;
}

public sealed class PartnerPostgresServer() : GuichetServer(DatabaseProvider.PostgreSql)
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => PartnerSteps.Settings;
}
