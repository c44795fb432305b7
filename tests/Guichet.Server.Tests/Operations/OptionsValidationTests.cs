using Guichet.Server.Tests.Infrastructure;

namespace Guichet.Server.Tests.Operations;

/// <summary>A wrong setting stops the start, and the message names it: no server runs half-configured.</summary>
public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Portal:AnonymousFormPostsPerMinute=0", "Portal:AnonymousFormPostsPerMinute")]
    [InlineData("Database:Provider=Oracle", "Database:Provider: 'Oracle' is not known")]
    [InlineData("Database:Provider=PostgreSql|Database:ConnectionString=", "Database:ConnectionString is required")]
    [InlineData("ReverseProxy:KnownProxies:0=proxy.interne", "ReverseProxy:KnownProxies: 'proxy.interne' is not an IP address")]
    [InlineData("ReverseProxy:KnownNetworks:0=10.0.0.0/99", "ReverseProxy:KnownNetworks: '10.0.0.0/99' is not a CIDR network")]
    [InlineData("DataProtection:CertificatePath=/nulle/part/cle.pfx", "DataProtection:CertificatePath: there is no file '/nulle/part/cle.pfx'")]
    [InlineData("DataProtection:KeyStore=Redis", "DataProtection:KeyStore: 'Redis' is not known; use Folder or Database")]
    [InlineData("DataProtection:KeyStore=Database", "DataProtection:KeyStore=Database needs DataProtection:CertificatePath")]
    [InlineData("DataProtection:KeysFolder= ", "DataProtection:KeysFolder is required")]
    [InlineData("DataProtection:PreviousCertificatePath=/nulle/part/ancien.pfx",
        "DataProtection:PreviousCertificatePath is the certificate DataProtection:CertificatePath replaced")]
    [InlineData("DataProtection:PreviousCertificatePath=/nulle/part/ancien.pfx",
        "DataProtection:PreviousCertificatePath: there is no file '/nulle/part/ancien.pfx'")]
    [InlineData("Security:FailedWhiteLabelAuthenticationsPerAddressPerMinute=0", "Security:FailedWhiteLabelAuthenticationsPerAddressPerMinute")]
    [InlineData("Security:WsseFreshness=-00:05:00", "Security:WsseFreshness must be positive")]
    [InlineData("Enrolment:Lease=00:00:00", "Enrolment:Lease must be positive")]
    [InlineData("Enrolment:RunSpacing=-00:00:01", "Enrolment:RunSpacing must not be negative")]
    [InlineData("Maintenance:Interval=00:00:00", "Maintenance:Interval must be positive and at most a day")]
    [InlineData("Maintenance:Interval=2.00:00:00", "Maintenance:Interval must be positive and at most a day")]
    [InlineData("Portal:Sessions:IdleTimeout=00:00:10", "Portal:Sessions:IdleTimeout must be at least one minute")]
    [InlineData("Portal:Sessions:AbsoluteLifetime=00:20:00", "Portal:Sessions:AbsoluteLifetime must be at least Portal:Sessions:IdleTimeout")]
    [InlineData("Portal:Sessions:AbsoluteLifetime=8.00:00:00", "Portal:Sessions:AbsoluteLifetime must be at most 7 days")]
    [InlineData("Portal:PasswordMinLength=4", "Portal:PasswordMinLength must be at least 8")]
    [InlineData("Portal:PublicBaseUrl=guichet.example.fr", "Portal:PublicBaseUrl must be empty or an absolute http(s) address")]
    [InlineData("Partners:FundName= ", "Partners:FundName is required")]
    [InlineData("Partners:ContactUrl=www.lopcommerce.com", "Partners:ContactUrl must be an absolute http(s) address")]
    [InlineData("Partners:Tools:0:Url=ftp://outils.example.fr", "Partners:Tools: every tool needs a Name and an absolute http(s) Url")]
    [InlineData("Doors:Soap=false|Doors:Portal=false|Doors:BackOffice=false", "At least one of Doors:Soap, Doors:Portal and Doors:BackOffice")]
    [InlineData("Doors:BackOffice=non", "'Doors:BackOffice'")]
    [InlineData("Memory:NativeHeapTrimInterval=-00:00:01", "Memory:NativeHeapTrimInterval must not be negative")]
    public void InvalidSetting_StopsTheStart_NamingTheSetting(string settings, string expected)
    {
        var pairs = settings.Split('|').Select(s => s.Split('=', 2)).Select(p => KeyValuePair.Create(p[0], p[1])).ToArray();

        var failure = Record.Exception(() => new MisconfiguredServer(pairs).Dispose());

        Assert.NotNull(failure);
        Assert.Contains(expected, failure.ToString(), StringComparison.Ordinal);
    }

    private sealed class MisconfiguredServer(KeyValuePair<string, string>[] settings) : GuichetServer(DatabaseProvider.Sqlite)
    {
        // An initializer runs before the base constructor, which starts the server and reads Settings.
        private readonly KeyValuePair<string, string>[] _settings = settings;

        protected override IEnumerable<KeyValuePair<string, string>> Settings => _settings;
    }
}
