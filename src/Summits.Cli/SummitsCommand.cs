using System.CommandLine;
using Summits.Cli.Commands;
using Summits.Scenarios;

namespace Summits.Cli;

/// <summary>The <c>summits</c> command line: its commands, and the exit codes every one of them keeps.</summary>
public static class SummitsCommand
{
    public static RootCommand Create() => new("Summits simulates how negotiating positions move, on Orleans grains seeded from a real summit.")
    {
        SeedCommand.Create(),
        RunCommand.Create(),
        AnalyzeCommand.Create(),
        ImportCommand.Create(),
        ExportCommand.Create(),
        GenerateCommand.Create(),
        WhatIfCommand.Create(),
        CompareCommand.Create(),
        BenchCommand.Create(),
        MigrateCommand.Create(),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var root = Create();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in parse.Errors)
                await Console.Error.WriteLineAsync($"{CommandPath(parse)}: {error.Message} (see '{CommandPath(parse)} --help')");
            return ExitCodes.BadInput;
        }
        // A file of an older format loads with a note of what changed in its meaning, on standard error.
        using var notes = FormatNotes.To(note => Console.Error.WriteLine(note));
        // Ctrl-C cancels the command's token; a study then reports the runs it finished, which can take a few seconds.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        names.Insert(0, "summits");
        return string.Join(' ', names);
    }
}
