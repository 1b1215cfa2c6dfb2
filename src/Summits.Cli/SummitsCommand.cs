using System.CommandLine;
using Summits.Cli.Commands;
using Summits.Scenarios;

namespace Summits.Cli;

/// <summary>The <c>summits</c> command line: its commands, and the exit codes every one of them keeps (<see cref="CommandFailure"/> for what a command does not handle).</summary>
public static class SummitsCommand
{
    public static RootCommand Create() => CommonOptions.RefuseTwoLevels(RetiredOptions.AddTo(new RootCommand("Summits simulates how negotiating positions move, on Orleans grains seeded from a real summit, with two models: bargaining (what can the parties agree?) and SMP, KTAB's spatial model of politics, on a world or an imported KTAB table (run --world FILE --model smp: where will the positions converge?).")
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
        RecordCommand.Create(),
        ExerciseCommand.Create(),
        ClassroomCommand.Create(),
        SiloCommand.Create(),
        WorldsCommand.Create(),
    }));

    public static async Task<int> RunAsync(string[] args)
    {
        // Whether a cancellation is the user's is told by the command's token, which only SIGINT or SIGTERM cancels: a
        // timeout inside Orleans or an HTTP client surfaces as the same exception, and is a failure at run time.
        // Every message on standard error first erases a progress line drawn there, so none runs on from it.
        // The status line hears of the user's signal from the interruption, as the command's token is cancelled, so that
        // the line saying the command stopped erases the terminal's echo of Ctrl-C however soon it is written.
        var status = Output.StatusLine.Install();
        var interruption = new Interruption(status.Interrupted);
        using var signals = interruption.TakeSignals();
        var root = interruption.Watch(Create());
        var parse = root.Parse(args);
        // One line, for the first mistake: the others are often its consequences.
        if (parse.Action is not System.CommandLine.Help.HelpAction && UsageError.Said(parse, args, Create) is { } mistake)
        {
            await Console.Error.WriteLineAsync(UsageError.Usage(CommandPath(parse), mistake));
            return ExitCodes.BadInput;
        }
        // A file named on the command line that is not there is a mistake in an argument, said as one: the
        // file's own mistakes are said at their FILE:LINE:COLUMN once it is read.
        if (parse.Action is not System.CommandLine.Help.HelpAction && Commands.CommonOptions.MissingInputFile(parse) is { } missing)
        {
            // With what could have been meant: the files of the same kind in the folder it names, closest first, that
            // folder here or else beside the program, as the file itself is looked for (so a shipped folder is listed the
            // same from any folder); where it holds none (a first try from a folder with no scenarios in it), or is not
            // there either (a folder mistyped, said first), the files of the argument's kind that ship.
            var (token, kind) = missing;
            var file = token.LastIndexOf('#') is var hash and > 0 && !File.Exists(token) ? token[..hash] : token;
            var meant = Summits.Scenarios.InputFile.Alternatives(Summits.Scenarios.InputPath.Resolve(file), file, elsewhere: () => Commands.CommonOptions.Shipped(kind));
            await Console.Error.WriteLineAsync(UsageError.Usage(CommandPath(parse), $"no such file: {token}{meant}"));
            return ExitCodes.BadInput;
        }
        // A folder, a device or a FIFO named where a file is to be read is a mistake in an argument too, said with the
        // files of the kind taken when it is a folder: never as a place in a file, which it is not.
        if (parse.Action is not System.CommandLine.Help.HelpAction && Commands.CommonOptions.NotAnInputFile(parse) is { } notAFile)
        {
            await Console.Error.WriteLineAsync(Output.Printable.Of(UsageError.Usage(CommandPath(parse), notAFile)));
            return ExitCodes.BadInput;
        }
        // So is one file named twice where several are read: read twice, it would be taken as two.
        if (parse.Action is not System.CommandLine.Help.HelpAction && Commands.CommonOptions.RepeatedInputFile(parse) is { } repeated)
        {
            await Console.Error.WriteLineAsync(Output.Printable.Of(UsageError.Usage(CommandPath(parse), repeated)));
            return ExitCodes.BadInput;
        }
        // Help fits the terminal as every other output does (COLUMNS, or the real width), without the
        // spaces the help's columns leave at the ends of lines.
        if (parse.Action is System.CommandLine.Help.HelpAction help)
        {
            // Rendered a row a line, then wrapped at word boundaries: the parser's own wrapping cuts a long word
            // (a default path) wherever the column ends.
            help.MaxWidth = Output.HelpText.Unwrapped;
            var text = new StringWriter();
            var helped = await parse.InvokeAsync(new InvocationConfiguration { Output = text, EnableDefaultExceptionHandler = false });
            foreach (var line in Output.HelpText.Wrap(text.ToString(), Output.TerminalWidth.OfStandardOutput()))
                await Console.Out.WriteLineAsync(line);
            return helped;
        }
        // A file of an older format loads with a note of what changed in its meaning, a world whose saliences the
        // spatial model divides with a warning, and an output write that leaves something on disk says so: one line
        // for the warnings and one for the notes on standard error at the end, however many times and however many
        // such files were loaded.
        var said = new List<(string Text, NoteKind Kind)>();
        using var notes = FormatNotes.To((text, kind) =>
        {
            lock (said)
            {
                if (!said.Exists(n => n.Text == text))
                    said.Add((text, kind));
            }
        });
        // Ctrl-C cancels the command's token, which its work and its output writer check (OutputSet, OutputFile); a
        // command that has not ended 30 s later is ended with 130 by System.CommandLine.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int exit;
        var failureSaid = false;
        try
        {
            exit = await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30), EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            exit = CommandFailure.Write(Console.Error, CommandPath(parse), e, IsDiagnostic(parse), interruption.Asked);
            failureSaid = true;
        }
        // An action that did not end within ProcessTerminationTimeout of the user's signal is left behind with exit code
        // 130: said as an interruption the action saw is said. So is an action that ended with the user's cancellation
        // when System.CommandLine answered 130 for it rather than passing its exception on: once the signal has come,
        // the action's end and System.CommandLine's own end of the wait race, and either may be the one returned.
        if (interruption.Abandoned || (interruption.Asked && !failureSaid))
            exit = CommandFailure.Write(Console.Error, CommandPath(parse), new OperationCanceledException(), IsDiagnostic(parse), interrupted: true);
        // Each begins with the command, as every note and warning a command says does (Output.CommandNotes), and is
        // said at its kind's levels: a note on a file's format is not an error and not a result, and -q, -v minimal
        // and -v quiet leave it out alike; a warning that numbers are used otherwise than written is left out only by
        // -v quiet; a note that something was left on disk is said at every level, so nothing is left in silence.
        foreach (var warnings in new[] { true, false })
        {
            var shown = said.Where(n => (n.Kind == NoteKind.Warning) == warnings && Output.CommandNotes.Said(n.Kind, Level(parse))).Select(n => n.Text).ToList();
            if (shown.Count > 0)
                await Output.PathLines.ToErrorAsync($"{CommandPath(parse)}: " + string.Join("; and ", shown.Select((text, i) => i == 0 ? text : Untagged(text))));
        }
        if (IsDiagnostic(parse))
            await Output.PathLines.ToErrorAsync(Diagnostics(CommandPath(parse), clock.Elapsed, exit));
        return exit;
    }

    /// <summary>
    /// What <c>-v diag</c> adds on standard error at the end of every command: time, memory and collections, and when
    /// the command ran grains, how many times their state was written (<see cref="Hosting.StorageWrites"/>).
    /// </summary>
    public static string Diagnostics(string command, TimeSpan elapsed, int exit)
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var writes = Hosting.StorageWrites.Describe() is { } described ? "; " + described : "";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{command}: exit {exit} after {elapsed.TotalSeconds:0.00} s; peak working set {self.PeakWorkingSet64 / (1024.0 * 1024):0} MiB, {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} collections (gen 0/1/2), {Environment.ProcessorCount} processors{writes}");
    }

    /// <summary>A note or warning joined after the first of its kind on one line, without the tag that line began with.</summary>
    private static string Untagged(string text) =>
        text.StartsWith("note: ", StringComparison.Ordinal) ? text["note: ".Length..]
        : text.StartsWith("warning: ", StringComparison.Ordinal) ? text["warning: ".Length..]
        : text;

    private static bool IsDiagnostic(ParseResult parse) => Level(parse) == Output.Verbosity.Diagnostic;

    /// <summary>The command's level, read as every command reads it (<see cref="CommonOptions.ReadVerbosity"/>), so that -q means one thing everywhere.</summary>
    private static Output.Verbosity Level(ParseResult parse) => CommonOptions.ReadVerbosity(Verbosity(parse),
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--quiet") is Option<bool> quiet && parse.GetValue(quiet));

    private static string? Verbosity(ParseResult parse) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--verbosity") is Option<string?> verbosity ? parse.GetValue(verbosity) : null;

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
            names.Insert(0, result.Command.Name);
        names.Insert(0, "summits");
        return string.Join(' ', names);
    }
}
