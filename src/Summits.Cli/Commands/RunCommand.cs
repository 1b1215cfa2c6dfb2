using System.CommandLine;
using System.Globalization;
using Summits.Cli.Hosting;
using Summits.Cli.Output;
using Summits.Reports.Runs;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits run</c>: runs a scenario and prints its timeline, the final positions and agreements, and its expectations.</summary>
public static class RunCommand
{
    public const string RunLogCategory = "Summits.Run";

    public static Command Create()
    {
        var scenario = new Argument<string?>("scenario") { Description = "The scenario file to run", Arity = ArgumentArity.ZeroOrOne };
        var world = new Option<string?>("--world", "-w") { Description = "Run this world file without a scenario: autonomous rounds until agreement or convergence", HelpName = "FILE" };
        var rounds = new Option<int>("--rounds") { Description = "With --world: the most rounds (or spatial-model turns) to run", HelpName = "N", DefaultValueFactory = _ => 100 };
        var model = new Option<Model.ForecastModel>("--model")
        {
            Description = "With --world: bargaining (what can these parties agree?) or smp, KTAB's spatial model of politics (where will their positions converge?)",
            DefaultValueFactory = _ => Model.ForecastModel.Bargaining,
        };
        var seed = new Option<string?>("--seed") { Description = "Use this random seed instead of the scenario's", HelpName = "N" };
        var output = new Option<string?>("--out") { Description = "Write timeline.jsonl, state.json and agreements.csv into this folder", HelpName = "DIR" };
        var json = CommonOptions.Json();
        json.Description = "Print state.json to standard output instead of the timeline";
        var engine = new Option<Engine>("--engine")
        {
            Description = "Where countries and topics live: grains (an embedded Orleans silo) or local (the pure model, no Orleans)",
            DefaultValueFactory = _ => Engine.Grains,
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print only the summary, not every event" };
        var branch = CommonOptions.Branch();
        var report = CommonOptions.Report();
        var pair = new Option<string?>("--pair")
        {
            Description = "With --report: the two actors whose utilities the bargaining figures plot where more than two are party (default: the two most capable)",
            HelpName = "A,B",
        };
        var command = new Command("run", "Run a scenario: proposals, shocks and rounds, with a timeline of every move and its cause")
        {
            scenario, world, rounds, model, seed, output, json, engine, quiet, branch, report, pair,
        };
        command.Validators.Add(result =>
        {
            var named = result.GetValue(scenario) is not null;
            var forecast = result.GetValue(world) is not null;
            if (named == forecast)
                result.AddError("name a scenario file, or a world file with --world, but not both");
            if (named && result.GetResult(model) is { Implicit: false })
                result.AddError("--model goes with --world; a scenario file chooses its model with 'model: smp'");
        });
        var telemetry = TelemetryOptions.AddTo(command);
        command.SetAction((parse, cancellation) => RunAsync(
            parse.GetValue(scenario), parse.GetValue(world), parse.GetValue(rounds), parse.GetValue(model), parse.GetValue(seed), parse.GetValue(output), parse.GetValue(json),
            parse.GetValue(engine), parse.GetValue(quiet), parse.GetValue(branch), parse.GetValue(report), parse.GetValue(pair), telemetry.Read(parse), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string? path, string? worldPath, int rounds, Model.ForecastModel model, string? seedText, string? outDir, bool json, Engine engine, bool quiet, string? branch, string? reportDir, string? pairText, TelemetrySettings telemetry, CancellationToken cancellation)
    {
        ulong? seed = null;
        if (seedText is not null)
        {
            if (!ulong.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                await Console.Error.WriteLineAsync($"summits run: --seed must be a whole number from 0 to {ulong.MaxValue}, not '{seedText}'");
                return ExitCodes.BadInput;
            }
            seed = parsed;
        }

        if (rounds is < 1 or > 100_000)
        {
            await Console.Error.WriteLineAsync($"summits run: --rounds must be a whole number from 1 to 100000, not {rounds}");
            return ExitCodes.BadInput;
        }

        LoadedScenario loaded;
        try
        {
            loaded = worldPath is not null
                ? Forecast.Of(CommonOptions.Resolve(worldPath), rounds, seed ?? 0, model)
                : BranchChoice.Load(path!, branch, seed, CommonOptions.Resolve);
        }
        catch (InputException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadInput;
        }
        (string, string)? pair = null;
        if (pairText is not null)
        {
            var names = pairText.Split(',', StringSplitOptions.TrimEntries);
            var actors = loaded.World.Actors.Select(a => a.Id).ToList();
            if (names.Length != 2 || names[0] == names[1] || !names.All(actors.Contains))
            {
                await Console.Error.WriteLineAsync($"summits run: --pair must name two different actors as A,B, not '{pairText}'; the actors are {string.Join(", ", actors)}");
                return ExitCodes.BadInput;
            }
            pair = (names[0], names[1]);
        }

        var stdout = Console.Out;
        var stream = !json && !quiet;
        if (!json)
        {
            stdout.WriteLine($"Scenario {loaded.Scenario.Id} on world {loaded.World.Id}, seed {loaded.Scenario.Seed}, engine {KebabCase.Of(engine)}");
            if (loaded.Scenario.About.Length > 0)
                stdout.WriteLine(loaded.Scenario.About);
            stdout.WriteLine();
            if (stream)
                TimelineText.WriteHeader(stdout);
        }
        void Print(System.Collections.Immutable.ImmutableArray<Model.TimelineEvent> events)
        {
            if (!stream)
                return;
            foreach (var e in events)
                TimelineText.Write(stdout, e);
        }

        RunResult run;
        string? telemetryNotice;
        if (engine == Engine.Local)
        {
            var host = telemetry.Enabled ? await TelemetryHost.StartAsync(telemetry, cancellation) : null;
            await using (host)
                run = await ScenarioRun.LocallyAsync(loaded, Print, cancellation, host?.Loggers.CreateLogger(RunLogCategory));
            telemetryNotice = host?.TelemetryNotice;
        }
        else
        {
            var silo = await EmbeddedSilo.StartAsync(telemetry, cancellation);
            await using (silo)
                run = await ScenarioRun.InGrainsAsync(silo.Grains, loaded, loaded.World.Id, Print, cancellation);
            telemetryNotice = silo.TelemetryNotice;
        }

        if (outDir is not null)
            RunFiles.WriteAll(run, outDir);
        if (reportDir is not null)
            RunReportFiles.WriteAll(run, reportDir, pair);
        if (json)
            await stdout.WriteAsync(RunFiles.State(run));
        else
            RunReport.WriteSummary(stdout, run);
        if (telemetryNotice is not null)
            await Console.Error.WriteLineAsync(telemetryNotice);
        return run.Failures > 0 ? ExitCodes.CheckFailed : ExitCodes.Ok;
    }
}
