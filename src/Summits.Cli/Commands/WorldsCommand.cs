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
        var list = new Command("list", "List the cluster's worlds, detached or attached to a client's run: id, scenario, progress (step k of n), silo and state (running, attached, abandoned, finished or failed, with the reason).");
        var listCluster = ClusterChoice.AddTo(list, "the worlds' ids alone, one a line");
        list.SetAction((parse, cancellation) => SaidAsync("the worlds could not be listed", listCluster.Address(parse), listCluster.Id(parse), cancellation,
            () => ListAsync(listCluster.Address(parse), listCluster.Id(parse), listCluster.Level(parse), cancellation)));

        var showId = IdArgument("The world to show, as 'summits run --detach' or 'summits worlds list' printed it");
        var format = CommonOptions.Format("How to print the timeline so far: table (with the progress above it), csv or json (one event a line, nothing else)");
        var output = CommonOptions.Output("Write the run as far as its last checkpoint as timeline.jsonl, state.json and agreements.csv into this folder, and after the spatial model smp-positions.csv and smp-probabilities.csv");
        var show = new Command("show", "Show a world's progress, its timeline so far and its state.") { showId, format, output };
        var showCluster = ClusterChoice.AddTo(show, "the progress line alone above no timeline (the timeline itself with --format csv or json), and where files went");
        show.SetAction((parse, cancellation) => SaidAsync($"world {parse.GetValue(showId)} could not be shown", showCluster.Address(parse), showCluster.Id(parse), cancellation,
            () => ShowAsync(parse.GetValue(showId)!, TimelineFormats.Of(parse.GetValue(format)),
            parse.GetValue(output), CommonOptions.Written(parse, output), showCluster.Address(parse), showCluster.Id(parse), showCluster.Level(parse), cancellation)));

        var retireId = IdArgument("The world to retire: its run stops and the cluster forgets it");
        var retire = new Command("retire", "Stop a world's run, if it still runs, and forget the world: its grains' state leaves the cluster's storage.") { retireId };
        var retireCluster = ClusterChoice.AddTo(retire, "the line saying the world was retired, as at normal");
        retire.SetAction((parse, cancellation) => SaidAsync($"world {parse.GetValue(retireId)} could not be retired", retireCluster.Address(parse), retireCluster.Id(parse), cancellation,
            () => RetireAsync(parse.GetValue(retireId)!, retireCluster.Address(parse), retireCluster.Id(parse), retireCluster.Level(parse), cancellation)));

        var watchId = IdArgument("The world to watch, as 'summits run --detach' or 'summits worlds list' printed it");
        var watchFormat = CommonOptions.Format("How to print the events: table (the world above them, each advance's events as they come, the progress below), csv or json (one event a line, nothing else)");
        var watch = new Command("watch", "Print a world's timeline so far, then each event as the cluster pushes it, until the run ends.") { watchId, watchFormat };
        var watchCluster = ClusterChoice.AddTo(watch, "the events alone, without the world's line above them and the progress line below");
        watch.SetAction((parse, cancellation) => SaidAsync($"world {parse.GetValue(watchId)} could not be watched", watchCluster.Address(parse), watchCluster.Id(parse), cancellation,
            () => WatchAsync(parse.GetValue(watchId)!, TimelineFormats.Of(parse.GetValue(watchFormat)),
            watchCluster.Address(parse), watchCluster.Id(parse), watchCluster.Level(parse), cancellation)));

        return new Command("worlds", "The worlds that run on a cluster: detached by 'summits run --cluster URL --detach', or attached to a client's 'summits run --cluster URL'.") { list, show, watch, retire };
    }

    /// <summary>
    /// The options every worlds command takes after its own: <c>--cluster</c> and <c>--cluster-id</c>, which name its
    /// cluster, and <c>-q</c> and <c>-v</c>, which mean what they mean on every command.
    /// </summary>
    private sealed record ClusterChoice(Option<ClusterAddress?> AddressOption, Option<string?> IdOption, Option<bool> QuietOption, Option<string?> VerbosityOption)
    {
        /// <summary>Adds the options to <paramref name="command"/>, after its own.</summary>
        /// <param name="minimal">What <c>-v minimal</c> (<c>-q</c>) prints on this command, as its help says it.</param>
        public static ClusterChoice AddTo(Command command, string minimal)
        {
            var choice = new ClusterChoice(
                CommonOptions.Cluster("The Redis server of the cluster whose worlds these are [default: Summits:Cluster]"),
                CommonOptions.ClusterId(),
                CommonOptions.Quiet($"Print {minimal} (--verbosity minimal); -v quiet prints only errors"),
                CommonOptions.Verbosity(minimal));
            command.Options.Add(choice.AddressOption);
            command.Options.Add(choice.IdOption);
            command.Options.Add(choice.QuietOption);
            command.Options.Add(choice.VerbosityOption);
            return choice;
        }

        public ClusterAddress? Address(ParseResult parse) => parse.GetValue(AddressOption);

        public string? Id(ParseResult parse) => parse.GetValue(IdOption);

        public Verbosity Level(ParseResult parse) => CommonOptions.ReadVerbosity(parse.GetValue(VerbosityOption), parse.GetValue(QuietOption));
    }

    /// <summary>
    /// Runs <paramref name="action"/>, a worlds command; a grain call of it that fails for the cluster's sake (its Redis
    /// server failing a silo's storage, a call not answered in time or cut short, a connection lost) ends it in one line,
    /// <paramref name="what"/> and the cause in our words (<see cref="ClusterCallFailure"/>), exit code 3.
    /// </summary>
    private static async Task<int> SaidAsync(string what, ClusterAddress? cluster, string? clusterId, CancellationToken cancellation, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (Called(cluster, clusterId) is { } settings && ClusterCallFailure.Of(e, settings, what, cancellation) is { } said)
        {
            throw said;
        }
    }

    /// <summary>The settings a worlds command called its cluster with; null when they name no cluster or cannot be read.</summary>
    private static SummitsSettings? Called(ClusterAddress? cluster, string? clusterId)
    {
        try
        {
            return SummitsSettings.Read(SummitsSettings.Configuration(Directory.GetCurrentDirectory()), cluster: cluster, clusterId: clusterId) is { Cluster: not null } settings ? settings : null;
        }
        catch (SettingException)
        {
            return null;
        }
    }

    private static Argument<string> IdArgument(string description) => new("ID") { Description = description };

    /// <summary>
    /// How long an attached client may leave its world unadvanced before the world is said abandoned: 10 s. A client asks
    /// for the next advance as soon as it has printed the last one's events, and an advance that takes longer is counted
    /// from its end (<see cref="IWorldGrain.SinceDriven"/>).
    /// </summary>
    public static readonly TimeSpan AttachedQuiet = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A world's state in one phrase: <c>running</c>, <c>finished</c>, or <c>failed at step S (advance A): REASON</c>; for a
    /// world an attached client drives (<see cref="ListedWorld.Client"/>), <c>running, attached to CLIENT</c> while the
    /// client has advanced it within <see cref="AttachedQuiet"/> (<paramref name="sinceDriven"/>), else
    /// <c>abandoned: its client (CLIENT) has not advanced it for N s</c> (or <c>since its silo activated it</c>), and
    /// <c>finished; its client (CLIENT) did not retire it</c> for a finished run its client left listed.
    /// </summary>
    public static string StateOf(ListedWorld world, WorldProgress? progress, TimeSpan? sinceDriven = null) =>
        world.Failure is { } failure ? string.Create(CultureInfo.InvariantCulture, $"failed at step {failure.Step} (advance {failure.Advance}): {failure.Reason}")
        : world.Client is { } client ? Attached(client, progress, sinceDriven)
        : progress is null ? "failed: its world holds no run"
        : progress.Finished ? "finished" : "running";

    private static string Attached(string client, WorldProgress? progress, TimeSpan? since) =>
        since is { } quiet && quiet < AttachedQuiet && progress is not { Finished: true } ? $"{(progress is null ? "starting" : "running")}, attached to {client}"
        : progress is { Finished: true } ? $"finished; its client ({client}) did not retire it"
        : since is { } idle ? string.Create(CultureInfo.InvariantCulture, $"abandoned: its client ({client}) has not advanced it for {idle.TotalSeconds:0} s")
        : $"abandoned: its client ({client}) has not advanced it since its silo activated it";

    /// <summary>
    /// <see cref="StateOf"/> for <paramref name="world"/>, asking a world an attached client drives how long ago it was
    /// last advanced (<see cref="IWorldGrain.SinceDriven"/>), unless its run has finished.
    /// </summary>
    private static async Task<string> StateAsync(IGrainFactory grains, ListedWorld world, WorldProgress? progress) =>
        StateOf(world, progress, world.Client is not null && progress is not { Finished: true } ? await grains.GetGrain<IWorldGrain>(world.World).SinceDriven() : null);

    /// <summary>How far a run has gone: <c>step K of N</c>, K the scenario's steps done.</summary>
    public static string ProgressOf(WorldProgress? progress) =>
        progress is null ? "-" : string.Create(CultureInfo.InvariantCulture, $"step {progress.Steps} of {progress.Scenario.Steps.Length}");

    private static async Task<int> ListAsync(ClusterAddress? cluster, string? clusterId, Verbosity level, CancellationToken cancellation)
    {
        const string command = "summits worlds list";
        if (Settings(command, cluster, clusterId) is not { } settings)
            return ExitCodes.BadInput;
        await using var client = await ClusterClient.StartAsync(settings, TelemetrySettings.None, command, cancellation);
        var worlds = await client.Grains.GetGrain<IWorldRegistryGrain>(IWorldRegistryGrain.Key).List();
        client.Finished = true;
        var stdout = Console.Out;
        if (level == Verbosity.Quiet)
            return ExitCodes.Ok;
        if (level == Verbosity.Minimal)
        {
            foreach (var world in worlds)
                stdout.WriteLine(world.World);
            return ExitCodes.Ok;
        }
        // A running world is active on the silo that drives it, which it names (one call to a world already active);
        // a finished or failed one is active nowhere, and is not woken to say where it would be.
        var rows = await Task.WhenAll(worlds.Select(async w =>
        {
            var progress = await ProgressAsync(client.Grains, w);
            var silo = w.Failure is null && progress is { Finished: false } ? await client.Grains.GetGrain<IWorldGrain>(w.World).Silo() : "-";
            return new[] { w.World, w.Scenario, ProgressOf(progress), silo, await StateAsync(client.Grains, w, progress) };
        }));
        if (rows.Length == 0)
        {
            stdout.WriteLine($"no worlds on the cluster at {settings.Cluster}");
            return ExitCodes.Ok;
        }
        string[] header = ["WORLD", "SCENARIO", "PROGRESS", "SILO", "STATE"];
        var widths = Enumerable.Range(0, 4).Select(i => rows.Select(c => c[i].Length).Append(header[i].Length).Max()).ToArray();
        foreach (var line in rows.Prepend(header))
            stdout.WriteLine(string.Join("  ", line.Take(4).Select((cell, i) => cell.PadRight(widths[i])).Append(line[4])));
        return ExitCodes.Ok;
    }

    /// <summary>The world's progress; null when its world grain holds no run (its state lost), which is said, not skipped.</summary>
    private static async Task<WorldProgress?> ProgressAsync(IGrainFactory grains, ListedWorld world)
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

    /// <summary>A run's files, as <c>summits worlds show -o</c> writes them.</summary>
    private static readonly OutputKind ShownRun = RunFiles.Kind.WrittenBy("summits worlds show -o");

    private static async Task<int> ShowAsync(string id, TimelineFormat format, string? output, string outputOption, ClusterAddress? cluster, string? clusterId, Verbosity level, CancellationToken cancellation)
    {
        const string command = "summits worlds show";
        // The run's files never take the place of what is printed or said, sent into the folder (> X/timeline.jsonl):
        // refused before the cluster is asked anything.
        if (output is not null && OutputOverInput.OverOutput([CommandOutput.Folder(outputOption, output, ShownRun), .. CommandOutput.StandardStreams()]) is { } clash)
            return UsageError.Write(command, clash);
        await using var opened = await OpenAsync(command, id, cluster, clusterId, null, cancellation);
        if (opened is null)
            return ExitCodes.BadInput;
        if (await opened.StartedAsync(command, cancellation) is null)
            return ExitCodes.RunFailed;
        var (client, detached) = (opened.Client, opened.World);
        // The progress is read first and the timeline read up to its last event, in pages: the progress line and the
        // timeline under it are of one moment, however far the run has gone while they were read.
        var progress = await opened.Grain.Progress();
        var reads = ShowReads.For(level, format, output is not null);
        var table = format == TimelineFormat.Table;
        var printer = new EventPrinter(reads.PrintsTimeline ? Console.Out : TextWriter.Null, format, TerminalWidth.OfStandardOutput());
        if (table && level >= Verbosity.Minimal)
        {
            var stdout = Console.Out;
            if (level >= Verbosity.Normal)
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"World {detached.World}: scenario {detached.Scenario} on world {detached.Of}, seed {progress.Scenario.Seed}"));
            // A world whose run goes on is active on a silo: said, so that an operator knows which silo holds it; before
            // a state that names a client (attached, abandoned), so that the silo is not read as the client's.
            var silo = detached.Failure is null && !progress.Finished ? await opened.Grain.Silo() : null;
            var state = await StateAsync(client.Grains, detached, progress);
            var where = silo is null ? state : state == "running" ? $"running on silo {silo}" : $"on silo {silo}, {state}";
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ProgressOf(progress)}, {where}: {Counted.Of(progress.Events, "event")}, {Counted.Of(progress.Failures, "expectation")} failed"));
            if (level >= Verbosity.Normal)
                stdout.WriteLine();
        }
        if (!reads.Timeline)
        {
            client.Finished = true;
            return ExitCodes.Ok;
        }
        var pages = printer.Tee(opened.Grain.PagesAsync(0, progress.Events, opened.Settings.TimelinePage, cancellation), cancellation);
        // With a folder, each page is printed as it is written to the folder's timeline.jsonl: the timeline is read once.
        var files = reads.State
            ? await RunFiles.WriteAllAsync(await ScenarioRun.ReadWithoutTimelineAsync(client.Grains, detached, progress, cancellation), progress.Events, pages, output!, cancellation, ShownRun)
            : null;
        if (files is null)
        {
            await foreach (var _ in pages)
            {
            }
        }
        printer.End(cancellation);
        if (files is not null && level >= Verbosity.Minimal)
            await PathLines.ToErrorAsync($"wrote {Listed.And(files)} to {output}", output!);
        client.Finished = true;
        return ExitCodes.Ok;
    }

    /// <summary>
    /// What <c>worlds show</c> reads of a world besides its progress, which it always reads: the timeline when it prints
    /// it or writes it to a folder, and the world's state (its snapshot) only for the folder, which alone holds it.
    /// </summary>
    /// <param name="PrintsTimeline">The timeline goes to standard output: not with -v quiet, nor with -v minimal as a table (the progress line alone).</param>
    /// <param name="Timeline">The timeline is read, in pages: printed, written to the folder, or both.</param>
    /// <param name="State">The world's state is read: only with -o, for the folder's files.</param>
    internal sealed record ShowReads(bool PrintsTimeline, bool Timeline, bool State)
    {
        /// <summary>What a show at <paramref name="level"/> in <paramref name="format"/> reads; <paramref name="writesFolder"/> when -o names a folder.</summary>
        public static ShowReads For(Verbosity level, TimelineFormat format, bool writesFolder)
        {
            var prints = level > Verbosity.Minimal || (level == Verbosity.Minimal && format != TimelineFormat.Table);
            return new ShowReads(prints, prints || writesFolder, writesFolder);
        }
    }

    /// <summary>
    /// How long a watch goes without an event of a run that goes on before it asks the world where it stands and says
    /// what it waits for: 10 seconds.
    /// </summary>
    public static readonly TimeSpan QuietWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// What a watch says of a run that has written nothing for <see cref="QuietWait"/> since event
    /// <paramref name="printed"/>, the last it printed, the world answering that it stands at event <paramref name="at"/>:
    /// behind it, the world went back to its last checkpoint (its silo died, and it was activated on another); else it
    /// has not gone further.
    /// </summary>
    public static string Quiet(int printed, int at) => at < printed
        ? string.Create(CultureInfo.InvariantCulture,
            $"went back to event {at}, its last checkpoint, on a silo that lives; waiting for its run to go on past event {printed}, the last printed, none printed twice")
        : string.Create(CultureInfo.InvariantCulture,
            $"has written no event after event {printed} for {QuietWait.TotalSeconds:0} s; waiting for its run to go on (a world moved off a silo that died goes on at its reminder's next tick)");

    // How long a watch that ends waits to unsubscribe before it leaves the subscription to lapse.
    private static readonly TimeSpan UnwatchWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Prints the world's timeline so far, then each event the world grain pushes (<see cref="IWorldWatcher"/>), until its
    /// run has finished (0; the table ends with the progress line <c>worlds show</c> prints) or stopped without finishing
    /// (3); renews the subscription every <see cref="IWorldGrain.WatchRenewal"/>, which follows the world to its new
    /// activation when its silo dies.
    /// </summary>
    private static async Task<int> WatchAsync(string id, TimelineFormat format, ClusterAddress? cluster, string? clusterId, Verbosity level, CancellationToken cancellation)
    {
        const string command = "summits worlds watch";
        // Every call of the watch is asked through one patience: while the world's silo dies, and until the cluster
        // has declared it dead, any of them may meet a silence, said once and asked again.
        await using var opened = await OpenAsync(command, id, cluster, clusterId, settings => WorldPatience.For(command, id, settings, level > Verbosity.Quiet), cancellation);
        if (opened is null)
            return ExitCodes.BadInput;
        var patience = opened.Patience!;
        if (await opened.StartedAsync(command, cancellation) is not { } started)
            return ExitCodes.RunFailed;
        var (client, detached, world) = (opened.Client, opened.World, opened.Grain);
        var watcher = new WorldWatcher();
        var reference = client.Grains.CreateObjectReference<IWorldWatcher>(watcher);
        // Quiet prints nothing on standard output; minimal, the events without the world's line and the progress line.
        var stdout = level == Verbosity.Quiet ? TextWriter.Null : Console.Out;
        var framed = format == TimelineFormat.Table && level >= Verbosity.Normal;
        var printer = new EventPrinter(stdout, format, TerminalWidth.OfStandardOutput());
        var page = opened.Settings.TimelinePage;
        // Events arrive by push, by each renewal's answer and by the pages this watch reads, in any order and some twice
        // (an advance run again after its silo died): each is printed once, in the order of its number, when every one
        // before it has been. Only the next page's worth after the last printed is kept; a push beyond it is read again
        // as a page when its turn comes, so that a watch that falls behind a fast run holds no more than a page.
        var pending = new SortedDictionary<int, TimelineEvent>();
        var printed = 0;
        // The highest event number the world has said it wrote: the watch reads pages until it has printed that far.
        var written = 0;
        int? finished = null;
        var stopped = false;
        // An attached world found abandoned (its client has not advanced it for AttachedQuiet, or not since its silo
        // activated it: null) ends the watch, as a stopped run does: nothing will advance it.
        TimeSpan? abandoned = null;
        async Task<bool> AbandonedAsync()
        {
            if (detached.Client is null)
                return false;
            abandoned = await patience.AskAsync(() => world.SinceDriven(), cancellation);
            return abandoned is not { } quiet || quiet >= AttachedQuiet;
        }
        void Take(IEnumerable<TimelineEvent> events)
        {
            foreach (var e in events)
            {
                written = Math.Max(written, e.Seq);
                if (e.Seq > printed && e.Seq <= printed + page)
                    pending.TryAdd(e.Seq, e);
            }
        }
        void Print()
        {
            var next = new List<TimelineEvent>();
            while (pending.Remove(printed + 1, out var e))
            {
                next.Add(e);
                printed++;
            }
            printer.Write(next, cancellation);
            printer.Note();
            stdout.Flush();
        }

        try
        {
            var first = await patience.AskAsync(() => world.Watch(reference, 0, page), cancellation);
            Take(first.Events);
            (written, finished) = (Math.Max(written, first.Written), first.Finished);
            // A driver that gave up before the watch began pushes nothing more.
            stopped = detached.Failure is not null;
            if (framed)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"World {detached.World}: scenario {detached.Scenario} on world {detached.Of}, seed {started.Scenario.Seed}"));
                stdout.WriteLine();
            }
            printer.Begin();
            Print();
            var renew = DateTime.UtcNow + IWorldGrain.WatchRenewal;
            // A quiet spell (no event printed for QuietWait while the run goes on) is met with a renewal at once and
            // said once, with what the world's answer tells of it.
            var (lastEvent, quietAsked, quietSaid) = (DateTime.UtcNow, false, false);
            while (!(finished is { } last && printed >= last) && !(stopped && finished is null && printed >= written))
            {
                if (printed < written && !pending.ContainsKey(printed + 1))
                {
                    // Behind what the world has written, with the next event not pushed (a page the first answer left
                    // out, or a push beyond the page kept): the next page is read. Unanswered, it is asked again after a pause.
                    var (read, events) = await patience.TryAsync(() => world.Timeline(printed, page, cancellation), cancellation);
                    if (read)
                    {
                        // Nothing after the last printed (a world gone back to its last checkpoint, or retired): the
                        // watch waits for what is pushed rather than asking at once again.
                        if (events.IsEmpty)
                            written = printed;
                        Take(events);
                    }
                    else
                        await Task.Delay(WorldPatience.Pause, cancellation);
                }
                else
                {
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                    var due = quietAsked || lastEvent + QuietWait > renew ? renew : lastEvent + QuietWait;
                    wait.CancelAfter(due - DateTime.UtcNow is { Ticks: > 0 } left ? left : TimeSpan.Zero);
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
                var before = printed;
                int? standsAt = null;
                if (DateTime.UtcNow >= renew || (!quietAsked && DateTime.UtcNow >= lastEvent + QuietWait))
                {
                    // Asked at once once a quiet spell begins; unanswered, again on the renewal's own schedule.
                    quietAsked |= DateTime.UtcNow >= lastEvent + QuietWait;
                    // The renewal reaches the world wherever it is active now (another silo, after its silo died), and
                    // answers the first of what this watch has not printed and how far the world has written, so that a
                    // push lost on the way is made good. Unanswered, it is asked again after a pause, the pushes that
                    // come meanwhile printed.
                    var (answered, renewed) = await patience.TryAsync(() => world.Watch(reference, printed, page), cancellation);
                    if (answered)
                    {
                        Take(renewed!.Events);
                        written = Math.Max(written, renewed.Written);
                        finished ??= renewed.Finished;
                        standsAt = renewed.Written;
                    }
                    renew = DateTime.UtcNow + (answered ? IWorldGrain.WatchRenewal : WorldPatience.Pause);
                }
                if (finished is { } count)
                    written = Math.Max(written, count);
                Print();
                if (printed > before)
                    (lastEvent, quietAsked, quietSaid) = (DateTime.UtcNow, false, false);
                else if (standsAt is { } at && finished is null && !stopped && !quietSaid && DateTime.UtcNow >= lastEvent + QuietWait)
                {
                    // A quiet attached world whose client has not advanced it for AttachedQuiet is abandoned: its run
                    // goes no further, so the watch ends; any other quiet world is waited for.
                    if (await AbandonedAsync())
                        break;
                    patience.Say(Quiet(printed, at));
                    quietSaid = true;
                }
            }
        }
        catch (InvalidOperationException) when (!cancellation.IsCancellationRequested)
        {
            // The world grain holds no run: retired while the watch read it (a finished world's pages, say). That is
            // said below as the retire it is; a world that still holds its run failed the call for another reason.
            if (await patience.AskAsync(() => ProgressAsync(client.Grains, detached), cancellation) is not null)
                throw;
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
            // After the user's Ctrl-C the subscription may outlive the observer until it lapses: a push then meets no
            // observer, which the runtime would note on standard error after the watch has ended.
            if (cancellation.IsCancellationRequested)
                client.EndNotes();
            client.Grains.DeleteObjectReference<IWorldWatcher>(reference);
            GC.KeepAlive(watcher);
        }

        // Stopped without finishing: its driver gave up (the registry says why), its attached client abandoned it, or the
        // world was retired.
        var end = await patience.AskAsync(() => opened.Registry.Find(id), cancellation);
        var progress = end is null ? null : await patience.AskAsync(() => ProgressAsync(client.Grains, end), cancellation);
        if (end is null || progress is null)
        {
            Console.Error.WriteLine(UsageError.Line(command, $"world '{id}' was retired while it was watched"));
            return ExitCodes.RunFailed;
        }
        if (framed)
        {
            stdout.WriteLine();
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ProgressOf(progress)}, {StateOf(end, progress, abandoned)}: {Counted.Of(printed, "event")}, {Counted.Of(progress.Failures, "expectation")} failed"));
        }
        else if (!progress.Finished)
        {
            // With no progress line (csv, json, -v minimal or quiet), why the run went no further is said on standard error.
            Console.Error.WriteLine(UsageError.Line(command, $"world '{id}' did not finish: {StateOf(end, progress, abandoned)}"));
        }
        client.Finished = true;
        return progress.Finished ? ExitCodes.Ok : ExitCodes.RunFailed;
    }

    private static async Task<int> RetireAsync(string id, ClusterAddress? cluster, string? clusterId, Verbosity level, CancellationToken cancellation)
    {
        const string command = "summits worlds retire";
        await using var opened = await OpenAsync(command, id, cluster, clusterId, null, cancellation);
        if (opened is null)
            return ExitCodes.BadInput;
        // Stopped first, so that no advance runs on a world being retired; listed until it is gone, so that a retire
        // stopped half-way can be asked for again.
        await opened.Grain.StopDriving();
        await opened.Grain.Retire();
        await opened.Registry.Remove(id);
        if (level > Verbosity.Quiet)
            Console.Out.WriteLine($"retired world {id}");
        opened.Client.Finished = true;
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The start of each command that names a world: the id checked, the cluster's settings read, its client started
    /// and the world found in the cluster's registry, asked through the patience <paramref name="patienceFor"/> makes for the settings when there is one.
    /// Null, with the line said, for an id that is no world id, a missing cluster, or a world the registry does not
    /// hold (each of them exit code 2, <see cref="ExitCodes.BadInput"/>).
    /// </summary>
    /// <exception cref="ClusterException">When the cluster's Redis server or every silo of it does not answer the client's start.</exception>
    private static async Task<OpenedWorld?> OpenAsync(string command, string id, ClusterAddress? cluster, string? clusterId, Func<SummitsSettings, WorldPatience>? patienceFor, CancellationToken cancellation)
    {
        if (IdProblem(id) is { } problem)
        {
            UsageError.Write(command, problem);
            return null;
        }
        if (Settings(command, cluster, clusterId) is not { } settings)
            return null;
        var patience = patienceFor?.Invoke(settings);
        var client = await ClusterClient.StartAsync(settings, TelemetrySettings.None, command, cancellation);
        var registry = client.Grains.GetGrain<IWorldRegistryGrain>(IWorldRegistryGrain.Key);
        try
        {
            if (await AskAsync(patience, () => registry.Find(id), cancellation) is { } detached)
                return new OpenedWorld(client, settings, registry, detached, patience);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
        await client.DisposeAsync();
        UsageError.Write(command, Unknown(id, settings, cluster, clusterId));
        return null;
    }

    /// <summary>Makes <paramref name="call"/> through <paramref name="patience"/>, or once when there is none.</summary>
    private static Task<T> AskAsync<T>(WorldPatience? patience, Func<Task<T>> call, CancellationToken cancellation) =>
        patience is null ? call() : patience.AskAsync(call, cancellation);

    /// <summary>A world a command has found on its cluster (<see cref="OpenAsync"/>), with the client it found it through, which it disposes.</summary>
    /// <param name="World">The world as the registry holds it.</param>
    /// <param name="Settings">The settings the client was started with: its cluster, and the events to ask for in one call (<see cref="SummitsSettings.TimelinePage"/>).</param>
    private sealed record OpenedWorld(ClusterClient Client, SummitsSettings Settings, IWorldRegistryGrain Registry, ListedWorld World, WorldPatience? Patience) : IAsyncDisposable
    {
        public IWorldGrain Grain => Client.Grains.GetGrain<IWorldGrain>(World.World);

        /// <summary>The world's progress; null, with the line said, when its world grain holds no run (exit code 3).</summary>
        public async Task<WorldProgress?> StartedAsync(string command, CancellationToken cancellation)
        {
            if (await AskAsync(Patience, () => ProgressAsync(Client.Grains, World), cancellation) is { } progress)
                return progress;
            Console.Error.WriteLine(UsageError.Line(command, $"world '{World.World}' is {StateOf(World, null)}"));
            return null;
        }

        public ValueTask DisposeAsync() => Client.DisposeAsync();
    }

    private static string? IdProblem(string id) =>
        WorldKey.IsId(id) ? null : $"ID must be a world id as 'summits run --detach' prints it, {WorldKey.IdRule}, not '{Printable.Of(id.Length > 80 ? id[..80] + "…" : id)}'";

    /// <summary>
    /// The line for a world the cluster does not hold; the command that lists the worlds repeats the cluster options
    /// given (<paramref name="cluster"/>, <paramref name="clusterId"/>; null when not), so that it asks the same cluster.
    /// </summary>
    private static string Unknown(string id, SummitsSettings settings, ClusterAddress? cluster, string? clusterId) =>
        $"no world '{id}' on the cluster at {settings.Cluster}; 'summits worlds list{CommonOptions.ClusterOptions(cluster, clusterId)}' lists them";

    /// <summary>The settings with the cluster to call; null, with the line said, when there is none or a setting is bad.</summary>
    private static SummitsSettings? Settings(string command, ClusterAddress? cluster, string? clusterId)
    {
        var settings = SummitsSettings.Read(SummitsSettings.Configuration(Directory.GetCurrentDirectory()), cluster: cluster, clusterId: clusterId);
        if (settings.Cluster is not null)
            return settings;
        UsageError.Write(command, "the worlds live on a cluster: name its Redis server with --cluster redis://HOST:PORT or the setting Summits:Cluster");
        return null;
    }
}
