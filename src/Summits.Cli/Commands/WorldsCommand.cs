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
/// <c>summits worlds list|show|watch|retire</c>: the worlds that drive their own runs on a cluster (<c>summits run --detach</c>),
/// found through the cluster's registry of them (<see cref="IWorldRegistryGrain"/>).
/// </summary>
public static class WorldsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List the cluster's detached worlds: id, scenario, progress (step k of n) and state (running, finished or failed, with the reason).");
        var listCluster = ClusterOption();
        list.Options.Add(listCluster);
        list.SetAction((parse, cancellation) => ListAsync(parse.GetValue(listCluster), cancellation));

        var showId = IdArgument("The detached world to show, as 'summits run --detach' printed it");
        var format = CommonOptions.Format("How to print the timeline so far: table (with the progress above it), csv or json (one event a line, nothing else)");
        var output = CommonOptions.Output("Write the run as far as its last checkpoint as timeline.jsonl, state.json and agreements.csv into this folder");
        var showCluster = ClusterOption();
        var show = new Command("show", "Show a detached world's progress, its timeline so far and its state.") { showId, format, output, showCluster };
        show.SetAction((parse, cancellation) => ShowAsync(parse.GetValue(showId)!, parse.GetValue(format) switch { "csv" => TimelineFormat.Csv, "json" => TimelineFormat.Json, _ => TimelineFormat.Table },
            parse.GetValue(output), parse.GetValue(showCluster), cancellation));

        var retireId = IdArgument("The detached world to retire: its run stops and the cluster forgets it");
        var retireCluster = ClusterOption();
        var retire = new Command("retire", "Stop a detached world's run, if it still runs, and forget the world: its grains' state leaves the cluster's storage.") { retireId, retireCluster };
        retire.SetAction((parse, cancellation) => RetireAsync(parse.GetValue(retireId)!, parse.GetValue(retireCluster), cancellation));

        var watchId = IdArgument("The detached world to watch, as 'summits run --detach' printed it");
        var watchFormat = CommonOptions.Format("How to print the events: table (the world above them, each advance's events as they come, the progress below), csv or json (one event a line, nothing else)");
        var watchCluster = ClusterOption();
        var watch = new Command("watch", "Print a detached world's timeline so far, then each event as the cluster pushes it, until the run ends.") { watchId, watchFormat, watchCluster };
        watch.SetAction((parse, cancellation) => WatchAsync(parse.GetValue(watchId)!, parse.GetValue(watchFormat) switch { "csv" => TimelineFormat.Csv, "json" => TimelineFormat.Json, _ => TimelineFormat.Table },
            parse.GetValue(watchCluster), cancellation));

        return new Command("worlds", "The worlds that run on a cluster without a client: started by 'summits run --cluster URL --detach'.") { list, show, watch, retire };
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

    private static async Task<int> ListAsync(ClusterAddress? cluster, CancellationToken cancellation)
    {
        const string command = "summits worlds list";
        if (Settings(command, cluster) is not { } settings)
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

    private static async Task<int> ShowAsync(string id, TimelineFormat format, string? output, ClusterAddress? cluster, CancellationToken cancellation)
    {
        const string command = "summits worlds show";
        if (IdProblem(id) is { } problem)
            return UsageError.Write(command, problem);
        if (Settings(command, cluster) is not { } settings)
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

    // How long a watch that ends waits to unsubscribe before it leaves the subscription to lapse.
    private static readonly TimeSpan UnwatchWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Prints the world's timeline so far, then each event the world grain pushes (<see cref="IWorldWatcher"/>), until its
    /// run has finished (0; the table ends with the progress line <c>worlds show</c> prints) or stopped without finishing
    /// (3); renews the subscription every <see cref="IWorldGrain.WatchRenewal"/>, which follows the world to its new
    /// activation when its silo dies.
    /// </summary>
    private static async Task<int> WatchAsync(string id, TimelineFormat format, ClusterAddress? cluster, CancellationToken cancellation)
    {
        const string command = "summits worlds watch";
        if (IdProblem(id) is { } problem)
            return UsageError.Write(command, problem);
        if (Settings(command, cluster) is not { } settings)
            return ExitCodes.BadInput;
        await using var client = await ClusterClient.StartAsync(settings, TelemetrySettings.None, command, cancellation);
        var registry = client.Grains.GetGrain<IWorldRegistryGrain>(IWorldRegistryGrain.Key);
        var detached = await registry.Find(id);
        if (detached is null)
            return UsageError.Write(command, Unknown(id, settings));
        if (await ProgressAsync(client.Grains, detached) is not { } started)
        {
            Console.Error.WriteLine(UsageError.Line(command, $"world '{id}' is {StateOf(detached, null)}"));
            return ExitCodes.RunFailed;
        }
        var world = client.Grains.GetGrain<IWorldGrain>(id);
        var watcher = new WorldWatcher();
        var reference = client.Grains.CreateObjectReference<IWorldWatcher>(watcher);
        var stdout = Console.Out;
        var width = TerminalWidth.OfStandardOutput();
        // Events arrive by push and by each renewal's answer, in any order and some twice (an advance run again after
        // its silo died): each is printed once, in the order of its number, when every one before it has been.
        var pending = new SortedDictionary<int, TimelineEvent>();
        var printed = 0;
        int? finished = null;
        var stopped = false;
        void Take(IEnumerable<TimelineEvent> events)
        {
            foreach (var e in events.Where(e => e.Seq > printed))
                pending.TryAdd(e.Seq, e);
        }
        void Print()
        {
            var next = new List<TimelineEvent>();
            while (pending.Remove(printed + 1, out var e))
            {
                next.Add(e);
                printed++;
            }
            if (next.Count == 0)
                return;
            switch (format)
            {
                case TimelineFormat.Csv:
                    foreach (var e in next)
                        TimelineCsv.Write(stdout, e);
                    break;
                case TimelineFormat.Json:
                    foreach (var e in next)
                        stdout.Write(RunCommand.Json(e, null) + "\n");
                    break;
                default:
                    var dropped = TimelineTable.Write(stdout, next, width, cancellation);
                    if (dropped.Count > 0)
                        foreach (var line in TerminalWidth.Wrap($"(left out to fit {width} columns: {Listed.And(dropped)}; --format csv has every field)", width))
                            stdout.WriteLine(line);
                    break;
            }
            stdout.Flush();
        }

        try
        {
            var first = await world.Watch(reference, 0);
            Take(first.Events);
            finished = first.Finished;
            // A driver that gave up before the watch began pushes nothing more.
            stopped = detached.Failure is not null;
            if (format == TimelineFormat.Csv)
                stdout.Write(TimelineCsv.Header + "\n");
            else if (format == TimelineFormat.Table)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"World {detached.World}: scenario {detached.Scenario} on world {detached.Of}, seed {started.Scenario.Seed}"));
                stdout.WriteLine();
            }
            Print();
            var renew = DateTime.UtcNow + IWorldGrain.WatchRenewal;
            var unanswered = false;
            while (!(finished is { } last && printed >= last) && !(stopped && finished is null))
            {
                using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
                {
                    wait.CancelAfter(renew - DateTime.UtcNow is { Ticks: > 0 } left ? left : TimeSpan.Zero);
                    try
                    {
                        await watcher.Notices.WaitToReadAsync(wait.Token);
                    }
                    catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                    {
                    }
                }
                while (watcher.Notices.TryRead(out var notice))
                {
                    Take(notice.Events);
                    if (notice.Stopped)
                        (stopped, finished) = (true, notice.Finished ?? finished);
                }
                if (DateTime.UtcNow >= renew)
                {
                    // The renewal reaches the world wherever it is active now (another silo, after its silo died), and
                    // answers what this watch has not printed, so that a push lost on the way is made good.
                    try
                    {
                        var renewed = await world.Watch(reference, printed);
                        Take(renewed.Events);
                        finished ??= renewed.Finished;
                        if (unanswered)
                            Console.Error.WriteLine($"{command}: world {id} answers again");
                        unanswered = false;
                        renew = DateTime.UtcNow + IWorldGrain.WatchRenewal;
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
                    {
                        if (!unanswered)
                            Console.Error.WriteLine($"{command}: world {id} does not answer ({e.Message.ReplaceLineEndings(" ")}); trying again");
                        unanswered = true;
                        renew = DateTime.UtcNow + TimeSpan.FromSeconds(1);
                    }
                }
                Print();
            }
        }
        finally
        {
            try
            {
                await world.Unwatch(reference).WaitAsync(UnwatchWait, CancellationToken.None);
            }
            catch (Exception)
            {
                // Not answered in time (Ctrl-C while the world's silo is away): the subscription lapses by itself
                // within IWorldGrain.WatchExpiry.
            }
            client.Grains.DeleteObjectReference<IWorldWatcher>(reference);
            GC.KeepAlive(watcher);
        }

        // Stopped without finishing: its driver gave up (the registry says why) or the world was retired.
        var end = await registry.Find(id);
        var progress = end is null ? null : await ProgressAsync(client.Grains, end);
        if (end is null || progress is null)
        {
            Console.Error.WriteLine(UsageError.Line(command, $"world '{id}' was retired while it was watched"));
            return ExitCodes.RunFailed;
        }
        if (format == TimelineFormat.Table)
        {
            stdout.WriteLine();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ProgressOf(progress)}, {StateOf(end, progress)}: {Counted.Of(printed, "event")}, {Counted.Of(progress.Failures, "expectation")} failed"));
        }
        client.Finished = true;
        return progress.Finished ? ExitCodes.Ok : ExitCodes.RunFailed;
    }

    private static async Task<int> RetireAsync(string id, ClusterAddress? cluster, CancellationToken cancellation)
    {
        const string command = "summits worlds retire";
        if (IdProblem(id) is { } problem)
            return UsageError.Write(command, problem);
        if (Settings(command, cluster) is not { } settings)
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
    private static SummitsSettings? Settings(string command, ClusterAddress? cluster)
    {
        var settings = SummitsSettings.Read(SummitsSettings.Configuration(Directory.GetCurrentDirectory()), cluster: cluster);
        if (settings.Cluster is not null)
            return settings;
        UsageError.Write(command, "the detached worlds live on a cluster: name its Redis server with --cluster redis://HOST:PORT or the setting Summits:Cluster");
        return null;
    }
}
