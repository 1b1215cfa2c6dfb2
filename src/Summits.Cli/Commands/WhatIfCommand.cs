using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Summits.Cli.Hosting;
using Summits.Cli.Output;
using Summits.Reports.Studies;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits whatif</c>: runs a scenario on many worlds drawn from what the briefing leaves uncertain, and reports the odds.</summary>
public static class WhatIfCommand
{
    public static Command Create()
    {
        var scenario = new Argument<string>("scenario") { Description = "The scenario file to study, or FILE#BRANCH for one branch of a fork" };
        var runs = new Option<int>("--runs", "-n") { Description = "How many sampled worlds to run", HelpName = "N", DefaultValueFactory = _ => 1000 };
        var seed = new Option<string?>("--seed") { Description = "The study's seed (default: the scenario's); sample i is drawn from (seed, i)", HelpName = "S" };
        var parallel = new Option<int>("--parallel") { Description = "Runs in flight at once (default: twice the processor count)", HelpName = "P", DefaultValueFactory = _ => 2 * Environment.ProcessorCount };
        var json = CommonOptions.Json();
        json.Description = "Print the results as one JSON document";
        var output = new Option<string?>("--out") { Description = "Write results.json, agreements.csv, positions.csv and sensitivity.csv into this folder", HelpName = "DIR" };
        var report = CommonOptions.Report();
        var engine = CommonOptions.Engine();
        var branch = CommonOptions.Branch();
        var command = new Command("whatif", "Run a scenario on many worlds sampled from the briefing's uncertainty: agreement odds, position spreads, sensitivities")
        {
            scenario, runs, seed, parallel, json, output, report, engine, branch,
        };
        command.SetAction((parse, cancellation) => RunAsync(
            parse.GetValue(scenario)!, parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(parallel), parse.GetValue(json),
            parse.GetValue(output), parse.GetValue(report), parse.GetValue(engine), parse.GetValue(branch), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string path, int runs, string? seedText, int parallel, bool json, string? outDir, string? reportDir,
        Engine engine, string? branch, CancellationToken cancellation)
    {
        if (runs < 1 || parallel < 1)
        {
            await Console.Error.WriteLineAsync($"summits whatif: --runs and --parallel must be whole numbers of at least 1, not {(runs < 1 ? runs : parallel)}");
            return ExitCodes.BadInput;
        }
        if (!CommonOptions.TryParseSeed("summits whatif", seedText, out var seed))
            return ExitCodes.BadInput;

        LoadedScenario loaded;
        try
        {
            loaded = BranchChoice.Load(path, branch, null, CommonOptions.Resolve);
        }
        catch (InputException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadInput;
        }

        var options = new StudyOptions(runs, seed ?? loaded.Scenario.Seed, parallel, engine);
        var progress = new StudyProgress(Console.Error, runs, terminal: !Console.IsErrorRedirected);
        StudyResult study;
        if (engine == Engine.Local)
        {
            study = await WhatIfStudy.RunAsync(loaded, options, SampleRuns.Local, progress.Report, cancellation);
        }
        else
        {
            await using var silo = await EmbeddedSilo.StartAsync(CancellationToken.None);
            study = await WhatIfStudy.RunAsync(loaded, options, SampleRuns.InGrains(silo.Grains), progress.Report, cancellation);
        }
        progress.Finish();
        var seconds = progress.Elapsed.TotalSeconds;
        using (var self = Process.GetCurrentProcess())
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{study.Finished} runs in {seconds:0.0} s ({study.Finished / Math.Max(seconds, 1e-3):0.0} runs/s), peak working set {self.PeakWorkingSet64 / (1024.0 * 1024):0} MB"));
        }
        if (study.Stopped)
            await Console.Error.WriteLineAsync($"stopped after {study.Finished} of {study.Runs} runs");

        if (outDir is not null)
            StudyFiles.WriteAll(study, outDir);
        if (reportDir is not null)
            StudyReport.WriteAll(study, reportDir);
        if (json)
            await Console.Out.WriteAsync(StudyFiles.Json(study));
        else
            StudyText.Write(Console.Out, study);
        return ExitCodes.Ok;
    }
}
