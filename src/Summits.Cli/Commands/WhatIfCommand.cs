using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Summits.Cli.Hosting;
using Summits.Cli.Output;
using Summits.Model;
using Summits.Reports.Studies;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits whatif</c>: runs a scenario on many worlds drawn from what the briefing leaves uncertain, and reports the odds.</summary>
public static class WhatIfCommand
{
    /// <summary>The most sampled worlds one study runs (<c>--runs</c>): a million, some hours of the summit's baseline on two cores.</summary>
    public const int MostRuns = 1_000_000;

    /// <summary>The most runs in flight at once (<c>--parallel</c>).</summary>
    public const int MostParallel = 1000;

    /// <summary>The runs in flight at once when <c>--parallel</c> is not given: twice the processor count.</summary>
    public static int DefaultParallel => 2 * Environment.ProcessorCount;

    public static Command Create()
    {
        var scenario = CommonOptions.InputFile(new Argument<string>("SCENARIO") { Description = "The scenario file to study, or FILE#BRANCH for one branch of a fork; a fork without a branch studies every branch" }, InputKind.Scenario);
        var runs = OptionNumbers.Whole(new Option<int>("--runs", "-n") { Description = $"How many sampled worlds to run, 1 to {MostRuns}", HelpName = "N", DefaultValueFactory = _ => 1000 }, 1, MostRuns);
        var seed = CommonOptions.Seed($"The study's seed, 0 to {ulong.MaxValue} (default: the scenario's); sample i is drawn from (seed, i)", "S");
        var parallel = OptionNumbers.Whole(new Option<int?>("--parallel") { Description = $"Runs in flight at once, 1 to {MostParallel} (default: twice the processor count)", HelpName = "P" }, 1, MostParallel);
        var format = CommonOptions.Format("How to print the results: table (fits the terminal), csv (agreements, positions, sensitivity and expectations, each under '# NAME.csv') or json (one document)");
        var output = CommonOptions.Output($"Write {Listed.And(StudyFiles.Names)} into this folder (a folder per branch for a fork)");
        var report = CommonOptions.Report();
        var engine = CommonOptions.Engine();
        var branch = CommonOptions.Branch();
        branch.Description = "For a scenario that forks: study only this branch (or name the file FILE#BRANCH); without it every branch is studied";
        var quiet = CommonOptions.Quiet("Print no progress and no timing, only the results (--verbosity minimal)");
        var verbosity = CommonOptions.Verbosity();
        var command = new Command("whatif", "Run a scenario on many worlds sampled from the briefing's uncertainty: agreement odds, position spreads, sensitivities.")
        {
            scenario, runs, seed, parallel, format, output, report, engine, branch, quiet, verbosity,
        };
        var checkpointEvery = CommonOptions.CheckpointEvery();
        // A study's samples are kept in memory unless this is given: Summits:CheckpointEvery is not their default.
        checkpointEvery.Description = $"In grains: write each sample's world to storage every N-th advance and at its last, as a run's world is, to measure what that costs (1 to {Grains.CheckpointOptions.Most}) [default: none, each sample kept in memory and written to no storage]";
        command.Options.Add(checkpointEvery);
        var cluster = CommonOptions.Cluster("Run the samples in grains on the Summits cluster whose Redis server this is, as its client, spread over its silos, instead of in an embedded silo [default: Summits:Cluster, else an embedded silo]");
        command.Options.Add(cluster);
        var clusterId = CommonOptions.ClusterId();
        command.Options.Add(clusterId);
        CommandChecks.Add(command, result =>
        {
            CommonOptions.RefuseUnless(result, checkpointEvery, result.GetValue(engine) != "local",
                "applies only to runs in grains (--engine grains): the local engine writes nothing to storage");
            CommonOptions.RefuseUnless(result, cluster, result.GetValue(engine) != "local",
                "applies only to runs in grains (--engine grains): the local engine runs in this process");
        });
        command.SetAction((parse, cancellation) => RunAsync(
            parse.GetValue(scenario)!, parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(parallel) ?? DefaultParallel,
            parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(report),
            CommonOptions.ReadEngine(parse.GetValue(engine)), parse.GetValue(branch),
            CommonOptions.ReadVerbosity(parse.GetValue(verbosity), parse.GetValue(quiet)), parse.GetValue(checkpointEvery) ?? 1, parse.GetResult(checkpointEvery) is { Implicit: false },
            CommonOptions.Written(parse, output), CommonOptions.Written(parse, report), parse.GetValue(cluster), parse.GetValue(clusterId), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string path, int runs, string? seedText, int parallel, string format, string? outDir, string? reportDir,
        Engine engine, string? branch, Verbosity verbosity, int checkpointEvery, bool checkpointEveryGiven, string outOption, string reportOption,
        Summits.Hosting.ClusterAddress? clusterOption, string? clusterIdOption, CancellationToken cancellation)
    {
        var json = format == "json";
        var width = TerminalWidth.OfStandardOutput();
        var seed = CommonOptions.ReadSeed(seedText);

        var scenarios = BranchChoice.LoadEvery(path, branch, null, InputPath.Resolve);

        var forked = scenarios.Count > 1;
        // No output takes the place of a file the study reads (its scenario, its world or the world's source text), nor
        // of another of its outputs (-o X --report X both write agreements.csv; what it prints, sent into one of them).
        var outputs = new List<CommandOutput>();
        foreach (var loaded in scenarios)
        {
            var inputs = OutputOverInput.Inputs(loaded).ToList();
            var studyOut = outDir is null ? null : forked ? Path.Combine(outDir, RunCommand.BranchName(loaded)) : outDir;
            var studyReport = reportDir is null ? null : forked ? Path.Combine(reportDir, RunCommand.BranchName(loaded)) : reportDir;
            if (((studyOut is null ? null : OutputOverInput.Folder(outOption, studyOut, StudyFiles.Names, inputs))
                ?? (studyReport is null ? null : OutputOverInput.Folder(reportOption, studyReport, StudyReport.Names, inputs))) is { } overInput)
                return UsageError.Write("summits whatif", overInput);
            if (studyOut is not null)
                outputs.Add(CommandOutput.Folder(outOption, studyOut, StudyFiles.Kind));
            if (studyReport is not null)
                outputs.Add(CommandOutput.Folder(reportOption, studyReport, StudyReport.Kind));
        }
        if (OutputOverInput.OverOutput([.. outputs, .. CommandOutput.StandardStreams()]) is { } overOutput)
            return UsageError.Write("summits whatif", overOutput);
        // Read before anything starts, so that a bad setting is refused with nothing run; --cluster wins over Summits:Cluster.
        var settings = engine == Engine.Grains
            ? Summits.Hosting.SummitsSettings.Read(Summits.Hosting.SummitsSettings.Configuration(Directory.GetCurrentDirectory()), cluster: clusterOption, clusterId: clusterIdOption)
            : null;
        if (CommonOptions.ClusterIdWithoutCluster(clusterIdOption, settings) is { } lone)
            return UsageError.Write("summits whatif", lone);
        var cluster = settings?.Cluster;
        if (cluster is not null && checkpointEveryGiven)
            return UsageError.Write("summits whatif", $"--checkpoint-every applies only to the embedded silo: a study on the cluster at {cluster} keeps its sample worlds in memory on the cluster's silos");
        var studies = new List<StudyResult>();
        var documents = new List<string>();
        await using IGrainHost? silo = engine == Engine.Local ? null
            : cluster is not null ? await ClusterClient.StartAsync(settings!, TelemetrySettings.None, "summits whatif", cancellation)
            : await EmbeddedSilo.StartAsync(TelemetrySettings.None, cancellation, checkpointEvery: checkpointEveryGiven ? checkpointEvery : null, command: "summits whatif");
        // The output folders written so far, so that Ctrl-C can say what was written before it came.
        var written = new List<string>();
        // Where the files went, said after the results as every command says it.
        var wrote = new List<(string Line, string Path)>();
        try
        {
            await StudyEachAsync();
        }
        catch (OperationCanceledException) when (written.Count > 0 && cancellation.IsCancellationRequested)
        {
            await PathLines.ToErrorAsync($"summits whatif: stopped before it finished; what it wrote before is in {Listed.And(written)}", [.. written]);
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (cluster is not null && ClusterCallFailure.Of(e, settings!, "the study's samples could not be run on the cluster", cancellation) is { } said)
        {
            throw said;
        }
        if (json)
            await Console.Out.WriteAsync((forked ? "[\n" + string.Join(",\n", documents) + "\n]" : documents[0]) + "\n");
        if (forked && format == "table" && verbosity >= Verbosity.Normal)
        {
            Console.Out.WriteLine();
            StudyBranches.Write(Console.Out, studies, [.. scenarios.Select(RunCommand.BranchName)], width);
        }
        await Console.Out.FlushAsync();
        foreach (var (line, named) in wrote)
            await PathLines.ToErrorAsync(line, named);
        // Ctrl-C once every study is done and its output is in place still ends the command as interrupted (130),
        // so that a script stops where the user stopped it, but says that nothing was left undone.
        if (cancellation.IsCancellationRequested)
        {
            await PathLines.ToErrorAsync(written.Count > 0
                ? $"summits whatif: interrupted after it finished; its output was written to {Listed.And(written)}"
                : "summits whatif: interrupted after it finished", [.. written]);
            return ExitCodes.Interrupted;
        }
        return ExitCodes.Ok;

        async Task StudyEachAsync()
        {
            foreach (var loaded in scenarios)
            {
                var options = new StudyOptions(runs, seed ?? loaded.Scenario.Seed, parallel, engine);
                var chatty = verbosity >= Verbosity.Normal;
                // Progress is for a person watching: drawn only on a terminal, and never under -q.
                var progress = new StudyProgress(StatusLine.StandardError, runs, TerminalWidth.ForProgress());
                Action<int> report = chatty && !Console.IsErrorRedirected ? progress.Report : _ => { };
                // On a cluster, a person watching is told which silos the samples' worlds ran on.
                var silos = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
                Action<string>? ranOn = cluster is not null && chatty ? at => silos.AddOrUpdate(at, 1, (_, n) => n + 1) : null;
                // On a cluster, the study's lanes (its runs in flight) take the silos in turn.
                var spread = cluster is not null ? await LaneSilos.OfClusterAsync(silo!.Grains) : null;
                var study = silo is null
                    ? await WhatIfStudy.RunAsync(loaded, options, SampleRuns.Local, report, cancellation)
                    : await WhatIfStudy.RunAsync(loaded, options, OnItsKey(silo, SampleRuns.InGrains(silo.Grains, CommonOptions.Asking(silo.Asking, "summits whatif", verbosity), durable: checkpointEveryGiven, ranOn, spread)), report, cancellation,
                        OnItsKey(silo, SampleRuns.EndInGrains(silo.Grains, durable: checkpointEveryGiven)));
                progress.Finish();
                // Ctrl-C stops the study: the runs in flight are abandoned, and the ones that happened to finish are not
                // the study asked for, so nothing is printed or written and the previous output sets stay (exit 130).
                cancellation.ThrowIfCancellationRequested();
                if (chatty)
                {
                    var seconds = progress.Elapsed.TotalSeconds;
                    using var self = Process.GetCurrentProcess();
                    // Wrapped at a terminal as every line on standard error is, whole in a file or a pipe.
                    await PathLines.ToErrorAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{loaded.Scenario.Id}: {Counted.Of(study.Finished, "run")} in {seconds:0.0} s ({study.Finished / Math.Max(seconds, 1e-3):0.0} runs/s), peak working set {self.PeakWorkingSet64 / (1024.0 * 1024):0} MiB"));
                    if (ranOn is not null)
                        await PathLines.ToErrorAsync(Spread(loaded.Scenario.Id, cluster!, silos));
                }
                studies.Add(study);

                var name = RunCommand.BranchName(loaded);
                var studyOut = outDir is null ? null : forked ? Path.Combine(outDir, name) : outDir;
                var studyReport = reportDir is null ? null : forked ? Path.Combine(reportDir, name) : reportDir;
                if (studyOut is not null)
                {
                    await StudyFiles.WriteAllAsync(study, studyOut, cancellation);
                    written.Add(studyOut);
                    if (verbosity >= Verbosity.Minimal)
                        wrote.Add(($"wrote {Listed.And(StudyFiles.Names)} to {studyOut}", studyOut));
                }
                if (studyReport is not null)
                {
                    StudyReport.WriteAll(study, studyReport, cancellation);
                    written.Add(studyReport);
                    if (verbosity >= Verbosity.Minimal)
                        wrote.Add(($"wrote the report to {Path.Combine(studyReport, "report.html")} (with report.md and the CSVs)", Path.Combine(studyReport, "report.html")));
                }
                if (json)
                {
                    documents.Add(StudyFiles.Json(study).TrimEnd('\n'));
                }
                else if (format == "csv")
                {
                    // Every table -o writes but samples.csv (a row per run, for a file rather than a pipe); a scenario
                    // without expectations prints expectations.csv's header alone, as an empty table of any other.
                    // A fork's branches each stand under '# branch NAME', a blank line between them as between tables.
                    if (forked)
                        CsvSections.WritePart(Console.Out, $"branch {name}", first: studies.Count == 1, [.. StudyFiles.Tables(study)]);
                    else
                        CsvSections.Write(Console.Out, [.. StudyFiles.Tables(study)]);
                }
                else if (verbosity == Verbosity.Minimal)
                {
                    foreach (var line in TerminalWidth.Wrap(StudyText.Summary(study), width))
                        await Console.Out.WriteLineAsync(line);
                }
                else if (verbosity >= Verbosity.Normal)
                {
                    // A blank line between branches, none before the first: the output starts with its What-if line.
                    if (forked && studies.Count > 1)
                        Console.Out.WriteLine();
                    StudyText.Write(Console.Out, study, width, every: verbosity >= Verbosity.Detailed);
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="run"/> with each sample on the key <paramref name="host"/> gives its lane: the lane's own key in an
    /// embedded silo, one of this study's own on a cluster, so that two studies of one scenario and seed at once never
    /// meet in its silos.
    /// </summary>
    private static SampleRun OnItsKey(IGrainHost host, SampleRun run) => (sample, key, cancellation) => run(sample, host.KeyFor(key), cancellation);

    /// <summary><paramref name="end"/> on the key <paramref name="host"/> gives each lane, as its samples ran on it.</summary>
    private static LaneEnd OnItsKey(IGrainHost host, LaneEnd end) => lane => end(host.KeyFor(lane));

    /// <summary>
    /// The line that says how a study's samples spread over the silos of <paramref name="cluster"/>: each silo's address
    /// (as <see cref="Summits.Grains.IWorldGrain.Silo"/> gives it) and how many sample worlds ran there, in the order of
    /// the addresses: <c>baseline: 200 sample worlds ran on 2 silos of the cluster at redis://10.0.0.5:6379: 10.0.0.11:11111 (104) and 10.0.0.12:11111 (96)</c>.
    /// </summary>
    internal static string Spread(string scenario, Summits.Hosting.ClusterAddress cluster, IReadOnlyDictionary<string, int> silos) =>
        $"{scenario}: {Counted.Of(silos.Values.Sum(), "sample world")} ran on {Counted.Of(silos.Count, "silo")} of the cluster at {cluster}: "
        + Listed.And(silos.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key} ({s.Value})")));
}
