using System.CommandLine;
using System.Diagnostics;
using Summits.Cli.Bench;
using Summits.Cli.Output;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits bench</c>: measures what Summits does on this machine against what Orleans itself can do here.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var format = CommonOptions.Format("How to print the figures: table (fits the terminal), csv (one row a figure) or json (one document with the machine)");
        var output = CommonOptions.Output("Write bench.json and bench.csv into this folder");
        var quiet = CommonOptions.Quiet("Print the table of figures alone, without saying what is being measured (--verbosity minimal)");
        // The figures are the results, so the minimal level keeps their table, as for every command it keeps the results.
        var verbosity = CommonOptions.Verbosity("the table of figures alone, without the lines saying what is measured or the detail under the table, and where files went");
        var quick = new Option<bool>("--quick") { Description = "Tiny sizes: checks that every measurement runs, in seconds; its figures mean nothing" };
        var only = new Option<string[]>("--only")
        {
            Description = "Measure only these figures (and the ones they are read against)",
            HelpName = "FIGURE",
            AllowMultipleArgumentsPerToken = true,
        };
        CommonOptions.OneOrMoreOf(only, [.. BenchFigures.Listed.Select(f => (f.Id, f.Title))]);
        var command = new Command("bench", "Measure Summits on this machine: grain-call ceiling, proposal pipeline, start-up, convergence, what-if studies, telemetry cost, memory.")
        {
            format, output, quick, only, quiet, verbosity,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(quick), parse.GetValue(only) ?? [],
            CommonOptions.ReadVerbosity(parse.GetValue(verbosity), parse.GetValue(quiet)), CommonOptions.Written(parse, output), cancellation));
        return command;
    }

    private static readonly OutputKind OutputKind = new("bench", "summits bench -o", ["bench.json", "bench.csv"]);

    private static async Task<int> RunAsync(string format, string? outDir, bool quick, string[] only, Verbosity verbosity, string outOption, CancellationToken cancellation)
    {
        // The figures it prints are not sent into a file of the set, which would take their place.
        if (outDir is not null && OutputOverInput.OverOutput([CommandOutput.Folder(outOption, outDir, OutputKind), .. CommandOutput.StandardStreams()]) is { } overOutput)
            return UsageError.Write("summits bench", overOutput);
        var clock = Stopwatch.StartNew();
        var sizes = quick ? BenchSizes.Quick : BenchSizes.Full;
        var figures = BenchFigures.Select(only);
        var context = await BenchContext.StartAsync(sizes, figures, cancellation);
        await using (context.Silo)
        {
            foreach (var figure in figures)
            {
                cancellation.ThrowIfCancellationRequested();
                if (verbosity >= Verbosity.Normal)
                    await PathLines.ToErrorAsync($"measuring {figure.Id}: {figure.Title}");
                // A figure does not watch the token, and some take a minute: Ctrl-C abandons the one in progress,
                // whose work ends with the silo and the process.
                context.Results.AddRange(await figure.MeasureAsync(context).WaitAsync(cancellation));
            }
        }
        var document = new BenchReport.Document(BenchReport.ThisMachine(), quick, clock.Elapsed.TotalSeconds, context.Results);
        if (outDir is not null)
        {
            var json = new StringWriter();
            BenchReport.WriteJson(json, document);
            OutputSet.Write(outDir, OutputKind, [("bench.json", json.ToString()), ("bench.csv", BenchReport.Csv(document))], cancellation);
        }
        if (format == "json")
            BenchReport.WriteJson(Console.Out, document);
        else if (format == "csv")
            CsvSections.Write(Console.Out, [("bench.csv", BenchReport.Csv(document))]);
        else if (verbosity >= Verbosity.Minimal)
            BenchReport.WriteTable(Console.Out, document, TerminalWidth.OfStandardOutput(), details: verbosity >= Verbosity.Normal);
        await Console.Out.FlushAsync();
        // Where the files went, after the results, as every command says it.
        if (outDir is not null && verbosity >= Verbosity.Minimal)
            await PathLines.ToErrorAsync($"wrote bench.json and bench.csv to {outDir}", outDir);
        return ExitCodes.Ok;
    }
}
