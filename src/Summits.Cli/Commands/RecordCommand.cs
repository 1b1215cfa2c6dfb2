using System.CommandLine;
using Summits.Cli.Output;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits record</c>: prints what happened after the summit, fact by fact, with what each implies and its sources.</summary>
public static class RecordCommand
{
    /// <summary>The record of what followed the seeded summit.</summary>
    public const string DefaultRecord = "scenarios/record/after-the-summit.yaml";

    public static Command Create()
    {
        var file = CommonOptions.InputFile(new Argument<string>("FILE")
        {
            Description = $"The record file to print (default: {DefaultRecord})",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => DefaultRecord,
        }, InputKind.Record);
        var format = CommonOptions.Format("How to print the record: table (each fact with what it implies and its sources, fitted to the terminal), csv (one fact a row) or json (one document)");
        var quiet = CommonOptions.Quiet("Print only the count of facts (--verbosity minimal)");
        var verbosity = CommonOptions.Verbosity();
        var command = new Command("record", "Print what happened after the summit: dated facts, the topic each bears on, what it implies there, and its sources.")
        {
            file, format, quiet, verbosity,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(format)!,
            CommonOptions.ReadVerbosity(parse.GetValue(verbosity), parse.GetValue(quiet)), Console.Out));
        return command;
    }

    /// <summary>Prints the record file at <paramref name="path"/> in <paramref name="format"/> and returns the exit code.</summary>
    /// <exception cref="InputException">The file is missing or wrong (<see cref="CommandFailure"/> says it, exit code 2).</exception>
    public static int Run(string path, string format, Verbosity verbosity, TextWriter output, int? width = null)
    {
        var record = RecordFile.Load(InputPath.Resolve(path));
        if (format == "json")
            output.Write(RecordText.Json(record) + "\n");
        else if (format == "csv")
            CsvSections.Write(output, [("record.csv", RecordText.Csv(record))]);
        else if (verbosity >= Verbosity.Minimal)
            RecordText.Write(output, record, verbosity, width ?? TerminalWidth.OfStandardOutput());
        return ExitCodes.Ok;
    }
}
