using System.Globalization;
using System.Text.Json;
using Summits.Tests;

namespace Summits.Cluster.Tests;

/// <summary>
/// <c>summits silo --dashboard PORT</c>: the Orleans Dashboard served on 127.0.0.1 at that port by the first silo of
/// <see cref="ClusterFixture"/>, over the whole cluster, while the cluster runs a study too; and a silo without the option
/// listening on its two ports alone.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DashboardTests(ClusterFixture cluster)
{
    private static string Fta => SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml");

    private HttpClient Dashboard() => new() { BaseAddress = new Uri($"http://127.0.0.1:{Text(cluster.DashboardPort)}/") };

    /// <summary>The dashboard's figures (<c>DashboardCounters</c>, what its pages draw), read once.</summary>
    private static async Task<JsonElement> CountersAsync(HttpClient http)
    {
        using var counters = JsonDocument.Parse(await http.GetStringAsync("DashboardCounters"));
        return counters.RootElement.Clone();
    }

    /// <summary>The silos the figures list as active, by their address and silo port (the generation after '@' left out), in order.</summary>
    private static string[] ActiveSilos(JsonElement counters) =>
        [.. counters.GetProperty("hosts").EnumerateArray().Where(h => h.GetProperty("status").GetString() == "Active")
            .Select(h => h.GetProperty("siloAddress").GetString()!.Split('@')[0]).Order(StringComparer.Ordinal)];

    /// <summary>The activations of the world grain the figures count on each silo, by its address and silo port.</summary>
    private static Dictionary<string, int> Worlds(JsonElement counters) =>
        counters.GetProperty("simpleGrainStats").EnumerateArray()
            .Where(g => g.GetProperty("grainType").GetString() == "Summits.Grains.WorldGrain")
            .GroupBy(g => g.GetProperty("siloAddress").GetString()!.Split('@')[0])
            .ToDictionary(g => g.Key, g => g.Sum(s => s.GetProperty("activationCount").GetInt32()));

    /// <summary>The fixture's silos as the figures name them: <c>127.0.0.1:PORT</c>, PORT each one's silo port, in order.</summary>
    private string[] FixtureSilos => [.. cluster.Silos.Select(s => $"127.0.0.1:{Text(s.SiloPort)}").Order(StringComparer.Ordinal)];

    /// <summary>Reads the figures every second until <paramref name="enough"/> accepts them, within the guard against a hang, and returns them.</summary>
    /// <remarks>The dashboard's grain gathers them at most once a second, the first time a second after it is first asked.</remarks>
    private static async Task<JsonElement> CountersUntilAsync(HttpClient http, Func<JsonElement, bool> enough)
    {
        var deadline = DateTime.UtcNow + SummitsProgram.HangGuard;
        while (true)
        {
            var counters = await CountersAsync(http);
            if (enough(counters) || DateTime.UtcNow > deadline)
                return counters;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    [ClusterFact]
    public async Task ASiloWithADashboardServesItsPageAndListsTheClustersSilosInItsFigures()
    {
        var silo = cluster.Dashboard;
        // The dashboard's address is said first, then where the silo listens, once it has joined.
        Assert.StartsWith($"summits silo: the Orleans Dashboard is at http://127.0.0.1:{Text(cluster.DashboardPort)}/\n{silo.Listening}\n", silo.Process.Output, StringComparison.Ordinal);

        using var http = Dashboard();
        using var page = await http.GetAsync("");
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Its figures list the cluster's silos from its membership: both of the fixture's, active, named by their address
        // and silo port (a silo another test started and stopped is listed as dead, not active).
        var counters = await CountersUntilAsync(http, c => ActiveSilos(c).Length == 2);
        Assert.Equal(FixtureSilos, ActiveSilos(counters));

        Assert.Equal(new[] { silo.SiloPort, silo.GatewayPort, cluster.DashboardPort }.Order(), ListeningPorts(silo.ProcessId).Order());
    }

    [ClusterFact]
    public async Task TheDashboardAnswersWhileAStudyRunsOnTheClusterAndCountsItsSampleWorldsOnBothSilos()
    {
        using var http = Dashboard();
        var before = Worlds(await CountersUntilAsync(http, c => ActiveSilos(c).Length == 2));

        // A study far longer than the test waits for, its samples in 8 lanes, which take the two silos in turn: 4 sample
        // worlds active on each silo for as long as it runs, besides what other tests left active.
        var output = Path.Combine(cluster.Folder.FullName, "study-watched");
        await using var study = SummitsProgram.Start(cluster.Folder.FullName, ["whatif", Fta, "--runs", "100000", "--parallel", "8", "-o", output, .. cluster.Joined]);
        var during = await CountersUntilAsync(http, c => FixtureSilos.All(s => Worlds(c).GetValueOrDefault(s) > before.GetValueOrDefault(s)));
        using var page = await http.GetAsync("");
        // Both answers came while the study ran: it had not ended when the page had been read.
        Assert.False(study.HasExited, $"the study ended before the dashboard was read: {study.Error}");
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(FixtureSilos, ActiveSilos(during));
        Assert.All(FixtureSilos, s => Assert.True(Worlds(during).GetValueOrDefault(s) > before.GetValueOrDefault(s),
            $"the dashboard counted no more world activations on {s} during the study than before it: {before.GetValueOrDefault(s)}"));

        // Stopped as Ctrl-C stops it: the interrupted exit, writing nothing.
        await study.TerminateAsync();
        Assert.Equal(130, await study.WaitForExitAsync(SummitsProgram.HangGuard));
        Assert.False(Directory.Exists(output));
    }

    [ClusterFact]
    public void ASiloWithoutADashboardListensOnItsTwoPortsAlone()
    {
        foreach (var silo in cluster.Silos.Where(s => s != cluster.Dashboard))
            Assert.Equal(new[] { silo.SiloPort, silo.GatewayPort }.Order(), ListeningPorts(silo.ProcessId).Order());
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The TCP ports process <paramref name="process"/> listens on, as Linux lists them: the sockets among its open files
    /// (<c>/proc/PID/fd</c>, each a link to <c>socket:[INODE]</c>) that <c>/proc/net/tcp</c> and <c>tcp6</c> show in state
    /// 0A, LISTEN, the port the hexadecimal after the local address's colon.
    /// </summary>
    private static IEnumerable<int> ListeningPorts(int process)
    {
        var sockets = Directory.GetFiles($"/proc/{process.ToString(CultureInfo.InvariantCulture)}/fd")
            .Select(fd => new FileInfo(fd).LinkTarget)
            .OfType<string>()
            .Where(target => target.StartsWith("socket:[", StringComparison.Ordinal))
            .Select(target => target["socket:[".Length..^1])
            .ToHashSet();
        return new[] { "/proc/net/tcp", "/proc/net/tcp6" }
            .Where(File.Exists)
            .SelectMany(table => File.ReadLines(table).Skip(1))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields[3] == "0A" && sockets.Contains(fields[9]))
            .Select(fields => int.Parse(fields[1][(fields[1].LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .Distinct();
    }
}
