using System.Text.Json;

namespace Summits.Cli.Tests.Hosting;

/// <summary>
/// The runtime switches <c>summits</c> starts with, read from the <c>summits.runtimeconfig.json</c> built beside
/// <c>summits.dll</c>: the file the runtime reads before <c>Main</c>, in a build, a publish and the packed tool alike.
/// </summary>
public sealed class RuntimeSwitchesTests
{
    private static JsonElement Properties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "summits.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    [Theory]
    // Off: no instrumented second compilation of hot code before its final one (docs/performance.md, "Tiered PGO").
    [InlineData("System.Runtime.TieredPGO", false)]
    // Kept: the runtime's W^X double mapping off, so that summits starts under a file size limit.
    [InlineData("System.Runtime.EnableWriteXorExecute", false)]
    public void Summits_starts_with_the_switch_set(string name, bool expected)
    {
        Assert.True(Properties().TryGetProperty(name, out var value), $"summits.runtimeconfig.json sets no {name}");
        Assert.Equal(expected, value.GetBoolean());
    }
}
