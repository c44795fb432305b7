using Guichet.Server.Tests.Infrastructure;

namespace Guichet.Server.Tests.Operations;

/// <summary>A wrong setting stops the server as it starts, and the message names the setting.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Enrolment:Lease", "00:00:00")]
    [InlineData("Security:WsseFreshness", "-00:05:00")]
    [InlineData("Portal:PasswordMinLength", "4")]
    [InlineData("Portal:PublicBaseUrl", "guichet.example.fr")]
    public void InvalidSetting_StopsTheStart_NamingTheSetting(string setting, string value)
    {
        var exception = Record.Exception(() => new ServerWith(setting, value).Dispose());

        Assert.NotNull(exception);
        Assert.Contains(setting, Messages(exception), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultSettings_Start()
    {
        using var server = new ServerWith("Portal:PublicBaseUrl", "https://guichet.example.fr");

        Assert.NotNull(server.Services);
    }

    private static string Messages(Exception exception) => exception switch
    {
        AggregateException aggregate => string.Join(" | ", aggregate.InnerExceptions.Select(Messages)),
        { InnerException: { } inner } => exception.Message + " | " + Messages(inner),
        _ => exception.Message,
    };

    private sealed class ServerWith(string setting, string value) : GuichetServer(DatabaseProvider.Sqlite)
    {
        // Initialized before the base constructor starts the server and reads the settings.
        private readonly KeyValuePair<string, string> _setting = new(setting, value);

        protected override IEnumerable<KeyValuePair<string, string>> Settings => [_setting];
    }
}
