using System.Globalization;
using System.Text.RegularExpressions;
using StackExchange.Redis;
using Summits.Tests;

namespace Summits.Cluster.Tests;

/// <summary>
/// <c>summits run --detach</c> and <c>summits worlds list|show|retire</c> on the fixture's cluster: a run that its world
/// grain drives on the silos after the client that started it has exited.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed partial class DetachedWorldTests(ClusterFixture cluster)
{
    private static string Baseline => SeedFiles.File("scenarios", "what-if", "baseline.yaml");

    // A seed of the test's own rather than the scenario's, given to both runs alike.
    private const string Seed = "11";

    [GeneratedRegex("^abe-trump-2017-11-06-run-[0-9a-f]{12}\n$")]
    private static partial Regex DetachedId();

    private Task<(int Exit, string Output, string Error)> Summits(params string[] arguments) =>
        SummitsProgram.RunAsync(cluster.Folder.FullName, arguments);

    /// <summary>Starts the baseline detached with <see cref="Seed"/> and returns the id it printed, its one line of output.</summary>
    private async Task<string> DetachAsync()
    {
        var detached = await Summits(["run", Baseline, "--seed", Seed, .. cluster.Joined, "--detach"]);
        Assert.True(detached.Exit == 0, detached.Error);
        Assert.Matches(DetachedId(), detached.Output);
        Assert.Equal("", detached.Error);
        return detached.Output.TrimEnd('\n');
    }

    /// <summary>Lists the cluster's detached worlds until <paramref name="id"/>'s row says it has finished, and returns the listing.</summary>
    private async Task<string> ListUntilFinishedAsync(string id)
    {
        var deadline = DateTime.UtcNow + SummitsProgram.HangGuard;
        while (true)
        {
            var list = await Summits(["worlds", "list", .. cluster.Joined]);
            Assert.True(list.Exit == 0, list.Error);
            var row = list.Output.Split('\n').Single(line => line.StartsWith(id, StringComparison.Ordinal));
            if (row.EndsWith("finished", StringComparison.Ordinal))
                return list.Output;
            Assert.EndsWith("running", row, StringComparison.Ordinal);
            Assert.True(DateTime.UtcNow < deadline, $"world {id} had not finished within {SummitsProgram.HangGuard}: {row}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    [ClusterFact]
    public async Task ADetachedRunCompletesOnTheClusterAndShowsTheAttachedRunsFilesByteForByte()
    {
        var folder = cluster.Folder.FullName;
        var attached = Path.Combine(folder, "attached-" + Seed);
        var shown = Path.Combine(folder, "detached-" + Seed);
        var run = await Summits(["run", Baseline, "--seed", Seed, "-o", attached, "-q", .. cluster.Joined]);
        Assert.True(run.Exit == 0, run.Error);

        var id = await DetachAsync();
        var list = await ListUntilFinishedAsync(id);
        // The baseline has six steps (a rounds step and five expect steps); a finished run has done every one, and is
        // held by no silo ("-" under SILO; each column padded to the widest cell of another test's worlds).
        Assert.Matches($"(?m)^{id} +baseline +step 6 of 6 +- +finished$", list);
        // -q lists the ids alone, one a line.
        var ids = await Summits(["worlds", "list", "-q", .. cluster.Joined]);
        Assert.True(ids.Exit == 0, ids.Error);
        Assert.Contains(id, ids.Output.Split('\n'));
        Assert.All(ids.Output.TrimEnd('\n').Split('\n'), line => Assert.DoesNotContain(' ', line));

        var show = await Summits(["worlds", "show", id, "-o", shown, .. cluster.Joined]);
        Assert.True(show.Exit == 0, show.Error);
        foreach (var file in (string[])["timeline.jsonl", "state.json", "agreements.csv"])
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(attached, file)), await File.ReadAllBytesAsync(Path.Combine(shown, file)));
        Assert.Equal($"wrote timeline.jsonl, state.json and agreements.csv to {shown}\n", show.Error);
        // Its header: the world, the scenario and the world file it was seeded from, the seed given; then the progress,
        // with as many events as the attached run's timeline.jsonl has lines, and the baseline's five expectations all passed.
        var events = (await File.ReadAllLinesAsync(Path.Combine(attached, "timeline.jsonl"))).Length;
        var lines = show.Output.Split('\n');
        Assert.Equal($"World {id}: scenario baseline on world abe-trump-2017-11-06, seed {Seed}", lines[0]);
        Assert.Equal($"step 6 of 6, finished: {events} events, 0 expectations failed", lines[1]);

        // -v minimal prints the progress line alone; -v quiet, nothing but errors.
        var minimal = await Summits(["worlds", "show", id, "-v", "minimal", .. cluster.Joined]);
        Assert.Equal((0, $"step 6 of 6, finished: {events} events, 0 expectations failed\n", ""), minimal);
        var quiet = await Summits(["worlds", "show", id, "-v", "quiet", .. cluster.Joined]);
        Assert.Equal((0, "", ""), quiet);

        // The timeline as JSON is timeline.jsonl's events, one a line.
        var json = await Summits(["worlds", "show", id, "--format", "json", .. cluster.Joined]);
        Assert.True(json.Exit == 0, json.Error);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(attached, "timeline.jsonl")), json.Output);
    }

    [ClusterFact]
    public async Task ARetiredWorldLeavesTheListAndTheRedisServer()
    {
        var id = await DetachAsync();
        await ListUntilFinishedAsync(id);
        using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{cluster.Redis.Port.ToString(CultureInfo.InvariantCulture)}");
        var server = redis.GetServer("127.0.0.1", cluster.Redis.Port);
        // Its world grain, its countries (JP, US), topics and timeline pages each keep a state under a key with its id.
        Assert.NotEmpty(server.Keys(pattern: $"*{id}*"));

        // -v quiet retires it saying nothing.
        var retire = await Summits(["worlds", "retire", id, "-v", "quiet", .. cluster.Joined]);
        Assert.Equal((0, "", ""), retire);
        var list = await Summits(["worlds", "list", .. cluster.Joined]);
        Assert.True(list.Exit == 0, list.Error);
        Assert.DoesNotContain(id, list.Output, StringComparison.Ordinal);
        Assert.Empty(server.Keys(pattern: $"*{id}*"));

        // Asked again, or shown, it is a world the cluster does not know.
        var again = await Summits(["worlds", "retire", id, .. cluster.Joined]);
        Assert.Equal((2, "", $"summits worlds retire: error: no world '{id}' on the cluster at {cluster.Redis.Address}; 'summits worlds list --cluster {cluster.Redis.Address} --cluster-id {cluster.Id}' lists them (see 'summits worlds retire --help')\n"), again);
        var show = await Summits(["worlds", "show", id, .. cluster.Joined]);
        Assert.Equal((2, "", $"summits worlds show: error: no world '{id}' on the cluster at {cluster.Redis.Address}; 'summits worlds list --cluster {cluster.Redis.Address} --cluster-id {cluster.Id}' lists them (see 'summits worlds show --help')\n"), show);
    }

    [ClusterTheory]
    [InlineData("show")]
    [InlineData("watch")]
    [InlineData("retire")]
    public async Task AnIdThatIsNoWorldIdIsRefusedInOneLine(string command)
    {
        var run = await Summits(["worlds", command, "no/such world", .. cluster.Joined]);
        Assert.Equal((2, "", $"summits worlds {command}: error: ID must be a world id as 'summits run --detach' prints it, "
            + "ASCII letters, digits, '-' or '_', starting with a letter or digit, at most 64 characters (no spaces or '/'), "
            + $"not 'no/such world' (see 'summits worlds {command} --help')\n"), run);
    }

    [ClusterFact]
    public async Task DetachWithoutAClusterIsRefusedInOneLineBeforeAnythingStarts()
    {
        var run = await Summits("run", Baseline, "--detach");
        Assert.Equal((2, "", "summits run: error: --detach applies only to a run on a cluster (--cluster redis://HOST:PORT, or Summits:Cluster): "
            + "a run in this command's own silo ends with the command (see 'summits run --help')\n"), run);
        var local = await Summits("run", Baseline, "--detach", "--engine", "local");
        Assert.Equal((2, "", "summits run: error: --detach applies only to a run in grains on a cluster: the local engine runs in this process (see 'summits run --help')\n"), local);
    }

    [ClusterTheory]
    [InlineData("list")]
    [InlineData("show", "abe-trump-2017-11-06-run-000000000000")]
    [InlineData("watch", "abe-trump-2017-11-06-run-000000000000")]
    [InlineData("retire", "abe-trump-2017-11-06-run-000000000000")]
    public async Task TheWorldsCommandsWithoutAClusterAreRefusedInOneLine(params string[] arguments)
    {
        var run = await Summits(["worlds", .. arguments]);
        Assert.Equal((2, "", $"summits worlds {arguments[0]}: error: the worlds live on a cluster: name its Redis server with --cluster redis://HOST:PORT "
            + $"or the setting Summits:Cluster (see 'summits worlds {arguments[0]} --help')\n"), run);
    }
}
