using System.Globalization;
using System.Text.RegularExpressions;
using StackExchange.Redis;
using Summits.Tests;

namespace Summits.Cluster.Tests;

/// <summary>
/// <c>summits whatif --cluster</c> on the two silos of <see cref="ClusterFixture"/>: the study's sample worlds spread over
/// both silos, stay in their memory, and give the embedded study's results byte for byte.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ClusterStudyTests(ClusterFixture cluster)
{
    private static string Fta => SeedFiles.File("scenarios", "what-if", "us-presses-bilateral-fta.yaml");

    private static readonly string[] StudyFiles = ["results.json", "agreements.csv", "positions.csv", "sensitivity.csv", "expectations.csv", "samples.csv"];

    /// <summary>
    /// The runs of each study. They run in lanes, one per run in flight (by default twice the client's processor count,
    /// at least 2), and the lanes take the two silos in turn: each silo has a lane, so some of the 40 samples run on each.
    /// </summary>
    private const int Runs = 40;

    [ClusterFact]
    public async Task AStudyOnTheClusterSpreadsItsSamplesOverBothSilosAndWritesTheEmbeddedStudysFilesByteForByte()
    {
        var folder = cluster.Folder.FullName;
        var embedded = Path.Combine(folder, "study-embedded");
        var byOption = Path.Combine(folder, "study-by-option");
        var bySetting = Path.Combine(folder, "study-by-setting");
        string[] study = ["whatif", Fta, "--runs", Runs.ToString(CultureInfo.InvariantCulture), "--seed", "7"];
        using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{cluster.Redis.Port.ToString(CultureInfo.InvariantCulture)}");
        var server = redis.GetServer("127.0.0.1", cluster.Redis.Port);
        var keysBefore = await server.DatabaseSizeAsync();

        var alone = await SummitsProgram.RunAsync(folder, [.. study, "-o", embedded]);
        Assert.True(alone.Exit == 0, alone.Error);
        // Two clients at once, the cluster named by the option and by the environment: the same scenario and seed, whose
        // samples would meet in the silos unless each study takes keys of its own.
        var (client, configured) = await Both(
            SummitsProgram.RunAsync(folder, [.. study, "-o", byOption, .. cluster.Joined]),
            SummitsProgram.RunAsync(folder, [.. study, "-o", bySetting], new Dictionary<string, string> { ["Summits__Cluster"] = cluster.Redis.Address, ["Summits__ClusterId"] = cluster.Id }));
        Assert.True(client.Exit == 0, client.Error);
        Assert.True(configured.Exit == 0, configured.Error);

        foreach (var file in StudyFiles)
        {
            var expected = await File.ReadAllBytesAsync(Path.Combine(embedded, file));
            Assert.Equal(expected, await File.ReadAllBytesAsync(Path.Combine(byOption, file)));
            Assert.Equal(expected, await File.ReadAllBytesAsync(Path.Combine(bySetting, file)));
        }
        // The printed results are the same to the byte; so is standard error, but for the line that times the study
        // and the one that says where its samples ran (a cluster's alone), and for the folder named.
        Assert.Contains($"What-if us-presses-bilateral-fta on world abe-trump-2017-11-06: {Runs} of {Runs} runs, seed 7, engine", alone.Output, StringComparison.Ordinal);
        Assert.Equal((alone.Output, alone.Output), (client.Output, configured.Output));
        Assert.Equal((Untimed(alone.Error).Replace(embedded, byOption, StringComparison.Ordinal), Untimed(alone.Error).Replace(embedded, bySetting, StringComparison.Ordinal)),
            (Untimed(client.Error), Untimed(configured.Error)));
        Assert.Single(alone.Error.Split('\n'), line => line.StartsWith("us-presses-bilateral-fta: 40 runs in ", StringComparison.Ordinal));

        // Each client says on which silos its sample worlds ran: both of the fixture's, by the port each listens on for
        // silos, the counts adding up to the runs. The embedded study, on one silo of its own, says nothing of the kind.
        Assert.DoesNotContain(" sample worlds ran on ", alone.Error, StringComparison.Ordinal);
        foreach (var run in (string[])[client.Error, configured.Error])
        {
            var spread = SpreadLine().Match(run);
            Assert.True(spread.Success, run);
            Assert.Equal($"{Runs} sample worlds ran on 2 silos of the cluster at {cluster.Redis.Address}", spread.Groups["head"].Value);
            var silos = SiloCount().Matches(spread.Groups["silos"].Value).ToDictionary(m => int.Parse(m.Groups["port"].Value, CultureInfo.InvariantCulture), m => int.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture));
            Assert.Equal(cluster.Silos.Select(s => s.SiloPort).Order(), silos.Keys.Order());
            Assert.All(silos.Values, count => Assert.True(count > 0, spread.Value));
            Assert.Equal(Runs, silos.Values.Sum());
        }

        // The samples stayed in the silos' memory: no key was added to the Redis server, and none names a sample's world
        // (us-presses-bilateral-fta-7-lane-{lane}-run-{12 hex digits}), as a run's world does (ClusterRunTests).
        Assert.Equal(keysBefore, await server.DatabaseSizeAsync());
        Assert.Empty(server.Keys(pattern: "*us-presses-bilateral-fta-7-*"));
    }

    [ClusterFact]
    public async Task AStudyAgainstARedisServerThatDoesNotAnswerSaysSoInOneLineAndWritesNothing()
    {
        // A port nothing listens on, named by the setting: the connection is refused at once.
        var port = RedisServer.FreePort();
        var output = Path.Combine(cluster.Folder.FullName, "study-unreachable");
        var run = await SummitsProgram.RunAsync(cluster.Folder.FullName, ["whatif", Fta, "--runs", "2", "-o", output],
            new Dictionary<string, string> { ["Summits__Cluster"] = $"redis://127.0.0.1:{port}" });

        Assert.Equal((3, "", $"summits whatif: error: the cluster's Redis server at redis://127.0.0.1:{port} does not answer; start it, or name the server that runs with --cluster or Summits:Cluster\n"), run);
        Assert.False(Directory.Exists(output));
    }

    [ClusterFact]
    public async Task AStudyOnAClusterWithNoSiloSaysSoInOneLineAndWritesNothing()
    {
        var output = Path.Combine(cluster.Folder.FullName, "study-no-silo");
        var run = await SummitsProgram.RunAsync(cluster.Folder.FullName, ["whatif", Fta, "--runs", "2", "-o", output, "--cluster", cluster.Empty.Address]);

        Assert.Equal(3, run.Exit);
        Assert.Equal("", run.Output);
        // One line, as summits run says it: what is wrong, Orleans' own words in parentheses, and the command that would mend it.
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"summits whatif: error: no silo of the cluster 'summits' at {cluster.Empty.Address} answers (", run.Error, StringComparison.Ordinal);
        Assert.EndsWith($"); start one with 'summits silo --cluster {cluster.Empty.Address}', or name the cluster's id with --cluster-id or Summits:ClusterId\n", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    private static async Task<(T, T)> Both<T>(Task<T> first, Task<T> second) => (await first, await second);

    /// <summary>Standard error without the lines that time a study or say where its samples ran, which differ from run to run.</summary>
    private static string Untimed(string error) =>
        string.Concat(error.Split('\n').Where(line => !line.StartsWith("us-presses-bilateral-fta: ", StringComparison.Ordinal)).Select(line => line + "\n")).TrimEnd('\n');

    [GeneratedRegex(@"^us-presses-bilateral-fta: (?<head>[^\n]*?): (?<silos>127\.0\.0\.1:[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex SpreadLine();

    [GeneratedRegex(@"127\.0\.0\.1:(?<port>\d+) \((?<count>\d+)\)")]
    private static partial Regex SiloCount();
}
