using System.CommandLine;
using Summits.Cli.Output;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits import ktab</c>: turns KTAB stakeholder tables into a world file.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var files = CommonOptions.InputFile(new Argument<string[]>("FILE")
        {
            Description = "KTAB SMP tables (.csv) about the same actors; each dimension of each becomes a topic",
            Arity = ArgumentArity.OneOrMore,
        }, InputKind.KtabTable);
        var output = WorldOutput.Out("world file", WrittenFile.World);
        var id = WorldOutput.Id();
        var shared = new Option<bool>("--shared-actors")
        {
            Description = "When the tables name different actors, keep the ones every table names instead of refusing",
        };
        var quiet = WorldOutput.Quiet();
        var verbosity = CommonOptions.Verbosity();
        var ktab = new Command("ktab", "Import KTAB SMP tables (a scenario line, Actor,Description,Power then position and salience per dimension) as a world.")
        {
            files,
            output,
            id,
            shared,
            quiet,
            verbosity,
        };
        CommandChecks.Add(ktab, result => CommonOptions.RefuseUnless(result, shared, result.GetResult(files)?.Tokens.Count > 1,
            "applies only to two or more tables: it keeps the actors every table names, and one table names only its own"));
        ktab.SetAction((parse, cancellation) => RunAsync(parse.GetValue(files)!, parse.GetValue(output), CommonOptions.Written(parse, output), parse.GetValue(id), parse.GetValue(shared),
            CommonOptions.ReadVerbosity(parse.GetValue(verbosity), parse.GetValue(quiet)), cancellation));
        return new Command("import", "Make a world file from another tool's data.") { ktab };
    }

    private static async Task<int> RunAsync(string[] files, string? output, string outputOption, string? id, bool shared, Verbosity verbosity, CancellationToken cancellation)
    {
        if (!await WorldOutput.CheckIdAsync("import ktab", id))
            return ExitCodes.BadInput;
        // Each table read here or beside the program (a shipped one); said as named.
        var read = files.Select(InputPath.Resolve).ToArray();
        // The world never takes the place of a table it is made from.
        if (output is not null && OutputOverInput.File(outputOption, output, read, "world file") is { } overInput)
            return UsageError.Write("summits import ktab", overInput);
        if (output is not null && WrittenFile.World.Refusal(outputOption, output) is { } misnamed)
            return UsageError.Write("summits import ktab", misnamed);
        var imported = KtabImport.ToWorld([.. read.Select(KtabTable.Load)], id, shared);
        // Actors left out as --shared-actors asked change no number: a note. Saliences that the spatial model will
        // divide are numbers used otherwise than written: a warning, in the words of export's and run's.
        if (imported.LeftOut.Count > 0)
            await CommandNotes.WriteAsync("summits import ktab", NoteKind.Note, $"kept the {imported.World.Actors.Length} actors every table names; left out {string.Join("; ", imported.LeftOut)}", verbosity);
        if (imported.OverFullNote is { } overFull)
            await CommandNotes.WriteAsync("summits import ktab", NoteKind.Warning, overFull, verbosity);
        return await WorldOutput.WriteAsync(WorldWriter.Write(imported.World), output, WorldOutput.Summary(imported.World), verbosity, cancellation);
    }
}
