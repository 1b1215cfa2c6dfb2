using System.Globalization;

namespace Summits.Cluster.Tests;

/// <summary>
/// One cluster for the tests of a collection: a <see cref="RedisServer"/>, and one silo joined to it through
/// <c>summits silo --cluster</c> on 127.0.0.1 at ports free when it starts. Also a second Redis server that no silo has
/// joined. Both servers and the silo end with the fixture, or with the test process.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private LeashedProcess? _silo;

    /// <summary>The Redis server the silo joined.</summary>
    public RedisServer Redis { get; private set; } = null!;

    /// <summary>A Redis server of a cluster with no silo.</summary>
    public RedisServer Empty { get; private set; } = null!;

    /// <summary>The silo's port for silos.</summary>
    public int SiloPort { get; private set; }

    /// <summary>The silo's port for clients.</summary>
    public int GatewayPort { get; private set; }

    /// <summary>The line the silo wrote once it had joined, saying where it listens.</summary>
    public string Listening { get; private set; } = "";

    /// <summary>A folder the commands run in, deleted with the fixture.</summary>
    public DirectoryInfo Folder { get; } = Directory.CreateTempSubdirectory("summits-cluster-");

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        Empty = await RedisServer.StartAsync();
        SiloPort = RedisServer.FreePort();
        do
            GatewayPort = RedisServer.FreePort();
        while (GatewayPort == SiloPort);
        _silo = SummitsProgram.Start(Folder.FullName, ["silo", "--cluster", Redis.Address, "--address", "127.0.0.1",
            "--silo-port", SiloPort.ToString(CultureInfo.InvariantCulture), "--gateway-port", GatewayPort.ToString(CultureInfo.InvariantCulture)]);
        Listening = await _silo.WaitForLineAsync(line => line.StartsWith("summits silo: listening", StringComparison.Ordinal), SummitsProgram.HangGuard);
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null)
            await _silo.DisposeAsync();
        await Redis.DisposeAsync();
        await Empty.DisposeAsync();
        Folder.Delete(recursive: true);
    }
}

/// <summary>The tests that share one <see cref="ClusterFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
