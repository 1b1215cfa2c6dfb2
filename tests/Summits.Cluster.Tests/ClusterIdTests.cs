using System.Globalization;
using Orleans.Messaging;
using Orleans.Runtime;
using StackExchange.Redis;
using Summits.Hosting;
using Summits.Tests;

namespace Summits.Cluster.Tests;

/// <summary>
/// Clusters of different ids on one Redis server (<c>--cluster-id</c>): a second cluster, a silo of its own on the
/// fixture's Redis server, shares neither membership nor worlds with the fixture's cluster; and a client of an id no
/// silo has is told so at once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterIdTests(ClusterFixture cluster)
{
    private static string Baseline => SeedFiles.File("scenarios", "what-if", "baseline.yaml");

    private Task<(int Exit, string Output, string Error)> Summits(params string[] arguments) =>
        SummitsProgram.RunAsync(cluster.Folder.FullName, arguments);

    [ClusterFact]
    public async Task TwoClustersOfDifferentIdsOnOneRedisServerSeeNeitherTheOthersSilosNorItsWorlds()
    {
        var other = ClusterFixture.UniqueId();
        string[] joined = ["--cluster", cluster.Redis.Address, "--cluster-id", other];
        var (siloPort, gatewayPort) = (RedisServer.FreePort(), RedisServer.FreePort());
        await using var silo = SummitsProgram.Start(cluster.Folder.FullName, ["silo", .. joined, "--address", "127.0.0.1",
            "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture), "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture)]);
        var listening = await silo.WaitForLineAsync(line => line.StartsWith("summits silo: listening", StringComparison.Ordinal), SummitsProgram.HangGuard);
        Assert.Equal($"summits silo: listening on 127.0.0.1:{siloPort} for silos and 127.0.0.1:{gatewayPort} for clients, "
            + $"in the cluster '{other}' at {cluster.Redis.Address}; Ctrl-C stops it", listening);

        var detached = await Summits(["run", Baseline, .. joined, "--detach"]);
        Assert.True(detached.Exit == 0, detached.Error);
        var id = detached.Output.TrimEnd('\n');

        // The second cluster lists its world; the fixture's cluster neither lists it nor finds it by its id.
        var listedThere = await Summits(["worlds", "list", .. joined]);
        Assert.True(listedThere.Exit == 0, listedThere.Error);
        Assert.Contains(id, listedThere.Output, StringComparison.Ordinal);
        var listedHere = await Summits(["worlds", "list", .. cluster.Joined]);
        Assert.True(listedHere.Exit == 0, listedHere.Error);
        Assert.DoesNotContain(id, listedHere.Output, StringComparison.Ordinal);
        var shownHere = await Summits(["worlds", "show", id, .. cluster.Joined]);
        Assert.Equal((2, "", $"summits worlds show: error: no world '{id}' on the cluster at {cluster.Redis.Address}; 'summits worlds list --cluster {cluster.Redis.Address} --cluster-id {cluster.Id}' lists them (see 'summits worlds show --help')\n"), shownHere);

        using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{cluster.Redis.Port.ToString(CultureInfo.InvariantCulture)}");
        var server = redis.GetServer("127.0.0.1", cluster.Redis.Port);
        // Each cluster's membership is a hash of its own, a field per silo that ever joined, named S, its address, ':'
        // and its generation: the second cluster's holds its one silo, and the fixture's not that silo.
        var theirs = (await redis.GetDatabase().HashKeysAsync($"{other}/members/{other}")).Select(k => k.ToString()).Where(k => k.StartsWith('S')).ToList();
        Assert.Equal([$"S127.0.0.1:{siloPort}"], theirs.Select(k => k[..k.LastIndexOf(':')]));
        var ours = (await redis.GetDatabase().HashKeysAsync($"{cluster.Id}/members/{cluster.Id}")).Select(k => k.ToString()).ToList();
        Assert.All(cluster.Silos, s => Assert.Contains(ours, k => k.StartsWith($"S127.0.0.1:{s.SiloPort}:", StringComparison.Ordinal)));
        Assert.DoesNotContain(ours, k => k.StartsWith($"S127.0.0.1:{siloPort}:", StringComparison.Ordinal));
        // Every key of the second cluster's world stands under its id, the service id its grains' state is kept under.
        var keys = server.Keys(pattern: $"*{id}*").Select(k => k.ToString()).ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.StartsWith($"{other}/state/", k, StringComparison.Ordinal));

        var retired = await Summits(["worlds", "retire", id, .. joined]);
        Assert.True(retired.Exit == 0, retired.Error);
        await silo.TerminateAsync();
        Assert.Equal(0, await silo.WaitForExitAsync(TimeSpan.FromMinutes(1)));
    }

    [ClusterFact]
    public async Task AClientOfAnIdNoSiloHasSaysSoInOneLineNamingTheIdAndTheServer()
    {
        var nobody = ClusterFixture.UniqueId();
        var run = await Summits("worlds", "list", "--cluster", cluster.Redis.Address, "--cluster-id", nobody);

        Assert.Equal(3, run.Exit);
        Assert.Equal("", run.Output);
        // One line: the id and the server, why in our words (no silo of that id ever joined, so its membership lists
        // none), and the command that would mend it.
        Assert.Equal($"summits worlds list: error: no silo of the cluster '{nobody}' at {cluster.Redis.Address} answers (its membership in the Redis server lists no silo to connect to); "
            + $"start one with 'summits silo --cluster {cluster.Redis.Address} --cluster-id {nobody}', or name the cluster's id with --cluster-id or Summits:ClusterId\n", run.Error);
    }

    [ClusterFact]
    public async Task AStartThatFindsNoGatewayIsNotTriedAgainWhileOneWhoseGatewayDoesNotAnswerIs()
    {
        var empty = new ConnectionRetries(new Gateways([]));
        Assert.False(await empty.ShouldRetryConnectionAttempt(new SiloUnavailableException("no gateway"), CancellationToken.None));

        // A listed gateway that does not answer is tried again, up to four tries in all: three times yes, then no.
        var listed = new ConnectionRetries(new Gateways([new Uri("gwy.tcp://127.0.0.1:1/0")]));
        var answers = new List<bool>();
        for (var i = 0; i < 4; i++)
            answers.Add(await listed.ShouldRetryConnectionAttempt(new SiloUnavailableException("no answer"), CancellationToken.None));
        Assert.Equal([true, true, true, false], answers);
    }

    /// <summary>A gateway list that holds <paramref name="listed"/>.</summary>
    private sealed class Gateways(IList<Uri> listed) : IGatewayListProvider
    {
        public TimeSpan MaxStaleness => TimeSpan.FromMinutes(1);

        public bool IsUpdatable => false;

        public Task InitializeGatewayListProvider() => Task.CompletedTask;

        public Task<IList<Uri>> GetGateways() => Task.FromResult(listed);
    }
}
