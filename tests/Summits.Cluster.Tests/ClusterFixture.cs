using System.Globalization;

namespace Summits.Cluster.Tests;

/// <summary>
/// One cluster for the tests of a collection: a <see cref="RedisServer"/>, and two silos joined to it through
/// <c>summits silo --cluster</c> on 127.0.0.1 at ports free when they start, under a cluster id of its own. Also a second Redis server that no silo has
/// joined. Both servers and the silos end with the fixture, or with the test process.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private readonly List<LeashedProcess> _silos = [];

    /// <summary>The cluster's id, its own among the test runs that share a machine: <c>test-</c> and 12 hex digits.</summary>
    public string Id { get; } = UniqueId();

    /// <summary>The options that make a command join or call this cluster: <c>--cluster ADDRESS --cluster-id ID</c>.</summary>
    public string[] Joined => ["--cluster", Redis.Address, "--cluster-id", Id];

    /// <summary>A cluster id no other cluster of the tests takes.</summary>
    public static string UniqueId() => "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The Redis server the silos joined.</summary>
    public RedisServer Redis { get; private set; } = null!;

    /// <summary>A Redis server of a cluster with no silo.</summary>
    public RedisServer Empty { get; private set; } = null!;

    /// <summary>The cluster's two silos, in the order they were started.</summary>
    public IReadOnlyList<FixtureSilo> Silos { get; private set; } = [];

    /// <summary>A folder the commands run in, deleted with the fixture.</summary>
    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("summits-cluster-");

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        Empty = await RedisServer.StartAsync();
        var ports = new HashSet<int>();
        while (ports.Count < 4)
            ports.Add(RedisServer.FreePort());
        var (siloPorts, gatewayPorts) = (ports.Take(2).ToArray(), ports.Skip(2).ToArray());
        // Both start at once: a silo's start is most of the fixture's time.
        _silos.AddRange(siloPorts.Zip(gatewayPorts, (silo, gateway) => SummitsProgram.Start(Folder.FullName, ["silo", .. Joined, "--address", "127.0.0.1",
            "--silo-port", silo.ToString(CultureInfo.InvariantCulture), "--gateway-port", gateway.ToString(CultureInfo.InvariantCulture)])));
        var listening = await Task.WhenAll(_silos.Select(s => s.WaitForLineAsync(line => line.StartsWith("summits silo: listening", StringComparison.Ordinal), SummitsProgram.HangGuard)));
        Silos = [.. siloPorts.Select((port, i) => new FixtureSilo(port, gatewayPorts[i], listening[i], _silos[i].Id))];
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos)
            await silo.DisposeAsync();
        await Redis.DisposeAsync();
        await Empty.DisposeAsync();
        Folder.Delete(recursive: true);
    }
}

/// <summary>A silo of <see cref="ClusterFixture"/>.</summary>
/// <param name="SiloPort">Its port for silos, on 127.0.0.1.</param>
/// <param name="GatewayPort">Its port for clients, on 127.0.0.1.</param>
/// <param name="Listening">The line it wrote once it had joined, saying where it listens.</param>
/// <param name="ProcessId">The id of its process.</param>
public sealed record FixtureSilo(int SiloPort, int GatewayPort, string Listening, int ProcessId);

/// <summary>The tests that share one <see cref="ClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
