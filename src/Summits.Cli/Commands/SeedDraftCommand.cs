using System.CommandLine;
using Summits.Cli.Output;
using Summits.Scenarios;

namespace Summits.Cli.Commands;

/// <summary><c>summits seed draft</c>: drafts a world from a government readout for an author to finish.</summary>
public static class SeedDraftCommand
{
    public static Command Create()
    {
        var briefing = CommonOptions.InputFile(new Argument<string>("BRIEFING")
        {
            Description = "The readout text, with statements such as 'Abe: ...', 'Abe, Trump confirmed ...', 'Prime Minister Kishida stated ...' or 'Both leaders agreed ...'",
        });
        var output = WorldOutput.Out("draft");
        var quiet = WorldOutput.Quiet();
        var verbosity = CommonOptions.Verbosity();
        var command = new Command("draft", "Draft a world from a briefing: every attributed statement verbatim, grouped into candidate topics, the numbers left for you (the loader refuses the draft until they are filled in)")
        {
            briefing,
            output,
            quiet,
            verbosity,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(briefing)!, parse.GetValue(output),
            CommonOptions.ReadVerbosity(parse.GetValue(verbosity), parse.GetValue(quiet)), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string briefingPath, string? output, Verbosity verbosity, CancellationToken cancellation)
    {
        if (!File.Exists(briefingPath))
            throw new InputException(new FilePosition(briefingPath, 1, 1), "no such briefing file");
        var source = SourceText.Load(briefingPath);
        var briefing = Briefing.Read(source);
        // Nothing is dropped in silence: every line or sentence left out is named with its place and reason, or
        // below normal (-q, -v quiet) counted in one line that says how to list them.
        if (verbosity < Verbosity.Normal && briefing.Skipped.Length > 0)
            await Console.Error.WriteLineAsync($"{briefingPath}: {Count(briefing.Skipped.Length, "line or sentence", "lines or sentences")} not drafted (-v normal lists each with its place and reason)");
        else if (verbosity >= Verbosity.Normal)
        {
            foreach (var skipped in briefing.Skipped)
                await Console.Error.WriteLineAsync($"{briefingPath}:{skipped.Location.Line}:{skipped.Location.Column}: not drafted: \"{skipped.Text.ReplaceLineEndings(" ")}\": {skipped.Reason}");
        }
        if (briefing.Statements.IsEmpty)
        {
            await Console.Error.WriteLineAsync($"{briefingPath}:1:1: found no attributed statements; expected sentences such as 'Abe: ...', 'Abe, Trump confirmed ...', 'Prime Minister Kishida stated ...' or 'Both leaders agreed ...'");
            return ExitCodes.BadInput;
        }
        var from = output is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(output))!;
        var sourcePath = Path.GetRelativePath(from, Path.GetFullPath(briefingPath)).Replace('\\', '/');
        var draft = SeedDraft.From(briefing, sourcePath);
        return await WorldOutput.WriteAsync(draft.Write, output,
            $"{Count(briefing.Statements.Length, "statement", "statements")} by {string.Join(", ", briefing.Speakers)} in {Count(draft.Topics.Count, "candidate topic", "candidate topics")}, {Count(briefing.Skipped.Length, "line or sentence", "lines or sentences")} not drafted; fill in the numbers, then remove 'draft: true'", verbosity, cancellation);
    }

    /// <summary>A count and its noun in the right number: "1 statement", "2 statements", "0 statements".</summary>
    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
