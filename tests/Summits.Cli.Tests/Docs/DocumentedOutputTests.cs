using Summits.Tests;
namespace Summits.Cli.Tests;

/// <summary>
/// Every command README.md and docs/ show with its output is run, and what it prints now must be what
/// they quote. When a change to the model or the output moves a figure, this fails with a diff of the
/// quote against the new output: update the document with the run.
/// </summary>
public sealed class DocumentedOutputTests
{
    public static TheoryData<string> Places()
    {
        var data = new TheoryData<string>();
        foreach (var command in DocumentedCommands.All())
            data.Add(command.Place);
        return data;
    }

    [Theory]
    [MemberData(nameof(Places))]
    public async Task The_documented_output_is_what_the_command_prints(string place)
    {
        var command = DocumentedCommands.All().Single(c => c.Place == place);
        var folder = Directory.CreateTempSubdirectory("summits-docs-");
        try
        {
            // The commands run where the repository's scenarios are, as from the repository's root, with
            // the files the document defines beside them.
            CopyTree(SeedFiles.File("scenarios"), Path.Combine(folder.FullName, "scenarios"));
            foreach (var (path, text) in command.Files)
            {
                var target = Path.Combine(folder.FullName, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, text);
            }
            var run = await SummitsProcess.RunInAsync(folder.FullName, command.Arguments);
            // A terminal interleaves the two streams; a document may quote them in either order.
            var printed = Lines(run.Output).Concat(Lines(run.Error)).ToList();
            var mismatch = QuotedOutput.Mismatch(command.Quoted, printed);
            if (mismatch is not null && QuotedOutput.Mismatch(command.Quoted, [.. Lines(run.Error), .. Lines(run.Output)]) is null)
                mismatch = null;
            Assert.True(mismatch is null,
                $"{command.Place}: the output quoted for `{command.CommandLine}` is not what it prints now (exit {run.ExitCode}).\n{mismatch}\nWhole output now:\n{string.Join('\n', printed)}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_readme_and_every_guide_with_output_are_read()
    {
        var commands = DocumentedCommands.All();
        // Counted by hand in the documents: README.md shows `summits run` on the trade-for-defense
        // scenario and one mistake; docs/scenarios.md a run and three mistakes; docs/whatif.md a study,
        // a fork without a branch and a comparison; docs/exercises.md the record twice, a mistake in a record, a play's
        // total (-q), the score of bilateral-fta's play, and a mistake in the answers.
        Assert.True(commands.Count(c => c.Place.StartsWith("README.md:", StringComparison.Ordinal)) >= 2, string.Join('\n', commands));
        Assert.True(commands.Count(c => c.Place.StartsWith("docs/scenarios.md:", StringComparison.Ordinal)) >= 4, string.Join('\n', commands));
        Assert.True(commands.Count(c => c.Place.StartsWith("docs/whatif.md:", StringComparison.Ordinal)) >= 3, string.Join('\n', commands));
        Assert.True(commands.Count(c => c.Place.StartsWith("docs/exercises.md:", StringComparison.Ordinal)) >= 6, string.Join('\n', commands));
        Assert.All(commands, c => Assert.NotEmpty(c.Quoted));
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n').Select(line => line.TrimEnd());

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
