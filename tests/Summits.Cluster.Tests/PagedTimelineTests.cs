using Summits.Tests;

namespace Summits.Cluster.Tests;

/// <summary>
/// <c>summits worlds show</c> and <c>watch</c> read a detached world's timeline a page at a time
/// (<c>Summits:TimelinePage</c> events a call), so that no answer grows with the run: with pages of 7 events, a run of
/// many pages prints and writes what the embedded silo's run of the same scenario and seed writes, byte for byte.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PagedTimelineTests(ClusterFixture cluster)
{
    private static string Baseline => SeedFiles.File("scenarios", "what-if", "baseline.yaml");

    // A seed of this test's own, so that its world is none of the other tests'.
    private const string Seed = "31";

    // Seven events a call: the baseline's run of some 170 events takes some 25 calls.
    private static readonly Dictionary<string, string> SmallPages = new() { ["Summits__TimelinePage"] = "7" };

    private Task<(int Exit, string Output, string Error)> Summits(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        SummitsProgram.RunAsync(cluster.Folder.FullName, arguments, environment);

    [ClusterFact]
    public async Task ShowAndWatchReadATimelineOfManyPagesAsTheEmbeddedRunWroteIt()
    {
        var folder = cluster.Folder.FullName;
        // The expected bytes: the same scenario and seed run in the command's own embedded silo, no cluster involved.
        var embedded = Path.Combine(folder, "embedded-" + Seed);
        var run = await Summits(null, "run", Baseline, "--seed", Seed, "-o", embedded, "-q");
        Assert.True(run.Exit == 0, run.Error);
        var csv = await Summits(null, "run", Baseline, "--seed", Seed, "--format", "csv");
        Assert.True(csv.Exit == 0, csv.Error);
        var timeline = await File.ReadAllTextAsync(Path.Combine(embedded, "timeline.jsonl"));
        var events = timeline.Count(c => c == '\n');
        // More than three pages of 7, and not a whole number of them, so that the last page is a short one.
        Assert.True(events > 3 * 7 && events % 7 != 0, $"{events} events");

        var detached = await Summits(null, ["run", Baseline, "--seed", Seed, .. cluster.Joined, "--detach"]);
        Assert.True(detached.Exit == 0, detached.Error);
        var id = detached.Output.TrimEnd('\n');

        // The watch reads the pages its first answer leaves out, and ends with the run: timeline.jsonl, line for line.
        var watch = await Summits(SmallPages, ["worlds", "watch", id, "--format", "json", .. cluster.Joined]);
        Assert.Equal((0, timeline, ""), watch);

        var shown = Path.Combine(folder, "paged-" + Seed);
        var show = await Summits(SmallPages, ["worlds", "show", id, "-o", shown, .. cluster.Joined]);
        Assert.True(show.Exit == 0, show.Error);
        foreach (var file in (string[])["timeline.jsonl", "state.json", "agreements.csv"])
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(embedded, file)), await File.ReadAllBytesAsync(Path.Combine(shown, file)));
        Assert.Equal($"step 6 of 6, finished: {events} events, 0 expectations failed", show.Output.Split('\n')[1]);

        var json = await Summits(SmallPages, ["worlds", "show", id, "--format", "json", .. cluster.Joined]);
        Assert.Equal((0, timeline, ""), json);
        var paged = await Summits(SmallPages, ["worlds", "show", id, "--format", "csv", .. cluster.Joined]);
        Assert.Equal((0, csv.Output, ""), paged);
        var retired = await Summits(null, ["worlds", "retire", id, .. cluster.Joined]);
        Assert.True(retired.Exit == 0, retired.Error);
    }

    [ClusterFact]
    public async Task ATimelinePageOutsideItsRangeIsRefusedInOneLine()
    {
        var run = await Summits(new Dictionary<string, string> { ["Summits__TimelinePage"] = "10001" }, ["worlds", "list", .. cluster.Joined]);
        Assert.Equal((2, "", "summits worlds list: error: Summits:TimelinePage is '10001' (from environment variable Summits__TimelinePage); "
            + "expected how many events a client asks a detached world for in one call: a whole number from 1 to 10000\n"), run);
    }
}
