using System.CommandLine;
using Summits.Cli.Output;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits export ktab</c>: writes a world as a KTAB SMP table.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var file = CommonOptions.InputFile(new Argument<string>("WORLD") { Description = "The world file (.yaml) to write as a KTAB table" }, InputKind.World);
        var output = WorldOutput.Out("KTAB table", WrittenFile.KtabTable);
        var quiet = WorldOutput.Quiet();
        var verbosity = CommonOptions.Verbosity();
        var ktab = new Command("ktab", "Write a world as a KTAB SMP table (.csv) that KTAB's smpc and 'summits import ktab' read.")
        {
            file,
            output,
            quiet,
            verbosity,
        };
        ktab.SetAction((parse, cancellation) => RunAsync(parse.GetValue(file)!, parse.GetValue(output), CommonOptions.Written(parse, output),
            CommonOptions.ReadVerbosity(parse.GetValue(verbosity), parse.GetValue(quiet)), cancellation));
        return new Command("export", "Write a world in another tool's format.") { ktab };
    }

    private static async Task<int> RunAsync(string path, string? output, string outputOption, Verbosity verbosity, CancellationToken cancellation)
    {
        var resolved = InputPath.Resolve(path);
        var world = WorldFile.Load(resolved);
        // The table never takes the place of the world it is written from, or of that world's source text.
        if (output is not null && OutputOverInput.File(outputOption, output, [resolved, .. OutputOverInput.Source(resolved, world)], "KTAB table") is { } overInput)
            return UsageError.Write("summits export ktab", overInput);
        if (output is not null && WrittenFile.KtabTable.Refusal(outputOption, output) is { } misnamed)
            return UsageError.Write("summits export ktab", misnamed);
        WorldPlaces.RequireEveryPosition(resolved, world, "a KTAB table needs every actor's position on every topic");
        var table = KtabExport.Write(world);
        // A warning: the table differs from the world (saliences scaled), which a user should know unless they asked
        // for errors only (-v quiet).
        foreach (var note in table.Notes)
            await CommandNotes.WriteAsync("summits export ktab", NoteKind.Warning, note, verbosity);
        return await WorldOutput.WriteAsync(table.Csv, output, $"{Counted.Of(world.Actors.Length, "actor")}, {Counted.Of(world.Topics.Length, "dimension")}", verbosity, cancellation);
    }
}
