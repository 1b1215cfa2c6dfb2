using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Summits.Cli.Hosting;
using Summits.Cli.Output;
using Summits.Model;
using Summits.Reports.Runs;
using Summits.Grains;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits run</c>: runs a scenario (every branch of a fork) and prints its timeline, the final positions and agreements, and its expectations.</summary>
public static class RunCommand
{
    public const string RunLogCategory = "Summits.Run";

    public static Command Create()
    {
        var scenario = CommonOptions.InputFile(new Argument<string?>("SCENARIO") { Description = "The scenario file to run, or FILE#BRANCH for one branch of a fork", Arity = ArgumentArity.ZeroOrOne }, InputKind.Scenario);
        var world = OptionInPlace.Set(CommonOptions.InputFile(new Option<string?>("--world", "-w") { Description = "Run this world file without a scenario: autonomous rounds until agreement or convergence", HelpName = "FILE" }, InputKind.World), scenario);
        var rounds = OptionNumbers.Whole(new Option<int>("--rounds") { Description = "With --world: the most rounds (or spatial-model turns) to run, 1 to 100000", HelpName = "N", DefaultValueFactory = _ => 100 }, 1, 100_000);
        var model = new Option<string?>("--model")
        {
            Description = "With --world: bargaining (what can these parties agree?) or smp, KTAB's spatial model of politics (where will their positions converge?); a scenario file says 'model: smp' instead",
            HelpName = "bargaining|smp",
            DefaultValueFactory = _ => "bargaining",
        };
        CommonOptions.OneOf(model, "bargaining", "smp");
        var seed = CommonOptions.Seed($"Use this random seed instead of the scenario's, 0 to {ulong.MaxValue}", "N");
        var output = CommonOptions.Output("Write timeline.jsonl, state.json and agreements.csv into this folder, and after the spatial model smp-positions.csv and smp-probabilities.csv (a folder per branch for a fork)");
        var format = CommonOptions.Format("How to print the timeline: table (fits the terminal, then the summary), csv or json (one event a line, nothing else)");
        var engine = CommonOptions.Engine();
        // No one default to show: it follows the model, so the sentence says which.
        engine.DefaultValueFactory = null;
        engine.Description = "Where countries and topics live: grains (an embedded Orleans silo) or local (the pure model, no Orleans). Without it the bargaining model runs in grains and the spatial model (--model smp, or 'model: smp') locally";
        var quiet = CommonOptions.Quiet("Print only the summary, not the timeline (--verbosity minimal)");
        var verbosity = CommonOptions.Verbosity();
        var branch = CommonOptions.Branch();
        branch.Description = "For a scenario that forks: run only this branch (or name the file FILE#BRANCH); without it every branch runs";
        var report = CommonOptions.Report();
        var pair = new Option<string?>("--pair")
        {
            Description = "With --report: the two actors whose utilities the bargaining figures plot where more than two are party (default: the two most capable)",
            HelpName = "A,B",
        };
        var command = new Command("run", "Run a scenario, or a world with --world, in the bargaining model (proposals, shocks and rounds) or in SMP, KTAB's spatial model (--model smp), with a timeline of every move and its cause.")
        {
            scenario, world, rounds, model, seed, output, format, engine, quiet, verbosity, branch, report, pair,
        };
        // What to run, left out, is said before any option's mistake (UsageError.Rank): it reads only what was written,
        // so it waits for no value. --world written without its file is left to the parser's own line.
        command.Validators.Add(result =>
        {
            if (result.GetResult(scenario) is not { Tokens.Count: > 0 } && result.GetResult(world) is not { Implicit: false })
                result.AddError(UsageError.MissingArgument(result, scenario));
        });
        CommandChecks.Add(command, result =>
        {
            // Neither a scenario nor a world: said above.
            if (result.GetValue(scenario) is null && result.GetValue(world) is null)
                return;
            if (result.GetValue(scenario) is { } both && result.GetValue(world) is { } worldFile)
            {
                result.AddError($"name a scenario file ('{both}') or a world file with --world ('{worldFile}'), not both: a scenario names its own world");
                return;
            }
            var forecast = result.GetValue(world) is not null;
            CommonOptions.RefuseUnless(result, rounds, forecast, "applies only with --world; a scenario sets its rounds in its 'rounds' steps");
            CommonOptions.RefuseUnless(result, branch, !forecast, "applies only to a scenario file that forks, not to --world");
            CommonOptions.RefuseUnless(result, model, forecast, "applies only with --world; a scenario file chooses its model with 'model: smp'");
            CommonOptions.RefuseUnless(result, pair, result.GetValue(report) is not null, "applies only with --report: it chooses the parties of the report's bargaining figures");
        });
        var checkpointEvery = CommonOptions.CheckpointEvery();
        command.Options.Add(checkpointEvery);
        var cluster = CommonOptions.Cluster("Run in grains on the Summits cluster whose Redis server this is, as its client, instead of in an embedded silo [default: Summits:Cluster, else an embedded silo]");
        command.Options.Add(cluster);
        var clusterId = CommonOptions.ClusterId();
        command.Options.Add(clusterId);
        var detach = new Option<bool>("--detach")
        {
            Description = "On a cluster: start the run, print its world's id and exit, leaving the world to drive its run to its end on the cluster's silos; follow it with 'summits worlds show ID'",
        };
        command.Options.Add(detach);
        CommandChecks.Add(command, result =>
        {
            var detached = result.GetValue(detach);
            const string why = "applies only to a run this command waits for; a detached run's files are written by 'summits worlds show ID -o DIR'";
            CommonOptions.RefuseUnless(result, output, !detached, why);
            CommonOptions.RefuseUnless(result, report, !detached, why);
            CommonOptions.RefuseUnless(result, format, !detached, "applies only to a run this command waits for; a detached run's timeline is printed by 'summits worlds show ID --format FORMAT'");
        });
        var telemetry = TelemetryOptions.AddTo(command);
        command.SetAction((parse, cancellation) => RunAsync(new Request(
            parse.GetValue(scenario), parse.GetValue(world), parse.GetValue(rounds), parse.GetValue(model) == "smp" ? Model.ForecastModel.Smp : Model.ForecastModel.Bargaining, parse.GetValue(seed), parse.GetValue(output),
            TimelineFormats.Of(parse.GetValue(format)),
            parse.GetResult(engine) is { Implicit: false } ? CommonOptions.ReadEngine(parse.GetValue(engine)) : null, CommonOptions.ReadVerbosity(parse.GetValue(verbosity), parse.GetValue(quiet)),
            parse.GetValue(branch), parse.GetValue(report), parse.GetValue(pair), telemetry.Read(parse),
            parse.GetValue(checkpointEvery) ?? 1, parse.GetResult(checkpointEvery) is { Implicit: false },
            CommonOptions.Written(parse, output), CommonOptions.Written(parse, report), parse.GetValue(cluster), parse.GetValue(clusterId), parse.GetValue(detach)), cancellation));
        return command;
    }

