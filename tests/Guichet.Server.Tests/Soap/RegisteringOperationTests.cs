using System.ServiceModel;
using System.Xml;
using System.Xml.Linq;
using Guichet.Server.Soap;
using Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Soap;

/// <summary>
/// The guard binds each operation's parameters itself, as SoapCore 1.2.1.18 did before (the contract suites' clients
/// rely on it): by the parameter's name, in the service's namespace or in none, the first occurrence only.
/// </summary>
public sealed class RegisteringOperationTests
{
    private const string Ns = RegisteringNamespace.Value;

    [Fact]
    public void All_IsEveryOperationOfTheContract()
    {
        var contract = typeof(IRegisteringService).GetMethods()
            .Select(m => ((OperationContractAttribute)Attribute.GetCustomAttribute(m, typeof(OperationContractAttribute))!).Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(contract, RegisteringOperation.All.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(6, RegisteringOperation.All.Count);
    }

    [Theory]
    [InlineData("<accountName>claire</accountName>", "claire")]
    [InlineData("""<accountName xmlns="">claire</accountName>""", "claire")]
    [InlineData("<other>x</other><accountName>claire</accountName>", "claire")]
    [InlineData("<accountName>claire</accountName><accountName>paul</accountName>", "claire")]
    [InlineData("""<accountName xmlns="urn:other">claire</accountName>""", null)]
    [InlineData("""<accountName xmlns="urn:other">claire</accountName><accountName>paul</accountName>""", null)]
    [InlineData("<accountName/>", "")]
    [InlineData("", null)]
    [InlineData("text<accountName>claire</accountName>", "claire")]
    public void Bind_TakesTheFirstParameterOfItsNameInTheServiceNamespaceOrNone(string parameters, string? expected)
    {
        var arguments = Bind("getAccountState", $"""<getAccountState xmlns="{Ns}">{parameters}</getAccountState>""");

        Assert.Equal([expected], arguments);
    }

    [Fact]
    public void Bind_AnEmptyWrapper_BindsNothing()
    {
        Assert.Equal([null], Bind("getAccountState", $"""<getAccountState xmlns="{Ns}"/>"""));
    }

    [Fact]
    public void Bind_ReadsTypedParametersInAnyOrderAndStopsAfterTheWrapper()
    {
        var body = $"""<r xmlns="{Ns}"><changeAccountStatus><action>VALIDATE</action><accountName>claire</accountName></changeAccountStatus>"""
            + "<next/></r>";
        using var reader = ReaderAt(body, "changeAccountStatus");

        var arguments = RegisteringOperation.All["changeAccountStatus"].Bind(reader);

        Assert.Equal(["claire", AccountAction.VALIDATE], arguments);
        Assert.Equal(("next", XmlNodeType.Element), (reader.LocalName, reader.NodeType));
    }

    [Fact]
    public void Bind_ReadsAFileWithItsNestedElements()
    {
        var body = $"""<registerPrimaryAccount xmlns="{Ns}"><account><AccountName>Martin</AccountName><Category>COMPANY</Category>"""
            + "<Address><City>Paris</City></Address></account></registerPrimaryAccount>";

        var file = Assert.IsType<PrimaryAccountData>(Assert.Single(Bind("registerPrimaryAccount", body)));

        Assert.Equal(("Martin", AccountCategory.COMPANY, "Paris"), (file.AccountName, file.Category, file.Address?.City));
    }

    [Theory]
    [InlineData("<Category>NOPE</Category>")]
    [InlineData("<Test>peut-être</Test>")]
    public void Bind_AValueThatDoesNotFitItsType_IsABindingError(string member)
    {
        var body = $"""<registerPrimaryAccount xmlns="{Ns}"><account><AccountName>Martin</AccountName>{member}</account></registerPrimaryAccount>""";

        var exception = Record.Exception(() => Bind("registerPrimaryAccount", body));

        Assert.NotNull(exception);
        Assert.True(RegisteringOperation.IsBindingError(exception));
    }

    [Fact]
    public void IsBindingError_IsFalseForAnyOtherException()
    {
        Assert.False(RegisteringOperation.IsBindingError(new InvalidOperationException("boom", new FormatException())));
        Assert.False(RegisteringOperation.IsBindingError(new XmlException("boom")));
    }

    [Fact]
    public void WriteAnswer_WritesTheResultUnderTheOperationsResponseAndResultElements()
    {
        var output = new XDocument();
        using (var writer = output.CreateWriter())
        {
            var result = new AccountStateResult { Login = "claire", State = AccountState.REGISTERED };
            RegisteringOperation.All["getAccountState"].WriteAnswer(writer, result);
        }

        XNamespace ns = Ns;
        var answer = output.Root!;
        Assert.Equal(ns + "getAccountStateResponse", answer.Name);
        var inner = Assert.Single(answer.Elements());
        Assert.Equal(ns + "getAccountStateResult", inner.Name);
        Assert.Equal(["claire", "REGISTERED"], inner.Elements().Select(e => e.Value));
        Assert.All(inner.Elements(), e => Assert.Equal(ns, e.Name.Namespace));
    }

    private static object?[] Bind(string operation, string body)
    {
        using var reader = ReaderAt(body, operation);
        return RegisteringOperation.All[operation].Bind(reader);
    }

    private static XmlReader ReaderAt(string xml, string element)
    {
        var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { IgnoreWhitespace = true });
        while (reader.Read() && !(reader.NodeType == XmlNodeType.Element && reader.LocalName == element))
        {
        }

        return reader;
    }
}
