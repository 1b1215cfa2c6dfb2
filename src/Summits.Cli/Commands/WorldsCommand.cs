using System.CommandLine;
using System.Globalization;
using Summits.Cli.Hosting;
using Summits.Cli.Output;
using Summits.Grains;
using Summits.Hosting;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary>
/// <c>summits worlds list|show|retire</c>: the worlds that drive their own runs on a cluster (<c>summits run --detach</c>),
/// found through the cluster's registry of them (<see cref="IWorldRegistryGrain"/>).
/// </summary>
public static class WorldsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the cluster's detached worlds: id, scenario, progress (step k of n) and state (running, finished or failed, with the reason).");
        var listCluster = ClusterOption();
        var listClusterId = CommonOptions.ClusterId();
        list.Options.Add(listCluster);
        list.Options.Add(listClusterId);
        list.SetAction((parse, cancellation) => ListAsync(parse.GetValue(listCluster), parse.GetValue(listClusterId), cancellation));

        var showId = IdArgument("The detached world to show, as 'summits run --detach' printed it");
        var format = CommonOptions.Format("How to print the timeline so far: table (with the progress above it), csv or json (one event a line, nothing else)");
        var output = CommonOptions.Output("Write the run as far as its last checkpoint as timeline.jsonl, state.json and agreements.csv into this folder");
        var showCluster = ClusterOption();
        var showClusterId = CommonOptions.ClusterId();
        var show = new Command("show", "Show a detached world's progress, its timeline so far and its state.") { showId, format, output, showCluster, showClusterId };
        show.SetAction((parse, cancellation) => ShowAsync(parse.GetValue(showId)!, parse.GetValue(format) switch { "csv" => TimelineFormat.Csv, "json" => TimelineFormat.Json, _ => TimelineFormat.Table },
            parse.GetValue(output), parse.GetValue(showCluster), parse.GetValue(showClusterId), cancellation));

        var retireId = IdArgument("The detached world to retire: its run stops and the cluster forgets it");
        var retireCluster = ClusterOption();
        var retireClusterId = CommonOptions.ClusterId();
        var retire = new Command("retire", "Stop a detached world's run, if it still runs, and forget the world: its grains' state leaves the cluster's storage.") { retireId, retireCluster, retireClusterId };
        retire.SetAction((parse, cancellation) => RetireAsync(parse.GetValue(retireId)!, parse.GetValue(retireCluster), parse.GetValue(retireClusterId), cancellation));

        return new Command("worlds", "The worlds that run on a cluster without a client: started by 'summits run --cluster URL --detach'.") { list, show, retire };
    }

    private static Option<ClusterAddress?> ClusterOption() =>
        CommonOptions.Cluster("The Redis server of the cluster whose worlds these are [default: Summits:Cluster]");

    private static Argument<string> IdArgument(string description) => new("ID") { Description = description };

    /// <summary>A detached world's state in one phrase: <c>running</c>, <c>finished</c>, or <c>failed at step S (advance A): REASON</c>.</summary>
    public static string StateOf(DetachedWorld world, WorldProgress? progress) =>
        world.Failure is { } failure ? string.Create(CultureInfo.InvariantCulture, $"failed at step {failure.Step} (advance {failure.Advance}): {failure.Reason}")
        : progress is null ? "failed: its world holds no run"
        : progress.Finished ? "finished" : "running";

    /// <summary>How far a run has gone: <c>step K of N</c>, K the scenario's steps done.</summary>
    public static string ProgressOf(WorldProgress? progress) =>
        progress is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"step {progress.Steps} of {progress.Scenario.Steps.Length}");

    private static async Task<int> ListAsync(ClusterAddress? cluster, string? clusterId, CancellationToken cancellation)
    {
        const string command = "summits worlds list";
        if (Settings(command, cluster, clusterId) is not { } settings)
            return ExitCodes.BadInput;
        await using var client = await ClusterClient.StartAsync(settings, TelemetrySettings.None, command, cancellation);
        var worlds = await client.Grains.GetGrain<IWorldRegistryGrain>(IWorldRegistryGrain.Key).List();
        var rows = await Task.WhenAll(worlds.Select(async w => (World: w, Progress: await ProgressAsync(client.Grains, w))));
        var stdout = Console.Out;
        if (rows.Length == 0)
        {
            stdout.WriteLine($"no detached worlds on the cluster at {settings.Cluster}");
            client.Finished = true;
            return ExitCodes.Ok;
        }
        string[] header = ["WORLD", "SCENARIO", "PROGRESS", "STATE"];
        var cells = rows.Select(r => new[] { r.World.World, r.World.Scenario, ProgressOf(r.Progress), StateOf(r.World, r.Progress) }).ToList();
        var widths = Enumerable.Range(0, 3).Select(i => cells.Select(c => c[i].Length).Append(header[i].Length).Max()).ToArray();
        foreach (var line in cells.Prepend(header))
            stdout.WriteLine(string.Join("  ", line.Take(3).Select((cell, i) => cell.PadRight(widths[i])).Append(line[3])));
        client.Finished = true;
        return ExitCodes.Ok;
    }

    /// <summary>The world's progress; null when its world grain holds no run (its state lost), which is said, not skipped.</summary>
    private static async Task<WorldProgress?> ProgressAsync(IGrainFactory grains, DetachedWorld world)
    {
        try
        {
            return await grains.GetGrain<IWorldGrain>(world.World).Progress();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task<int> ShowAsync(string id, TimelineFormat format, string? output, ClusterAddress? cluster, string? clusterId, CancellationToken cancellation)
    {
        const string command = "summits worlds show";
        if (IdProblem(id) is { } problem)
            return UsageError.Write(command, problem);
        if (Settings(command, cluster, clusterId) is not { } settings)
            return ExitCodes.BadInput;
        await using var client = await ClusterClient.StartAsync(settings, TelemetrySettings.None, command, cancellation);
        var detached = await client.Grains.GetGrain<IWorldRegistryGrain>(IWorldRegistryGrain.Key).Find(id);
        if (detached is null)
            return UsageError.Write(command, Unknown(id, settings));
        if (await ProgressAsync(client.Grains, detached) is null)
        {
            Console.Error.WriteLine(UsageError.Line(command, $"world '{id}' is {StateOf(detached, null)}"));
            return ExitCodes.RunFailed;
        }
        var (run, progress) = await ScenarioRun.ReadAsync(client.Grains, detached, cancellation);
        var stdout = Console.Out;
        var width = TerminalWidth.OfStandardOutput();
        switch (format)
        {
            case TimelineFormat.Csv:
                stdout.Write(TimelineCsv.Header + "\n");
                foreach (var e in run.Timeline)
                    TimelineCsv.Write(stdout, e);
                break;
            case TimelineFormat.Json:
                foreach (var e in run.Timeline)
                    stdout.Write(RunCommand.Json(e, null) + "\n");
                break;
            default:
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"World {detached.World}: scenario {detached.Scenario} on world {detached.Of}, seed {progress.Scenario.Seed}"));
                // A running world is active on the silo that drives it: said, so that an operator knows which silo holds it.
                var on = detached.Failure is null && !progress.Finished ? $" on silo {await client.Grains.GetGrain<IWorldGrain>(detached.World).Silo()}" : "";
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{ProgressOf(progress)}, {StateOf(detached, progress)}{on}: {Counted.Of(run.Timeline.Length, "event")}, {Counted.Of(progress.Failures, "expectation")} failed"));
                stdout.WriteLine();
                var dropped = TimelineTable.Write(stdout, run.Timeline, width, cancellation);
                if (dropped.Count > 0)
                    foreach (var line in TerminalWidth.Wrap($"(left out to fit {width} columns: {Listed.And(dropped)}; --format csv has every field)", width))
                        stdout.WriteLine(line);
                break;
        }
        if (output is not null)
        {
            var files = RunFiles.WriteAll(run, output, cancellation);
            await PathLines.ToErrorAsync($"wrote {Listed.And(files)} to {output}", output);
        }
        client.Finished = true;
        return ExitCodes.Ok;
    }

    private static async Task<int> RetireAsync(string id, ClusterAddress? cluster, string? clusterId, CancellationToken cancellation)
    {
        const string command = "summits worlds retire";
        if (IdProblem(id) is { } problem)
            return UsageError.Write(command, problem);
        if (Settings(command, cluster, clusterId) is not { } settings)
            return ExitCodes.BadInput;
        await using var client = await ClusterClient.StartAsync(settings, TelemetrySettings.None, command, cancellation);
        var registry = client.Grains.GetGrain<IWorldRegistryGrain>(IWorldRegistryGrain.Key);
        if (await registry.Find(id) is null)
            return UsageError.Write(command, Unknown(id, settings));
        var world = client.Grains.GetGrain<IWorldGrain>(id);
        // Stopped first, so that no advance runs on a world being retired; listed until it is gone, so that a retire
        // stopped half-way can be asked for again.
        await world.StopDriving();
        await world.Retire();
        await registry.Remove(id);
        Console.Out.WriteLine($"retired world {id}");
        client.Finished = true;
        return ExitCodes.Ok;
    }

    private static string? IdProblem(string id) =>
        WorldKey.IsId(id) ? null : $"ID must be a world id as 'summits run --detach' prints it, {WorldKey.IdRule}, not '{Printable.Of(id.Length > 80 ? id[..80] + "…" : id)}'";

    private static string Unknown(string id, SummitsSettings settings) =>
        $"no detached world '{id}' on the cluster at {settings.Cluster}; 'summits worlds list' lists them";

    /// <summary>The settings with the cluster to call; null, with the line said, when there is none or a setting is bad.</summary>
    private static SummitsSettings? Settings(string command, ClusterAddress? cluster, string? clusterId)
    {
        var settings = SummitsSettings.Read(SummitsSettings.Configuration(Directory.GetCurrentDirectory()), cluster: cluster, clusterId: clusterId);
        if (settings.Cluster is not null)
            return settings;
        UsageError.Write(command, "the detached worlds live on a cluster: name its Redis server with --cluster redis://HOST:PORT or the setting Summits:Cluster");
        return null;
    }
}
