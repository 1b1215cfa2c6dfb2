using System.CommandLine;
using Summits.Cli.Analysis;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits analyze</c>: per-topic and per-actor figures from telemetry files (OTLP/JSON, one export request a line).</summary>
public static class AnalyzeCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE.jsonl")
        {
            Description = "Telemetry written by --telemetry; give one file per instance to analyse a cluster's run",
            Arity = ArgumentArity.OneOrMore,
        };
        var csv = CommonOptions.Output("Also write topics.csv and actors.csv into this folder");
        csv.Aliases.Add("--csv");
        var command = new Command("analyze", "Count proposals, responses, moves, agreements and time per proposal, per topic and per actor, from exported telemetry")
        {
            files,
            csv,
        };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(csv), Console.Out, Console.Error));
        return command;
    }

    public static int Run(IReadOnlyList<string> files, string? csvDirectory, TextWriter output, TextWriter error)
    {
        RunAnalysis analysis;
        try
        {
            analysis = RunAnalysis.Of(TelemetryExport.Read(files));
        }
        catch (InputException e)
        {
            error.WriteLine(e.Message);
            return ExitCodes.BadInput;
        }

        AnalysisReport.Write(output, analysis, files);
        if (csvDirectory is not null)
        {
            AnalysisCsv.Write(csvDirectory, analysis);
            output.WriteLine();
            output.WriteLine($"wrote {Path.Combine(csvDirectory, AnalysisCsv.TopicsFile)} and {Path.Combine(csvDirectory, AnalysisCsv.ActorsFile)}");
        }
        return ExitCodes.Ok;
    }
}