    /// <param name="Engine">The engine asked for; null when none was, which runs the spatial model locally and the bargaining model in grains.</param>
    /// <param name="Cluster">The cluster given with <c>--cluster</c>; null when none was, which takes <c>Summits:Cluster</c>, else an embedded silo.</param>
    /// <param name="ClusterId">The cluster id given with <c>--cluster-id</c>; null when none was, which takes <c>Summits:ClusterId</c>, else <c>summits</c>.</param>
    /// <param name="Detach">Start the run on the cluster and leave it to its world (<c>--detach</c>).</param>
    private sealed record Request(string? Path, string? WorldPath, int Rounds, Model.ForecastModel Model, string? SeedText, string? OutDir, TimelineFormat Format,
        Engine? Engine, Verbosity Verbosity, string? Branch, string? ReportDir, string? Pair, TelemetrySettings Telemetry,
        int CheckpointEvery, bool CheckpointEveryGiven, string OutOption, string ReportOption, Summits.Hosting.ClusterAddress? Cluster, string? ClusterId, bool Detach);

    private static async Task<int> RunAsync(Request request, CancellationToken cancellation)
    {
        var seed = CommonOptions.ReadSeed(request.SeedText);

        IReadOnlyList<LoadedScenario> scenarios = request.WorldPath is not null
            ? [Forecast.Of(InputPath.Resolve(request.WorldPath), request.Rounds, seed ?? 0, request.Model)]
            : BranchChoice.LoadEvery(request.Path!, request.Branch, seed, InputPath.Resolve);
        // No output takes the place of a file the run reads (its scenario, its world or the world's source text), nor
        // of another of its outputs (-o X --report X both write agreements.csv; what it prints or says on standard error, sent into -o's state.json).
        var outputs = new List<CommandOutput>();
        foreach (var loaded in scenarios)
        {
            var inputs = OutputOverInput.Inputs(loaded).ToList();
            var outDir = request.OutDir is null ? null : scenarios.Count > 1 ? System.IO.Path.Combine(request.OutDir, BranchName(loaded)) : request.OutDir;
            var reportDir = request.ReportDir is null ? null : scenarios.Count > 1 ? System.IO.Path.Combine(request.ReportDir, BranchName(loaded)) : request.ReportDir;
            if (((outDir is null ? null : OutputOverInput.Folder(request.OutOption, outDir, RunFiles.Names, inputs))
                ?? (reportDir is null ? null : OutputOverInput.Folder(request.ReportOption, reportDir, RunReportFiles.Names, inputs))
                ?? (request.Telemetry.JsonlPath is { } telemetryFile ? OutputOverInput.File("--telemetry", telemetryFile, inputs, "telemetry") : null)) is { } overInput)
                return UsageError.Write("summits run", overInput);
            // Only the files this run writes are set against each other: a bargaining run writes no spatial-model CSVs.
            var spatial = loaded.Scenario.Steps.Any(step => step is SmpTurnsStep);
            if (outDir is not null)
                outputs.Add(CommandOutput.Folder(request.OutOption, outDir, RunFiles.Kind) with { Written = RunFiles.Written(spatial) });
            if (reportDir is not null)
                outputs.Add(CommandOutput.Folder(request.ReportOption, reportDir, RunReportFiles.Kind) with { Written = RunReportFiles.Written(spatial) });
        }
        if (request.Telemetry.JsonlPath is { } telemetryPath)
            outputs.Add(CommandOutput.File("--telemetry", telemetryPath));
        if (OutputOverInput.OverOutput([.. outputs, .. CommandOutput.StandardStreams()]) is { } overOutput)
            return UsageError.Write("summits run", overOutput);
        // Named as another kind of file (run.csv, run.json), the telemetry would be taken for that kind by its name.
        if (request.Telemetry.JsonlPath is { } named && WrittenFile.Telemetry.Refusal("--telemetry", named) is { } misnamed)
            return UsageError.Write("summits run", misnamed);
        // A report on a world that a record of what happened next follows compares the run with it.
        Dictionary<string, IReadOnlyList<SummitRecord>> records = request.ReportDir is null ? [] : scenarios.Select(s => s.WorldPath).Distinct().ToDictionary(w => w, RecordFile.For);
        (string, string)? pair = null;
        if (request.Pair is not null)
        {
            if (PairError(request.Pair, scenarios) is { } error)
                return UsageError.Write("summits run", error);
            var actors = scenarios[0].World.Actors.Select(a => a.Id).ToList();
            var names = request.Pair.Split(',', StringSplitOptions.TrimEntries).Select(n => IdMatch.Find(actors, n)!).ToArray();
            pair = (names[0], names[1]);
        }

        // The spatial model is a computation over one table: unless grains are asked for, it runs without
        // starting a silo, which would cost more than the model itself.
        var engine = request.Engine ?? (scenarios.All(s => s.Scenario.Steps.Any(step => step is SmpTurnsStep)) ? Engine.Local : Engine.Grains);
        if (engine == Engine.Local && request.CheckpointEveryGiven)
            return UsageError.Write("summits run", "--checkpoint-every applies only to a run in grains (--engine grains): the local engine writes nothing to storage");
        if (engine == Engine.Local && request.Cluster is not null)
            return UsageError.Write("summits run", "--cluster applies only to a run in grains (--engine grains): the local engine runs in this process");
        if (engine == Engine.Local && request.Telemetry.OrleansTraces)
            return UsageError.Write("summits run", "--telemetry-orleans applies only to a run in grains (--engine grains): the local engine runs no Orleans to trace");
        // Read before anything starts, so that a bad setting is refused with nothing run; a cluster's silos write as their own configuration says.
        var settings = engine == Engine.Grains
            ? Summits.Hosting.SummitsSettings.Read(Summits.Hosting.SummitsSettings.Configuration(Directory.GetCurrentDirectory()), request.CheckpointEveryGiven ? request.CheckpointEvery : null, cluster: request.Cluster, clusterId: request.ClusterId)
            : null;
        if (CommonOptions.ClusterIdWithoutCluster(request.ClusterId, settings) is { } lone)
            return UsageError.Write("summits run", lone);
        if (settings?.Cluster is { } cluster && request.CheckpointEveryGiven)
            return UsageError.Write("summits run", $"--checkpoint-every applies only to the embedded silo: the silos of the cluster at {cluster} write as their own Summits:CheckpointEvery says");
        if (request.Detach)
        {
            if (settings?.Cluster is null)
                return UsageError.Write("summits run", settings is null
                    ? "--detach applies only to a run in grains on a cluster: the local engine runs in this process"
                    : "--detach applies only to a run on a cluster (--cluster redis://HOST:PORT, or Summits:Cluster): a run in this command's own silo ends with the command");
            return await DetachAsync(request, scenarios, settings, cancellation);
        }
        var stdout = Console.Out;
        var width = TerminalWidth.OfStandardOutput();
        var forked = scenarios.Count > 1;
        var table = request.Format == TimelineFormat.Table;
        if (table && request.Verbosity >= Verbosity.Minimal && forked)
        {
            foreach (var line in TerminalWidth.Wrap($"{InputPath.Said(scenarios[0].Path)} forks into {scenarios.Count} branches: {Listed.And(scenarios.Select(BranchName))}; each runs in turn{(request.Verbosity >= Verbosity.Normal ? ", then they are shown side by side" : "")}.", width))
                stdout.WriteLine(line);
        }
        if (request.Format == TimelineFormat.Csv)
            stdout.Write((forked ? "branch," : "") + TimelineCsv.Header + "\n");

        var runs = new List<RunResult>();
        // The call of a run in grains asked last, and its world: the one a failure of the cluster ended.
        (string What, string World)? asked = null;
        string Failed() => asked is { } call ? $"the run of world {call.World} failed at {call.What}" : "the run failed";
        // The output folders written so far, so that Ctrl-C can say what was written before it came.
        var written = new List<string>();
        IGrainHost? silo = settings is null ? null
            : settings.Cluster is not null ? await ClusterClient.StartAsync(settings, request.Telemetry, "summits run", cancellation)
            : await EmbeddedSilo.StartAsync(request.Telemetry, cancellation, checkpointEvery: request.CheckpointEveryGiven ? request.CheckpointEvery : null, command: "summits run");
        var host = engine == Engine.Local && request.Telemetry.Enabled ? await TelemetryHost.StartAsync(request.Telemetry, cancellation) : null;
        var telemetry = TelemetryEnd.Clean;
        try
        {
            foreach (var loaded in scenarios)
                await RunOneAsync(loaded);
            // Every run finished whole: a --telemetry file now takes its target's place.
            if (silo is not null)
                silo.Finished = true;
            if (host is not null)
                host.Finished = true;
        }
        catch (OperationCanceledException) when (written.Count > 0 && cancellation.IsCancellationRequested)
        {
            await PathLines.ToErrorAsync($"summits run: stopped before it finished; what it wrote before is in {Listed.And(written)}", [.. written]);
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (settings is not null && ClusterCallFailure.Of(e, settings, Failed(), cancellation) is { } said)
        {
            // A cluster that failed a call mid-run (its Redis server failing a silo's storage, a call not answered or cut
            // short, a connection lost) is said in one line naming the world and the call, in our words.
            throw said;
        }
        finally
        {
            if (silo is not null)
                await silo.DisposeAsync();
            if (host is not null)
                await host.DisposeAsync();
            // Said once the silo or host has stopped, when the exporters have flushed what they could, on every
            // way out (a run that did not finish says where its telemetry is).
            telemetry = silo?.TelemetryEnd ?? host?.TelemetryEnd ?? TelemetryEnd.Clean;
            if (telemetry.Lines("summits run") is { } notice)
                await TelemetryNotice.WriteAsync(notice);
        }

        // The branches side by side are a table: the default level and above show it, -q keeps to the summaries.
        if (forked && table && request.Verbosity >= Verbosity.Normal)
        {
            stdout.WriteLine();
            BranchesTable.Write(stdout, runs, width);
        }
        // Ctrl-C once the runs are done and their output is in place still ends the command as interrupted (130),
        // so that a script stops where the user stopped it, but says that nothing was left undone.
        if (cancellation.IsCancellationRequested)
        {
            await PathLines.ToErrorAsync(written.Count > 0
                ? $"summits run: interrupted after it finished; its output was written to {Listed.And(written)}"
                : "summits run: interrupted after it finished", [.. written]);
            return ExitCodes.Interrupted;
        }
        // A --telemetry file that could not be written is an output lost.
        if (telemetry.FileLost)
            return ExitCodes.RunFailed;
        return runs.Any(r => r.Failures > 0) ? ExitCodes.CheckFailed : ExitCodes.Ok;

        async Task RunOneAsync(LoadedScenario loaded)
        {
            var name = BranchName(loaded);
            if (table && request.Verbosity >= Verbosity.Minimal)
            {
                if (forked)
                    stdout.WriteLine();
                foreach (var line in TerminalWidth.Wrap($"Scenario {loaded.Scenario.Id} on world {loaded.World.Id}, seed {loaded.Scenario.Seed}, engine {KebabCase.Of(engine)}", width))
                    stdout.WriteLine(line);
                if (loaded.Scenario.About.Length > 0)
                    foreach (var line in TerminalWidth.Wrap(loaded.Scenario.About, width))
                        stdout.WriteLine(line);
            }
            var progress = new RunProgress(StatusLine.StandardError, loaded.Scenario.Id, enabled: table && request.Verbosity >= Verbosity.Normal && !Console.IsErrorRedirected, TerminalWidth.ForProgress());
            void Print(ImmutableArray<TimelineEvent> events)
            {
                progress.Report(events);
                foreach (var e in events)
                {
                    if (request.Format == TimelineFormat.Csv)
                    {
                        TimelineCsv.Write(stdout, e, forked ? name : null);
                    }
                    else if (request.Format == TimelineFormat.Json)
                    {
                        stdout.Write(Json(e, forked ? name : null) + "\n");
                    }
                }
            }

            RunResult run;
            if (silo is null)
            {
                run = await ScenarioRun.LocallyAsync(loaded, Print, cancellation, host?.Loggers.CreateLogger(RunLogCategory));
            }
            else
            {
                var key = silo.KeyFor(forked ? WorldKey.Branch(loaded.World.Id, name) : WorldKey.Of(loaded.World.Id));
                // On a cluster the run's world lives in its Redis server: it is listed in the cluster's registry before it
                // is seeded, with this client as its driver, so that a client killed mid-run leaves a world that
                // 'summits worlds list' shows and 'retire' removes; an attached run that ends, whole, failed or stopped,
                // retires it and takes it off the list, so that nothing is left behind there.
                var onCluster = silo is ClusterClient;
                var ended = false;
                var asking = CommonOptions.Asking(silo.Asking, "summits run", request.Verbosity) with { Began = (what, world) => asked = (what, world) };
                try
                {
                    if (onCluster)
                        await asking.AskAsync("the listing", key.Value, () => silo.Grains.GetGrain<IWorldRegistryGrain>(IWorldRegistryGrain.Key)
                            .Add(new ListedWorld(key.Value, loaded.World.Id, loaded.Scenario.Id, Client: AttachedClient)), cancellation);
                    run = await ScenarioRun.InGrainsAsync(silo.Grains, loaded, key, Print, cancellation, asking, retire: onCluster);
                    ended = true;
                }
                finally
                {
                    if (onCluster)
                        await RetireAsync(silo.Grains, key, ended ? settings : null, CommonOptions.ClusterOptions(request.Cluster, request.ClusterId));
                }
            }
            progress.Finish();
            runs.Add(run);

            if (table && request.Verbosity >= Verbosity.Normal)
            {
                stdout.WriteLine();
                TimelineTable.WriteLeftOut(stdout, TimelineTable.Write(stdout, run.Timeline, width, cancellation), width);
            }
            if (table && request.Verbosity >= Verbosity.Minimal)
            {
                var summary = new StringWriter();
                progress.Say($"working out the summary ({Possessive(run.Final.Topics.Length, "topic")} reference points and bargains)");
                RunReport.WriteSummary(summary, run, request.Verbosity, width, cancellation);
                progress.Finish();
                // A failed expectation names the scenario file at its place: the path is kept whole, as on every line that names a file.
                foreach (var line in summary.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
                    foreach (var wrapped in TerminalWidth.Wrap(line, width, paths: [InputPath.Said(loaded.Path)]))
                        stdout.WriteLine(wrapped);
            }
            else
            {
                foreach (var failure in ExpectationText.Failures(run))
                    await PathLines.ToErrorAsync($"FAILED {failure}", InputPath.Said(loaded.Path));
            }

            var outDir = request.OutDir is null ? null : forked ? System.IO.Path.Combine(request.OutDir, name) : request.OutDir;
            var reportDir = request.ReportDir is null ? null : forked ? System.IO.Path.Combine(request.ReportDir, name) : request.ReportDir;
            if (outDir is not null)
            {
                progress.Say($"writing timeline.jsonl ({Counted.Of(run.Timeline.Length, "event")}), state.json and agreements.csv to {outDir}");
                var files = RunFiles.WriteAll(run, outDir, cancellation);
                written.Add(outDir);
                progress.Finish();
                if (request.Verbosity >= Verbosity.Minimal)
                    await PathLines.ToErrorAsync($"wrote {Listed.And(files)} to {outDir}", outDir);
            }
            if (reportDir is not null)
            {
                progress.Say($"writing the report to {reportDir}: report.html ({Possessive(run.Final.Topics.Length, "topic")} charts), report.md and the CSVs");
                RunReportFiles.WriteAll(run, reportDir, pair, records[loaded.WorldPath], cancellation);
                written.Add(reportDir);
                progress.Finish();
                if (request.Verbosity >= Verbosity.Minimal)
                    await PathLines.ToErrorAsync($"wrote the report to {System.IO.Path.Combine(reportDir, "report.html")} (with report.md and the CSVs)", System.IO.Path.Combine(reportDir, "report.html"));
            }
        }
    }

    /// <summary>
    /// <c>--detach</c>: starts each run (each branch of a fork) on the cluster, leaves it to its world, and prints the world's
    /// id, one line each, in the order the runs were started.
    /// </summary>
    private static async Task<int> DetachAsync(Request request, IReadOnlyList<LoadedScenario> scenarios, Summits.Hosting.SummitsSettings settings, CancellationToken cancellation)
    {
        var forked = scenarios.Count > 1;
        await using var client = await ClusterClient.StartAsync(settings, request.Telemetry, "summits run", cancellation);
        foreach (var loaded in scenarios)
        {
            var key = client.KeyFor(forked ? WorldKey.Branch(loaded.World.Id, BranchName(loaded)) : WorldKey.Of(loaded.World.Id));
            var asked = "seeding";
            try
            {
                await ScenarioRun.DetachAsync(client.Grains, loaded, key, cancellation,
                    CommonOptions.Asking(client.Asking, "summits run", request.Verbosity) with { Began = (what, _) => asked = what });
            }
            catch (Exception e) when (ClusterCallFailure.Of(e, settings, $"world {key.Value} could not be started detached: {asked} failed", cancellation) is { } said)
            {
                throw said;
            }
            Console.Out.WriteLine(key.Value);
        }
        client.Finished = true;
        return ExitCodes.Ok;
    }

    /// <summary>A count and its noun as a possessive in the right number: "1 topic's", "12 topics'".</summary>
    private static string Possessive(int count, string noun) => count == 1 ? $"1 {noun}'s" : $"{count} {noun}s'";

    /// <summary>Why <paramref name="text"/> is not two different actors A,B of every world run; null when it is.</summary>
    private static string? PairError(string text, IReadOnlyList<LoadedScenario> scenarios)
    {
        if (scenarios.All(s => s.Scenario.Steps.Any(step => step is SmpTurnsStep)))
            return "--pair chooses the parties of the bargaining model's figures, and the spatial model's report has none; leave --pair out";
        var names = text.Split(',', StringSplitOptions.TrimEntries);
        var actors = scenarios.SelectMany(s => s.World.Actors.Select(a => a.Id)).Distinct().ToList();
        if (names.Length != 2)
            return $"--pair must name two different actors as A,B, not '{text}'; the actors are {Listed.And(actors)}";
        // An actor written in another case names that actor ("jp" is JP), as every choice on the command line does.
        if (names.FirstOrDefault(n => scenarios.Any(s => IdMatch.Find(s.World.Actors.Select(a => a.Id), n) is null)) is { } unknown)
            return $"--pair names '{unknown}', which is not an actor of {scenarios[0].World.Id}; the actors are {Listed.And(actors)}";
        if (IdMatch.Find(actors, names[0]) == IdMatch.Find(actors, names[1]))
            return $"--pair must name two different actors as A,B, not '{text}'; the actors are {Listed.And(actors)}";
        return null;
    }

    /// <summary>The branch of a forked scenario, from its id <c>SCENARIO#BRANCH</c>; the scenario's id when it has no branch.</summary>
    public static string BranchName(LoadedScenario loaded)
    {
        var id = loaded.Scenario.Id;
        var hash = id.LastIndexOf('#');
        return hash >= 0 ? id[(hash + 1)..] : id;
    }

    internal static string Json(TimelineEvent e, string? branch)
    {
        var line = JsonSerializer.Serialize(e, SummitsJson.Compact);
        if (branch is null)
            return line;
        var node = JsonNode.Parse(line)!.AsObject();
        var withBranch = new JsonObject { ["branch"] = branch };
        foreach (var (key, value) in node.ToList())
        {
            node.Remove(key);
            withBranch[key] = value;
        }
        return withBranch.ToJsonString(SummitsJson.Compact);
    }

    /// <summary>
    /// Retires the world of an attached run on a cluster (<see cref="IWorldGrain.Retire"/>), whose grains then clear their
    /// state from the cluster's Redis server. A retire that fails (the Redis server gone) leaves the world in the Redis
    /// server and never takes the place of the run's own end: after a run that ended whole (<paramref name="say"/>) it is
    /// said in one warning line naming the world; after a run that failed, the run's own one error line stands alone.
    /// </summary>
    /// <param name="given">The cluster options as given (<see cref="CommonOptions.ClusterOptions"/>), which the commands the warning suggests repeat.</param>
    private static async Task RetireAsync(IGrainFactory grains, WorldKey key, Summits.Hosting.SummitsSettings? say, string given)
    {
        try
        {
            await grains.GetGrain<IWorldGrain>(key.Value).Retire();
            await grains.GetGrain<IWorldRegistryGrain>(IWorldRegistryGrain.Key).Remove(key.Value);
        }
        catch (Exception e) when (say is not null)
        {
            var cause = ClusterCallFailure.Said(e, say, CancellationToken.None) ?? CommandFailure.Describe(e);
            await Console.Error.WriteLineAsync(NotRemoved(key.Value, cause, given));
        }
        catch (Exception) when (say is null)
        {
            // The run's own failure, said in its one error line, is what the user reads; the world stays listed behind it.
        }
    }

    /// <summary>
    /// The warning for an attached run's world that could not be retired (<paramref name="cause"/>): the commands that
    /// list and retire it, with the cluster options the run was given (<paramref name="given"/>, from
    /// <see cref="CommonOptions.ClusterOptions"/>), so that they ask the same cluster.
    /// </summary>
    public static string NotRemoved(string world, string cause, string given) =>
        $"summits run: warning: the world {world} could not be removed from the cluster ({cause}); "
        + $"'summits worlds list{given}' lists it and 'summits worlds retire {world}{given}' removes it";

    /// <summary>Who drives an attached run's world, as the registry lists it: <c>summits run, process 4242 on HOST</c>.</summary>
    private static string AttachedClient =>
        string.Create(CultureInfo.InvariantCulture, $"summits run, process {Environment.ProcessId} on {Environment.MachineName}");
}
