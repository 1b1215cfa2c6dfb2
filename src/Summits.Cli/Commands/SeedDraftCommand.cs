using System.CommandLine;
using Summits.Cli.Output;
using Summits.Model;
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
        }, InputKind.Briefing);
        var output = WorldOutput.Out("draft", WrittenFile.Draft);
        var quiet = CommonOptions.Quiet("Count what was not drafted or is to check in one line instead of listing each, and with --output say where the draft went without its counts (--verbosity minimal)");
        var verbosity = CommonOptions.Verbosity();
        verbosity.Description = "How much to say besides the draft: q[uiet] (errors, and the line counting what was not drafted or is to check), m[inimal] (that line, and with --output where the draft went), n[ormal] (the default: each line not drafted or to check with its place and reason, and where the draft went with its counts), d[etailed] (the same), diag[nostic] (and timings)";
        var command = new Command("draft", "Draft a world from a briefing: every attributed statement verbatim, grouped into candidate topics, the numbers left for you (the loader refuses the draft until they are filled in).")
        {
            briefing,
            output,
            quiet,
            verbosity,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(briefing)!, parse.GetValue(output), CommonOptions.Written(parse, output),
            CommonOptions.ReadVerbosity(parse.GetValue(verbosity), parse.GetValue(quiet)), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string briefingPath, string? output, string outputOption, Verbosity verbosity, CancellationToken cancellation)
    {
        // Read here or beside the program (a shipped readout); said as named.
        var read = InputPath.Resolve(briefingPath);
        if (!File.Exists(read))
            throw new InputException(new FilePosition(read, 1, 1), $"no such briefing file{InputFile.Alternatives(read, read)}");
        // The draft never takes the place of the readout it is drawn from.
        if (output is not null && OutputOverInput.File(outputOption, output, [read], "draft") is { } overInput)
            return UsageError.Write("summits seed draft", overInput);
        if (output is not null && WrittenFile.Draft.Refusal(outputOption, output) is { } misnamed)
            return UsageError.Write("summits seed draft", misnamed);
        var source = SourceText.Load(read);
        var briefing = Briefing.Read(source);
        // The draft's 'source' is the path its loader follows, from the draft's folder to the file read.
        var from = output is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(output))!;
        var sourcePath = Path.GetRelativePath(from, Path.GetFullPath(read)).Replace('\\', '/');
        var draft = SeedDraft.From(briefing, sourcePath);
        // Nothing is dropped in silence: every line or sentence left out is named with its place and reason, or
        // below normal (-q, -v quiet) counted in one line that says how to list them. So is every guess the user
        // must check: a speaker's name, and a statement no subject's words place in a topic.
        var checks = briefing.SpeakerNotes.Length + draft.Unassigned.Length + draft.JointApart.Length + draft.Guessed.Length;
        if (verbosity < Verbosity.Normal && (draft.NotDrafted.Length > 0 || checks > 0))
        {
            var parts = new List<string>();
            if (draft.NotDrafted.Length > 0)
                parts.Add($"{Count(draft.NotDrafted.Length, "line or sentence", "lines or sentences")} not drafted");
            if (checks > 0)
                parts.Add($"{Count(checks, "thing", "things")} to check");
            await PathLines.ToErrorAsync($"{briefingPath}: {Listed.And(parts)} (-v normal lists each with its place and reason)", briefingPath);
        }
        else if (verbosity >= Verbosity.Normal)
        {
            // One list in the order of the readout, whatever the kind of each line, so that the author goes through
            // the readout once, top to bottom.
            var lines = new List<(SourceLocation At, string Text)>();
            foreach (var note in briefing.SpeakerNotes)
                lines.Add((note.Location, $"check the speaker '{note.Speaker}': {note.Note}"));
            foreach (var skipped in draft.NotDrafted)
                lines.Add((skipped.Location, $"not drafted: \"{skipped.Text.ReplaceLineEndings(" ")}\": {skipped.Reason}"));
            foreach (var (statement, n) in draft.Unassigned.Select((s, i) => (s, i + 1)))
                lines.Add((statement.Location, $"no topic: \"{statement.Text.ReplaceLineEndings(" ")}\" {SeedDraft.NoTopicReason(statement)}; drafted under the topic '{SeedDraft.UnassignedPrefix}{n}' for you to place"));
            foreach (var guess in draft.Guessed)
                lines.Add((guess.Statement.Location, $"check the topic: \"{guess.Statement.Text.ReplaceLineEndings(" ")}\" is {guess.Note}"));
            foreach (var joint in draft.JointApart)
                lines.Add((joint.Statement.Location, $"joint, on a topic of its own: \"{joint.Statement.Text.ReplaceLineEndings(" ")}\": {Listed.And(joint.Alone)} also {(joint.Alone.Count == 1 ? "speaks" : "speak")} alone on '{joint.Topic}', so it is drafted under '{joint.JointTopic}' as a position of 'both' for {Listed.And(joint.Statement.Speakers)}"));
            foreach (var (at, text) in lines.OrderBy(l => l.At.Line).ThenBy(l => l.At.Column))
                await PathLines.ToErrorAsync($"{briefingPath}:{at.Line}:{at.Column}: {text}", briefingPath);
        }
        if (briefing.Statements.IsEmpty)
        {
            await Console.Error.WriteLineAsync($"{briefingPath}:1:1: found no attributed statements; expected sentences such as 'Abe: ...', 'Abe, Trump confirmed ...', 'Prime Minister Kishida stated ...' or 'Both leaders agreed ...'");
            return ExitCodes.BadInput;
        }
        return await WorldOutput.WriteAsync(draft.Write, output,
            $"{Count(draft.Drafted.Count(), "statement", "statements")} by {Listed.And(briefing.Speakers)} in {Count(draft.Topics.Count, "candidate topic", "candidate topics")}, {Count(draft.NotDrafted.Length, "line or sentence", "lines or sentences")} not drafted; fill in the numbers, then remove 'draft: true'", verbosity, cancellation);
    }

    /// <summary>A count and its noun in the right number: "1 statement", "2 statements", "0 statements".</summary>
    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";
}
