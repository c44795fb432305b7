using System.Text.Json;

namespace Guichet.Server.Tests.Hosting;

/// <summary>
/// The runtime's settings the server ships with (its runtimeconfig.json, built from its project file): the memory an
/// instance holds at peak depends on them (bench/README.md, "Memory and the runtime's settings").
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static readonly JsonElement s_properties = ReadServerRuntimeProperties();

    [Fact]
    public void Server_RunsTheWorkstationGarbageCollector() =>
        Assert.False(s_properties.GetProperty("System.GC.Server").GetBoolean());

    [Fact]
    public void Server_AllocatesAtMostFourMebibytesBetweenTwoGen0Collections() =>
        Assert.Equal(4 * 1024 * 1024, s_properties.GetProperty("System.GC.Gen0MaxBudget").GetInt32());

    [Fact]
    public void Server_OptimisesAMethodAfterAThousandCallsNotThirty() =>
        Assert.Equal(1000, s_properties.GetProperty("System.Runtime.TieredCompilation.CallCountThreshold").GetInt32());

    private static JsonElement ReadServerRuntimeProperties()
    {
        // The test project references the server, whose runtimeconfig.json the build copies beside the tests.
        var path = Path.Combine(AppContext.BaseDirectory, "Guichet.Server.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
