using Guichet.Application.Partners;
using Guichet.Domain.Common;
using Guichet.Server.Tests.Infrastructure;
using Guichet.Server.Tests.Portal;

namespace Guichet.Server.Tests.Partners;

/// <summary>The establishments' search and an establishment's card, on both providers.</summary>
public abstract class EstablishmentSearchTests(GuichetServer server)
{
    [Fact]
    public async Task Search_BySiret_BlanksAllowed_FindsThatOneOnly()
    {
        var siren = Sirens.Unique();
        var one = await server.NewEstablishmentAsync("Organisme Siret", siren);
        await server.NewEstablishmentAsync("Organisme Siret", siren);

        var found = await SearchAsync(Sirets.Spaced(one.Siret));

        Assert.Equal([new EstablishmentRow(one.Siret, "Organisme Siret", "75002", "Paris", 0)], found.Value.Rows);
        Assert.Null(found.Value.Next);
    }

    [Fact]
    public async Task Search_BySiren_FindsEveryEstablishmentOfTheTrainingBody_AndNoOther()
    {
        var siren = Sirens.Unique();
        var mine = new[] { await server.NewEstablishmentAsync("Beta", siren), await server.NewEstablishmentAsync("Alpha", siren) };
        await server.NewEstablishmentAsync("Alpha");

        var found = await SearchAsync($"{siren[..3]} {siren[3..6]} {siren[6..]}");

        Assert.Equal(mine.Reverse().Select(e => e.Siret), found.Value.Rows.Select(r => r.Siret));
    }

    [Fact]
    public async Task Search_ByNamePrefix_AccentsAndCaseAside_PagedInNameOrder_WithHowManyHoldAccess()
    {
        var tag = "Œuvre Éducative " + Guid.NewGuid().ToString("N")[..8];
        var establishments = new List<Domain.Partners.Establishment>();
        for (var i = 0; i < 5; i++)
        {
            establishments.Add(await server.NewEstablishmentAsync($"{tag} {(char)('E' - i)}"));
        }

        var first = establishments[^1];
        await server.HolderAsync(first, PortalSteps.UniqueEmail(), "Léa", "Martin", server.Clock.GetUtcNow());
        await server.HolderAsync(first, PortalSteps.UniqueEmail(), "Noé", "Durand", server.Clock.GetUtcNow());
        var typed = "oeuvre-EDUCATIVE " + tag[16..];

        var page1 = await SearchAsync(typed, pageSize: 3);
        var page2 = await SearchAsync(typed, page1.Value.Next, pageSize: 3);

        Assert.Equal(establishments.AsEnumerable().Reverse().Select(e => e.Siret),
            page1.Value.Rows.Concat(page2.Value.Rows).Select(r => r.Siret));
        Assert.Equal(3, page1.Value.Rows.Count);
        Assert.Equal(establishments[^3].Siret, page1.Value.Next);
        Assert.Null(page2.Value.Next);
        Assert.Equal(2, page1.Value.Rows[0].People);
    }

    [Fact]
    public async Task Search_NothingTyped_ListsEveryEstablishment_ByPages()
    {
        await server.NewEstablishmentAsync();
        await server.NewEstablishmentAsync();

        var page = await SearchAsync(null, pageSize: 1);

        Assert.Single(page.Value.Rows);
        Assert.NotNull(page.Value.Next);
    }

    [Theory]
    [InlineData("?!", null)]
    [InlineData("organisme", "00000000000000")]
    public async Task Search_WrongTextOrPageLink_SaysWhy(string text, string? after)
    {
        var refused = await SearchAsync(text, after);

        Assert.Equal((ErrorCodes.InvalidValue, "recherche"), (refused.FailureCode, refused.Errors[0].Field));
    }

    [Fact]
    public async Task Card_ShowsTheEstablishment_AndWhoHoldsAccess_ByName_WithTheGrant()
    {
        var siren = Sirens.Unique();
        var establishment = await server.NewEstablishmentAsync("Centre de Formation", siren, "3 place Bellecour", "69002", "Lyon");
        await server.NewEstablishmentAsync("Centre de Formation Annexe", siren);
        var at = new DateTimeOffset(2025, 7, 14, 10, 0, 0, TimeSpan.Zero);
        var zoe = await server.HolderAsync(establishment, PortalSteps.UniqueEmail(), "Zoé", "Abel", at, "staff:agent@guichet.test");
        var luc = await server.HolderAsync(establishment, PortalSteps.UniqueEmail(), "Luc", "Bernard", at.AddDays(1), "operator");
        await server.HolderAsync(await server.NewEstablishmentAsync(), PortalSteps.UniqueEmail(), "Autre", "Personne", at);

        var card = await server.UseAsync<GetEstablishment, EstablishmentCard?>(u => u.HandleAsync(Sirets.Spaced(establishment.Siret), default));

        Assert.NotNull(card);
        Assert.Equal((establishment.Siret, siren, "Centre de Formation", "3 place Bellecour", "69002", "Lyon", 2),
            (card.Siret, card.Siren, card.Name, card.Address, card.PostalCode, card.City, card.EstablishmentsOfItsBody));
        Assert.Equal(
            [new EstablishmentHolder(zoe.Email, "Zoé Abel", at, "staff:agent@guichet.test"), new EstablishmentHolder(luc.Email, "Luc Bernard",
                at.AddDays(1), "operator")],
            card.People);
    }

    [Fact]
    public async Task Card_UnknownSiret_IsNull()
    {
        Assert.Null(await server.UseAsync<GetEstablishment, EstablishmentCard?>(u => u.HandleAsync(Sirets.Unique(), default)));
    }

    private Task<Result<EstablishmentPage>> SearchAsync(string? text, string? after = null, int pageSize = 50) =>
        server.UseAsync<SearchEstablishments, Result<EstablishmentPage>>(u => u.HandleAsync(new EstablishmentSearch(text, after, pageSize),
            "recherche", default));
}

public sealed class EstablishmentSearchTestsOnSqlite(SqliteServerFixture server) : EstablishmentSearchTests(server),
    IClassFixture<SqliteServerFixture>;

public sealed class EstablishmentSearchTestsOnPostgres(PostgresServerFixture server) : EstablishmentSearchTests(server),
    IClassFixture<PostgresServerFixture>;
