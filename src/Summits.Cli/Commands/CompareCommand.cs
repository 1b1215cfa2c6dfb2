using System.CommandLine;
using System.Text.Json;
using Summits.Cli.Hosting;
using Summits.Cli.Output;
using Summits.Reports.Comparisons;
using Summits.Grains;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits compare A B</c>: two runs side by side (scenario files, branches of a fork, or state.json files): what B gained, lost and moved against A.</summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var a = CommonOptions.InputFile(new Argument<string>("A") { Description = "A: a scenario file, FILE#BRANCH or a state.json written by 'summits run --out'" }, InputKind.ScenarioOrState);
        var b = CommonOptions.InputFile(new Argument<string>("B") { Description = "B: the same kinds as A" }, InputKind.ScenarioOrState);
        var format = CommonOptions.Format("How to print the comparison: table (fits the terminal), csv (agreements, positions and, when a side ran the spatial model, the forecasts, each under '# NAME.csv') or json (one document)");
        var output = CommonOptions.Output("Write comparison.json, agreements.csv and positions.csv into this folder, and forecasts.csv when a side ran the spatial model");
        var report = CommonOptions.Report();
        var engine = CommonOptions.Engine();
        var quiet = CommonOptions.Quiet("Print only the counts of what changed (--verbosity minimal)");
        var verbosity = CommonOptions.Verbosity();
        var command = new Command("compare", "Compare two runs: agreements gained or lost and positions moved, A → B.") { a, b, format, output, report, engine, quiet, verbosity };
        // Two state.json files are compared as they were written: no run, so no engine to run it on.
        CommandChecks.Add(command, result => CommonOptions.RefuseUnless(result, engine,
            !(result.GetResult(a)?.Tokens is [var first] && IsState(first.Value) && result.GetResult(b)?.Tokens is [var second] && IsState(second.Value)),
            "applies only when A or B is a scenario file, which is run; two state.json files are compared as they were written"));
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(a)!, parse.GetValue(b)!, parse.GetValue(format)!, parse.GetValue(output),
            parse.GetValue(report), CommonOptions.ReadEngine(parse.GetValue(engine)), CommonOptions.ReadVerbosity(parse.GetValue(verbosity), parse.GetValue(quiet)),
            CommonOptions.Written(parse, output), CommonOptions.Written(parse, report), cancellation));
        return command;
    }

    /// <summary>The files of the set that <c>-o DIR</c> writes: <c>forecasts.csv</c> only when a side ran the spatial model.</summary>
    private static readonly OutputKind OutputKind = new("compare", "summits compare -o", ["comparison.json", "agreements.csv", "positions.csv", CompareReport.ForecastsFile]);

    /// <summary>The files <c>-o DIR</c> writes for certain: <c>forecasts.csv</c> too when a side is known to run or hold spatial-model turns.</summary>
    private static IReadOnlyList<string> Written(bool spatial) => spatial ? OutputKind.Names : [.. OutputKind.Names.Where(n => n != CompareReport.ForecastsFile)];

    /// <summary>The CSV tables of a comparison, by the file name <c>-o DIR</c> writes each to: the forecasts only when a side has one.</summary>
    private static List<(string Name, string Csv)> CsvFiles(Comparison comparison) =>
        [("agreements.csv", CompareReport.AgreementsCsv(comparison)), ("positions.csv", CompareReport.PositionsCsv(comparison)),
            .. comparison.Forecasts.IsEmpty ? [] : new[] { (CompareReport.ForecastsFile, CompareReport.ForecastsCsv(comparison)) }];

    private static async Task<int> RunAsync(string a, string b, string format, string? outDir, string? reportDir, Engine engine, Verbosity verbosity,
        string outOption, string reportOption, CancellationToken cancellation)
    {
        LoadedScenario? left = null, right = null;
        StateDocument? stateA = null, stateB = null;
        if (IsState(a)) stateA = StateFile.Load(InputPath.Resolve(a)); else left = Side(a, "A");
        if (IsState(b)) stateB = StateFile.Load(InputPath.Resolve(b)); else right = Side(b, "B");
        // Neither output takes the place of a file the comparison reads: a state.json, a scenario, its world or the world's source text.
        var inputs = new List<string>();
        foreach (var (argument, loaded) in new[] { (a, left), (b, right) })
            inputs.AddRange(loaded is null ? [InputPath.Resolve(argument)] : OutputOverInput.Inputs(loaded));
        if (((outDir is null ? null : OutputOverInput.Folder(outOption, outDir, OutputKind.Names, inputs))
            ?? (reportDir is null ? null : OutputOverInput.Folder(reportOption, reportDir, CompareReport.Names, inputs))) is { } overInput)
            return UsageError.Write("summits compare", overInput);
        // Nor does one output take another's place: -o X --report X both write agreements.csv and positions.csv (and
        // forecasts.csv when a side runs or holds spatial-model turns), and what it prints may be sent into either.
        var spatial = (left?.Scenario.Steps.Any(step => step is SmpTurnsStep) ?? stateA!.Forecast is { Count: > 0 })
            || (right?.Scenario.Steps.Any(step => step is SmpTurnsStep) ?? stateB!.Forecast is { Count: > 0 });
        if (OutputOverInput.OverOutput([outDir is null ? null : CommandOutput.Folder(outOption, outDir, OutputKind) with { Written = Written(spatial) },
                reportDir is null ? null : CommandOutput.Folder(reportOption, reportDir, CompareReport.Kind) with { Written = CompareReport.Written(spatial) },
                .. CommandOutput.StandardStreams()]) is { } overOutput)
            return UsageError.Write("summits compare", overOutput);

        if (left is not null || right is not null)
        {
            EmbeddedSilo? silo = engine == Engine.Grains ? await EmbeddedSilo.StartAsync("summits compare", cancellation) : null;
            try
            {
                async Task<StateDocument> Run(LoadedScenario loaded, char side) => StateDocument.Of(silo is null
                    ? await ScenarioRun.LocallyAsync(loaded, cancellation: cancellation)
                    : await ScenarioRun.InGrainsAsync(silo.Grains, loaded, WorldKey.ComparisonSide(loaded.World.Id, side), cancellation: cancellation, asking: CommonOptions.Asking(silo.Asking, "summits compare", verbosity)), cancellation);
                stateA ??= await Run(left!, 'a');
                stateB ??= await Run(right!, 'b');
            }
            finally
            {
                if (silo is not null)
                    await silo.DisposeAsync();
            }
        }

        var comparison = Comparison.Of(Label(a), stateA!, Label(b), stateB!);
        var json = JsonSerializer.Serialize(comparison, SummitsJson.Options);
        List<(string Name, string Text)> files = [("comparison.json", json + "\n"), .. CsvFiles(comparison)];
        if (outDir is not null)
            OutputSet.Write(outDir, OutputKind, files, cancellation);
        if (reportDir is not null)
            CompareReport.WriteAll(comparison, reportDir, cancellation);
        // The results first, then where the files went, as every command says it (after what it prints).
        await PrintAsync(comparison, json, a, b, format, verbosity);
        if (outDir is not null && verbosity >= Verbosity.Minimal)
            await PathLines.ToErrorAsync($"wrote {Listed.And(files.Select(f => f.Name))} to {outDir}", outDir);
        if (reportDir is not null && verbosity >= Verbosity.Minimal)
            await PathLines.ToErrorAsync($"wrote the report to {Path.Combine(reportDir, "report.html")} (with report.md and the CSVs)", Path.Combine(reportDir, "report.html"));
        return ExitCodes.Ok;
    }

    private static async Task PrintAsync(Comparison comparison, string json, string a, string b, string format, Verbosity verbosity)
    {
        if (format == "json")
        {
            await Console.Out.WriteLineAsync(json);
            return;
        }
        if (format == "csv")
        {
            CsvSections.Write(Console.Out, CsvFiles(comparison));
            return;
        }
        if (verbosity < Verbosity.Minimal)
            return;
        var output = Console.Out;
        var width = TerminalWidth.OfStandardOutput();
        void Line(string text)
        {
            foreach (var line in TerminalWidth.Wrap(text, width))
                output.WriteLine(line);
        }
        // Each side's path is kept whole, as every line that names a file keeps it (PathLines).
        foreach (var line in PathLines.Wrapped($"A: {a}  ({CompareReport.SideA(comparison)})", width, a)
            .Concat(PathLines.Wrapped($"B: {b}  ({CompareReport.SideB(comparison)})", width, b)))
            output.WriteLine(line);
        Line(CompareReport.Counts(comparison));
        if (verbosity < Verbosity.Normal)
            return;
        output.WriteLine();
        Line("Agreements (A → B), a row per topic of each one's terms");
        if (comparison.Agreements.IsEmpty)
            output.WriteLine($"  {CompareReport.NoAgreementDifference}");
        else
            FittedTable.WriteLeftOut(output, FittedTable.Write(output, [new("change"), new("agreement"), new("topic", Drop: 1), new("A", Wraps: true), new("B", Wraps: true)],
                CompareReport.AgreementRows(comparison), width, "  "), width, "  ");
        output.WriteLine();
        if (!comparison.Forecasts.IsEmpty)
        {
            Line("Forecast of KTAB's spatial model (A → B)");
            foreach (var row in CompareReport.ForecastRows(comparison))
                Line($"  {TerminalWidth.PadRight(row[0], 26)} {TerminalWidth.PadLeft(row[1], 7)} → {TerminalWidth.PadRight(row[2], 7)}{(row[3].Length > 0 ? $" ({row[3]})" : "")}");
            output.WriteLine();
        }
        Line("Positions that moved (A → B)");
        if (comparison.Positions.IsEmpty)
            output.WriteLine($"  {CompareReport.NoPositionMoved}");
        else
            FittedTable.Write(output, [new("topic"), new("actor"), new("A", Right: true), new("B", Right: true), new("change")], CompareReport.PositionRows(comparison), width, "  ");
        await output.FlushAsync();
    }

    /// <summary>
    /// Loads side <paramref name="side"/> (A or B), a scenario file or FILE#BRANCH. One run is compared on each side, so
    /// a scenario that forks must be named with its branch: without one it is refused as an argument's mistake, with
    /// its branches and how to compare two of them (<c>summits compare FILE#X FILE#Y</c>).
    /// </summary>
    /// <exception cref="BranchException">The scenario forks and no branch is named, or the branch named is not one of its own.</exception>
    private static LoadedScenario Side(string argument, string side)
    {
        var (file, branch) = BranchChoice.Split(argument);
        NotAScenario(file);
        var loaded = ScenarioFile.Load(InputPath.Resolve(file));
        if (branch is null && loaded.Fork is { } fork)
        {
            var names = fork.Names.ToList();
            throw new BranchException($"{side}, {argument}, forks into {MappingReader.Known(names)}, and a comparison takes one run a side; "
                + $"name a branch, as {argument}#{names[0]}{(names.Count > 1 ? $" (to compare two branches: summits compare {argument}#{names[0]} {argument}#{names[1]})" : "")}");
        }
        return BranchChoice.Select(loaded, branch);
    }

    /// <summary>
    /// A side's name in comparison.json and the reports: the path as given on the command line, folders and
    /// FILE#BRANCH's branch included, so that two files of the same name in different folders stay apart.
    /// </summary>
    private static string Label(string argument) => argument;

    /// <summary>
    /// Refuses a side that is neither a scenario (YAML) nor a state.json, such as a run's timeline.jsonl, before it is
    /// read as YAML: <c>out/timeline.jsonl:1:1: compare reads a scenario file (.yaml or .yml, or FILE#BRANCH) or the
    /// state.json that 'summits run --out' writes, not a .jsonl file; out/state.json is beside it</c>.
    /// </summary>
    /// <exception cref="InputException">The file's extension is neither .yaml, .yml nor .json.</exception>
    private static void NotAScenario(string file)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (extension is "" or ".yaml" or ".yml")
            return;
        var beside = Path.Combine(Path.GetDirectoryName(file) ?? "", "state.json");
        throw new InputException(new FilePosition(file, 1, 1),
            $"compare reads a scenario file (.yaml or .yml, or FILE#BRANCH) or the state.json that 'summits run --out' writes, not a {extension} file"
            + (File.Exists(InputPath.Resolve(beside)) ? $"; {beside} is beside it" : ""));
    }

    private static bool IsState(string argument) => argument.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
