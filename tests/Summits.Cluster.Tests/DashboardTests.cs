using System.Globalization;
using System.Text.Json;
using Summits.Tests;

namespace Summits.Cluster.Tests;

/// <summary>
/// <c>summits silo --dashboard PORT</c>: the Orleans Dashboard served on 127.0.0.1 at that port, by a silo of a cluster of
/// its own on the fixture's Redis server; and a silo without the option listening on its two ports alone.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DashboardTests(ClusterFixture cluster)
{
    [Fact]
    public async Task ASiloWithADashboardServesItsPageAndListsItselfInItsFigures()
    {
        var ports = new HashSet<int>();
        while (ports.Count < 3)
            ports.Add(RedisServer.FreePort());
        var (siloPort, gatewayPort, dashboardPort) = (ports.ElementAt(0), ports.ElementAt(1), ports.ElementAt(2));
        await using var silo = SummitsProgram.Start(cluster.Folder.FullName, ["silo", "--cluster", cluster.Redis.Address, "--cluster-id", ClusterFixture.UniqueId(),
            "--address", "127.0.0.1", "--silo-port", Text(siloPort), "--gateway-port", Text(gatewayPort), "--dashboard", Text(dashboardPort)]);
        var listening = await silo.WaitForLineAsync(line => line.StartsWith("summits silo: listening", StringComparison.Ordinal), SummitsProgram.HangGuard);
        // The dashboard's address is said first, then where the silo listens, once it has joined.
        Assert.Equal($"summits silo: the Orleans Dashboard is at http://127.0.0.1:{dashboardPort}/\n{listening}\n", silo.Output);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{dashboardPort}/") };
        using var page = await http.GetAsync("");
        Assert.Equal(200, (int)page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Its figures (DashboardCounters, what its pages draw) list the cluster's silos from its membership: this one
        // alone, active, named by its address, its silo port and its generation.
        // The dashboard's grain gathers them at most once a second, the first time a second after it started: asked
        // until they name a silo, within the guard against a hang.
        var deadline = DateTime.UtcNow + SummitsProgram.HangGuard;
        List<JsonElement> hosts;
        while (true)
        {
            using var counters = JsonDocument.Parse(await http.GetStringAsync("DashboardCounters"));
            hosts = [.. counters.RootElement.GetProperty("hosts").EnumerateArray().Select(h => h.Clone())];
            if (hosts.Count > 0 || DateTime.UtcNow > deadline)
                break;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        Assert.Equal([$"127.0.0.1:{siloPort}"], hosts.Select(h => h.GetProperty("siloAddress").GetString()!.Split('@')[0]));
        Assert.Equal(["Active"], hosts.Select(h => h.GetProperty("status").GetString()));

        Assert.Equal(new[] { siloPort, gatewayPort, dashboardPort }.Order(), ListeningPorts(silo.Id).Order());
        await silo.TerminateAsync();
        Assert.Equal(0, await silo.WaitForExitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void ASiloWithoutADashboardListensOnItsTwoPortsAlone()
    {
        foreach (var silo in cluster.Silos)
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
