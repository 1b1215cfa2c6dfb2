using System.CommandLine;
using Summits.Cli.Analysis;
using Summits.Cli.Output;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits analyze</c>: per-topic and per-actor figures from telemetry files (OTLP/JSON, one export request a line).</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var files = CommonOptions.InputFile(new Argument<string[]>("FILE.jsonl")
        {
            Description = "Telemetry written by --telemetry; give one file per instance to analyse a cluster's run",
            Arity = ArgumentArity.OneOrMore,
        }, InputKind.Telemetry);
        var csv = CommonOptions.Output("Also write topics.csv and actors.csv into this folder");
        var format = CommonOptions.Format("How to print the tables: table (fits the terminal), csv (topics and actors, each under '# NAME.csv') or json (one document)");
        var quiet = CommonOptions.Quiet("Print only the count of spans and proposals (--verbosity minimal)");
        var verbosity = CommonOptions.Verbosity();
        var command = new Command("analyze", "Count proposals, responses, moves, agreements and time per proposal, per topic and per actor, from exported telemetry.")
        {
            files,
            format,
            csv,
            quiet,
            verbosity,
        };
        // Each file read here or beside the program, and said as named.
        command.SetAction((parse, cancellation) => Task.FromResult(Run([.. parse.GetValue(files)!.Select(InputPath.Resolve)], parse.GetValue(csv), Console.Out, Console.Error, parse.GetValue(format)!,
            CommonOptions.ReadVerbosity(parse.GetValue(verbosity), parse.GetValue(quiet)), cancellation: cancellation, csvOption: CommonOptions.Written(parse, csv), printed: CommandOutput.StandardStreams())));
        return command;
    }

    /// <summary>The CSVs' set, as <c>summits analyze -o</c> writes it.</summary>
    private static readonly OutputKind CsvKind = new("analyze", "summits analyze -o", [AnalysisCsv.TopicsFile, AnalysisCsv.ActorsFile]);

    /// <summary>Analyses the telemetry <paramref name="files"/>, prints the tables and returns the exit code; <paramref name="error"/> names the files written.</summary>
    /// <param name="cancellation">Ctrl-C: checked as each line of the telemetry is read and as the CSVs are written, which then leaves the folder's previous set.</param>
    /// <exception cref="InputException">A file is missing or a line is wrong (<see cref="CommandFailure"/> says it, exit code 2).</exception>
    /// <exception cref="OperationCanceledException">Cancelled before the CSVs were in place; the folder's previous set is unchanged.</exception>
    /// <param name="printed">Where <paramref name="output"/> and <paramref name="error"/> go when they are files (<see cref="CommandOutput.StandardStreams"/>), which no CSV may replace; null or none when neither is.</param>
    /// <param name="csvOption">The option that named <paramref name="csvDirectory"/>, as it was written (<c>-o</c>, <c>--output</c>), for the line that refuses a folder holding a telemetry file as one of its CSVs.</param>
    public static int Run(IReadOnlyList<string> files, string? csvDirectory, TextWriter output, TextWriter error, string format = "table", Verbosity verbosity = Verbosity.Normal,
        int? width = null, CancellationToken cancellation = default, string csvOption = "-o", IEnumerable<CommandOutput?>? printed = null)
    {
        // The CSVs never take the place of a telemetry file they are drawn from.
        if (csvDirectory is not null && OutputOverInput.Folder(csvOption, csvDirectory, CsvKind.Names, files) is { } overInput)
        {
            error.WriteLine(UsageError.Usage("summits analyze", overInput));
            return ExitCodes.BadInput;
        }
        // Nor does one of them take the place of what it prints, when that is sent into the folder, or of another
        // command's output there.
        if (csvDirectory is not null && OutputOverInput.OverOutput([CommandOutput.Folder(csvOption, csvDirectory, CsvKind), .. printed ?? []]) is { } overOutput)
        {
            error.WriteLine(UsageError.Usage("summits analyze", overOutput));
            return ExitCodes.BadInput;
        }
        var analysis = RunAnalysis.Of(TelemetryExport.Read(files, cancellation));

        if (format == "json")
            output.Write(System.Text.Json.JsonSerializer.Serialize(new { analysis.Spans, analysis.Proposals, analysis.Topics, analysis.Actors }, SummitsJson.Options) + "\n");
        else if (format == "csv")
            CsvSections.Write(output, [(AnalysisCsv.TopicsFile, AnalysisCsv.Text("topic", analysis.Topics)), (AnalysisCsv.ActorsFile, AnalysisCsv.Text("actor", analysis.Actors))]);
        else if (verbosity == Verbosity.Minimal)
        {
            foreach (var line in TerminalWidth.Wrap(AnalysisReport.Heading(analysis, files), width ?? TerminalWidth.OfStandardOutput()))
                output.WriteLine(line);
        }
        else if (verbosity >= Verbosity.Normal)
            AnalysisReport.Write(output, analysis, files, width ?? TerminalWidth.OfStandardOutput());
        if (csvDirectory is not null)
        {
            OutputSet.Write(csvDirectory, CsvKind, AnalysisCsv.Files(analysis), cancellation);
            // Like every command's -o, the files written are named on standard error.
            if (verbosity >= Verbosity.Minimal)
                foreach (var line in PathLines.Wrapped($"wrote {Path.Combine(csvDirectory, AnalysisCsv.TopicsFile)} and {Path.Combine(csvDirectory, AnalysisCsv.ActorsFile)}",
                    ReferenceEquals(error, Console.Error) ? TerminalWidth.OfStandardError() : null, Path.Combine(csvDirectory, AnalysisCsv.TopicsFile), Path.Combine(csvDirectory, AnalysisCsv.ActorsFile)))
                    error.WriteLine(line);
        }
        return ExitCodes.Ok;
    }
}
