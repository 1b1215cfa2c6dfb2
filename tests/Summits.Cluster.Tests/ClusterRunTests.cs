using System.Globalization;
using StackExchange.Redis;
using Summits.Tests;

namespace Summits.Cluster.Tests;

/// <summary>
/// <c>summits silo --cluster</c> and <c>summits run --cluster</c> on a real cluster: a Redis server on loopback and two
/// silo processes joined to it (<see cref="ClusterFixture"/>), the runs made by client processes.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterRunTests(ClusterFixture cluster)
{
    private static string Baseline => SeedFiles.File("scenarios", "what-if", "baseline.yaml");

    [ClusterFact]
    public void SiloSaysOnOneLineWhereItListensAndWhichClusterItJoined()
    {
        // Each of the fixture's silos was started with --address 127.0.0.1 and its two ports, against its Redis server.
        Assert.Equal(2, cluster.Silos.Count);
        foreach (var silo in cluster.Silos)
            Assert.Equal($"summits silo: listening on 127.0.0.1:{silo.SiloPort} for silos and 127.0.0.1:{silo.GatewayPort} for clients, "
                + $"in the cluster '{cluster.Id}' at redis://127.0.0.1:{cluster.Redis.Port}; Ctrl-C stops it", silo.Listening);
    }

    [ClusterFact]
    public async Task ARunOnTheClusterWritesTheEmbeddedRunsFilesByteForByteAndLeavesNothingInRedis()
    {
        var folder = cluster.Folder.FullName;
        var embedded = Path.Combine(folder, "embedded");
        var byOption = Path.Combine(folder, "by-option");
        var bySetting = Path.Combine(folder, "by-setting");

        // Other tests of the fixture run the baseline on the same cluster (their worlds detached or not): the worlds
        // counted are those that appeared in Redis during this test's runs.
        var before = WorldsInRedis();
        var alone = await SummitsProgram.RunAsync(folder, ["run", Baseline, "-o", embedded, "-q"]);
        Assert.True(alone.Exit == 0, alone.Error);
        var client = await SummitsProgram.RunAsync(folder, ["run", Baseline, "-o", byOption, "-q", .. cluster.Joined]);
        Assert.True(client.Exit == 0, client.Error);
        // The same cluster named by the environment instead of the option; a second run of the same scenario, which meets
        // the first one's world in Redis unless it takes a world of its own.
        var configured = await SummitsProgram.RunAsync(folder, ["run", Baseline, "-o", bySetting, "-q"],
            new Dictionary<string, string> { ["Summits__Cluster"] = cluster.Redis.Address, ["Summits__ClusterId"] = cluster.Id });
        Assert.True(configured.Exit == 0, configured.Error);

        foreach (var file in (string[])["timeline.jsonl", "state.json", "agreements.csv"])
        {
            var expected = await File.ReadAllBytesAsync(Path.Combine(embedded, file));
            Assert.Equal(expected, await File.ReadAllBytesAsync(Path.Combine(byOption, file)));
            Assert.Equal(expected, await File.ReadAllBytesAsync(Path.Combine(bySetting, file)));
        }
        // The summary is the same, and so is the line that says where the files went, but for the folder.
        Assert.Contains("Expectations: 5 passed, 0 failed.", alone.Output, StringComparison.Ordinal);
        Assert.Equal((alone.Output, alone.Output), (client.Output, configured.Output));
        Assert.Equal((alone.Error.Replace(embedded, byOption, StringComparison.Ordinal), alone.Error.Replace(embedded, bySetting, StringComparison.Ordinal)),
            (client.Error, configured.Error));

        // Each client run seeded a world of its own, abe-trump-2017-11-06-run-{12 hex digits}, whose grains wrote their
        // state to the cluster's Redis server; each run, once it ended, retired its world, whose grains cleared that
        // state: no key of either run's world is left there (0 worlds more than before the runs).
        Assert.Empty(WorldsInRedis().Except(before));
    }

    /// <summary>The baseline's client-run worlds whose grains keep state in the cluster's Redis server, by key.</summary>
    private HashSet<string> WorldsInRedis()
    {
        using var redis = ConnectionMultiplexer.Connect($"127.0.0.1:{cluster.Redis.Port.ToString(CultureInfo.InvariantCulture)}");
        return [.. redis.GetServer("127.0.0.1", cluster.Redis.Port).Keys(pattern: "*abe-trump-2017-11-06-run-*")
            .Select(k => (string)k!).Select(k => System.Text.RegularExpressions.Regex.Match(k, "abe-trump-2017-11-06-run-[0-9a-f]{12}").Value)];
    }

    [ClusterFact]
    public async Task ASecondSiloJoinsThroughTheSettingsInItsFileAndLeavesOnSigterm()
    {
        var folder = Directory.CreateTempSubdirectory("summits-silo-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "appsettings.json"), $$"""{ "Summits": { "Cluster": "{{cluster.Redis.Address}}", "ClusterId": "{{cluster.Id}}" } }""");
            var siloPort = RedisServer.FreePort();
            var gatewayPort = RedisServer.FreePort();
            await using var silo = SummitsProgram.Start(folder.FullName, ["silo", "--address", "127.0.0.1",
                "--silo-port", siloPort.ToString(CultureInfo.InvariantCulture), "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture)]);
            var listening = await silo.WaitForLineAsync(line => line.StartsWith("summits silo: listening", StringComparison.Ordinal), SummitsProgram.HangGuard);
            Assert.Equal($"summits silo: listening on 127.0.0.1:{siloPort} for silos and 127.0.0.1:{gatewayPort} for clients, "
                + $"in the cluster '{cluster.Id}' at {cluster.Redis.Address}; Ctrl-C stops it", listening);

            await silo.TerminateAsync();
            Assert.Equal(0, await silo.WaitForExitAsync(TimeSpan.FromMinutes(1)));
            Assert.Equal($"{listening}\nsummits silo: stopping: handing its grains over and leaving the cluster\n", silo.Output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [ClusterFact]
    public async Task ASiloGivenThePortOfARunningSiloIsRefusedInOneLineAndTheRunningSiloServesOn()
    {
        var running = cluster.Silos[0];
        var free = RedisServer.FreePort().ToString(CultureInfo.InvariantCulture);
        string[] joined = ["silo", .. cluster.Joined, "--address", "127.0.0.1"];
        // The running silo listens on 127.0.0.1 at both ports: a second listener there is refused by the system with
        // "Address already in use", and the line names the option that chooses another port; exit 3, as for the dashboard.
        var silos = await SummitsProgram.RunAsync(cluster.Folder.FullName,
            [.. joined, "--silo-port", running.SiloPort.ToString(CultureInfo.InvariantCulture), "--gateway-port", free], ClusterFixture.TimingsEnvironment);
        Assert.Equal((3, "", $"summits silo: error: the silo cannot listen for other silos on 127.0.0.1:{running.SiloPort}: Address already in use; "
            + "choose another port with --silo-port\n"), silos);
        var clients = await SummitsProgram.RunAsync(cluster.Folder.FullName,
            [.. joined, "--silo-port", free, "--gateway-port", running.GatewayPort.ToString(CultureInfo.InvariantCulture)], ClusterFixture.TimingsEnvironment);
        Assert.Equal((3, "", $"summits silo: error: the silo cannot listen for clients on 127.0.0.1:{running.GatewayPort}: Address already in use; "
            + "choose another port with --gateway-port\n"), clients);

        // Neither joined the cluster: the running silo is not voted dead, and a run on the cluster still passes its five
        // expectations, as the embedded run of the baseline does.
        Assert.False(running.Process.HasExited);
        var run = await SummitsProgram.RunAsync(cluster.Folder.FullName, ["run", Baseline, "-o", Path.Combine(cluster.Folder.FullName, "beside-a-refused-silo"), "-q", .. cluster.Joined]);
        Assert.True(run.Exit == 0, run.Error);
        Assert.Contains("Expectations: 5 passed, 0 failed.", run.Output, StringComparison.Ordinal);
        Assert.False(running.Process.HasExited);
    }

    [ClusterFact]
    public async Task ARunAgainstARedisServerThatDoesNotAnswerSaysSoInOneLineAndWritesNothing()
    {
        // A port nothing listens on: the connection is refused at once.
        var port = RedisServer.FreePort();
        var output = Path.Combine(cluster.Folder.FullName, "unreachable");
        var run = await SummitsProgram.RunAsync(cluster.Folder.FullName, ["run", Baseline, "-o", output, "--cluster", $"redis://127.0.0.1:{port}"]);

        Assert.Equal(3, run.Exit);
        Assert.Equal("", run.Output);
        Assert.Equal($"summits run: error: the cluster's Redis server at redis://127.0.0.1:{port} does not answer; start it, or name the server that runs with --cluster or Summits:Cluster\n", run.Error);
        Assert.False(Directory.Exists(output));
    }

    [ClusterFact]
    public async Task ARunOnAClusterWithNoSiloSaysSoInOneLineAndWritesNothing()
    {
        var output = Path.Combine(cluster.Folder.FullName, "no-silo");
        var run = await SummitsProgram.RunAsync(cluster.Folder.FullName, ["run", Baseline, "-o", output, "--cluster", cluster.Empty.Address]);

        Assert.Equal(3, run.Exit);
        Assert.Equal("", run.Output);
        // One line: what is wrong, why in our words in parentheses, and the command that would mend it.
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        // No id given: the cluster is the default one, summits, and the command to start it needs no --cluster-id.
        Assert.StartsWith($"summits run: error: no silo of the cluster 'summits' at {cluster.Empty.Address} answers (", run.Error, StringComparison.Ordinal);
        Assert.EndsWith($"); start one with 'summits silo --cluster {cluster.Empty.Address}', or name the cluster's id with --cluster-id or Summits:ClusterId\n", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
