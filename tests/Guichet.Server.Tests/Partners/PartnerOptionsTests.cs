using Guichet.Application.Partners;
using Guichet.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Guichet.Server.Tests.Partners;

/// <summary>Section <c>Partners</c> as the server reads it: the fund named after "de" and "à", the tools configured or the examples.</summary>
public sealed class PartnerOptionsTests(SqliteServerFixture defaults, PartnerSqliteServer configured)
    : IClassFixture<SqliteServerFixture>, IClassFixture<PartnerSqliteServer>
{
    [Fact]
    public void FundName_IsWrittenAfterDeAndA_WithoutTheSettingsBlanks()
    {
        var options = new PartnerOptions { FundName = "  le Fafiec " };

        Assert.Equal(("du Fafiec", "au Fafiec"), (options.OfFund, options.ToFund));
        Assert.Equal(("de l'Opcommerce", "à l'Opcommerce"), (new PartnerOptions().OfFund, new PartnerOptions().ToFund));
    }

    [Fact]
    public void ConfiguredTools_ReplaceTheExamples()
    {
        var options = configured.Services.GetRequiredService<IOptions<PartnerOptions>>().Value;

        Assert.Equal([(PartnerSteps.ToolName, PartnerSteps.ToolUrl)], options.Tools.Select(t => (t.Name, t.Url)));
        Assert.Equal((PartnerSteps.FundName, PartnerSteps.ContactUrl), (options.FundName, options.ContactUrl));
    }

    [Fact]
    public void WithoutToolsInTheSettings_TheExamplesShow()
    {
        var options = defaults.Services.GetRequiredService<IOptions<PartnerOptions>>().Value;

        Assert.Equal(PartnerOptions.ExampleTools.Select(t => t.Name), options.Tools.Select(t => t.Name));
        Assert.NotEmpty(options.Tools);
    }
}
