using Guichet.Domain.Auditing;
using Guichet.Server.Areas.BackOffice;

namespace Guichet.Server.Tests.Auditing;

public sealed class AuditEventLabelsTests
{
    [Fact]
    public void EveryEvent_HasAFrenchLabel_AndIsAChoiceOfTheFilter()
    {
        Assert.All(AuditEvents.All, e => Assert.True(AuditEventLabels.Has(e), $"{e} has no label."));
        Assert.Equal(AuditEvents.All.Order(StringComparer.Ordinal), AuditEventLabels.Choices.Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.Equal(AuditEventLabels.Choices.Count, AuditEventLabels.Choices.Select(c => c.Label).Distinct().Count());
    }

    [Fact]
    public void UnknownEvent_IsShownByItsCode() => Assert.Equal("legacy.event", AuditEventLabels.Of("legacy.event"));
}
