using System.CommandLine;
using Summits.Cli.Output;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits migrate FILE</c>: rewrites a world or scenario file of an older format in the current one.</summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var files = CommonOptions.InputFile(new Argument<string[]>("FILE")
        {
            Description = "World or scenario files (.yaml) to rewrite in place",
            Arity = ArgumentArity.OneOrMore,
        }, InputKind.WorldOrScenario);
        var check = new Option<bool>("--check")
        {
            Description = "Say what would change without writing anything; exit 1 when a file needs migrating, 2 when migrating it would be refused (the same error migrate gives)",
        };
        var quiet = CommonOptions.Quiet("Say one line for each file, without the changes line by line (--verbosity minimal); -v quiet says nothing but errors, and --check's exit code still tells");
        var verbosity = CommonOptions.Verbosity();
        var command = new Command("migrate", $"Rewrite world and scenario files of an older format in format {FileFormat.Current}, keeping their comments and layout, and say what changed.")
        {
            files,
            check,
            quiet,
            verbosity,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(files)!, parse.GetValue(check),
            CommonOptions.ReadVerbosity(parse.GetValue(verbosity), parse.GetValue(quiet)), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string[] files, bool check, Verbosity verbosity, CancellationToken cancellation)
    {
        // Each file read (and rewritten) here or beside the program, and said as named.
        files = [.. files.Select(InputPath.Resolve)];
        // World files first, so that a scenario is checked against its world as migrated.
        // --check loads each migrated text as migrate does and refuses what migrate would refuse, at the same place
        // of the file on disk; only a scenario's world among the files, which migrate would have rewritten first and
        // --check leaves as it is, is not held against the scenario.
        // A file rewritten in place is no file the shell sent standard output or error into (>> a.yaml): the rewrite
        // would replace what is said there, or what is said would land in the migrated file.
        if (!check)
        {
            foreach (var path in files)
                if (OutputOverInput.OverOutput([CommandOutput.File("FILE", path), .. CommandOutput.StandardStreams()]) is { } clash)
                    return UsageError.Write("summits migrate", clash);
        }
        var pending = 0;
        var rewritten = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in files.OrderBy(f => IsScenario(f) ? 1 : 0))
        {
            var migration = FormatMigration.Migrate(path, Read(path));
            var (text, changes) = migration;
            if (changes.Count > 0)
            {
                try
                {
                    migration.Check(path);
                }
                catch (InputException e) when (check && e.Position.File != path && rewritten.Contains(Path.GetFullPath(e.Position.File)))
                {
                }
                rewritten.Add(Path.GetFullPath(path));
            }
            if (changes.Count == 0)
            {
                if (verbosity >= Verbosity.Minimal)
                    await PathLines.ToOutputAsync($"{InputPath.Said(path)}: already format {FileFormat.Current}; nothing to change", InputPath.Said(path));
                continue;
            }
            pending++;
            if (!check)
                OutputFile.Write(path, file => file.Write(text), cancellation);
            // Normal lists each change under its file; minimal (-q) says only the file's line; quiet says nothing.
            if (verbosity >= Verbosity.Minimal)
                await PathLines.ToOutputAsync($"{InputPath.Said(path)}: format 1 → {FileFormat.Current}{(check ? " (not written: --check)" : "")}", InputPath.Said(path));
            if (verbosity < Verbosity.Normal)
                continue;
            foreach (var change in changes)
                await Console.Out.WriteLineAsync($"  line {change.Line}: {change.What}");
        }
        return check && pending > 0 ? ExitCodes.CheckFailed : ExitCodes.Ok;
    }

    private static string Read(string path) =>
        InputFile.ReadText(path, path, "world or scenario file", InputFile.YamlLimit, problem => new InputException(new FilePosition(path, 1, 1), problem));

    private static bool IsScenario(string path)
    {
        try
        {
            return new MappingReader(path, YamlDocument.LoadMapping(path, Read(path)), "the file", FormatMigration.ProbedKeys, checkKeys: false).Has("scenario");
        }
        catch (InputException)
        {
            return false;
        }
    }
}
