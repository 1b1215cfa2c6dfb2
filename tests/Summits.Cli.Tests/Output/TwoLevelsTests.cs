using System.CommandLine;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// <c>-q</c> (the same as <c>-v minimal</c>) with a <c>-v</c> of another level asks for two levels at once; it is
/// refused in one line naming both options as written and the levels to choose from, exit 2, on every command that
/// takes both, rather than one of them being followed without a word. <c>-q</c> with <c>-v minimal</c> asks for one.
/// </summary>
public sealed class TwoLevelsTests
{
    private static string Baseline => SeedFiles.File("scenarios", "what-if", "baseline.yaml");

    // The levels as the help lists them, in its order (q[uiet] … diag[nostic]).
    private const string Levels = "one of quiet, minimal, normal, detailed or diagnostic";

    [Theory]
    // The example, in both orders: -v detailed would have won over -q in silence.
    [InlineData(new[] { "-q", "-v", "detailed" }, "-q and -v detailed ask for two levels (-q is -v minimal); give one: -q, or -v with " + Levels)]
    [InlineData(new[] { "-v", "detailed", "-q" }, "-q and -v detailed ask for two levels (-q is -v minimal); give one: -q, or -v with " + Levels)]
    // The long names, and a short level: said as written. -v quiet is below -q's minimal, and as much a second level.
    [InlineData(new[] { "--quiet", "--verbosity", "q" }, "--quiet and --verbosity q ask for two levels (--quiet is --verbosity minimal); give one: --quiet, or --verbosity with " + Levels)]
    public async Task Run_refuses_q_with_another_level(string[] levels, string expected)
    {
        var run = await SummitsProcess.RunAsync(["run", Baseline, "--engine", "local", .. levels]);

        Assert.Equal((2, "", $"summits run: error: {expected} (see 'summits run --help')\n"), (run.ExitCode, run.Output, run.Error.ReplaceLineEndings("\n")));
    }

    [Theory]
    // -v given twice asks for two levels as surely: which is meant is not told, so neither is taken. Said with both
    // values and the levels to choose from, before the scenario is looked at.
    [InlineData(new[] { "-v", "detailed", "-v", "quiet" }, "-v is given twice, as 'detailed' and 'quiet'; give it once, " + Levels)]
    // The same for any option of one value: --format's choices are table, csv and json.
    [InlineData(new[] { "--format", "csv", "--format", "json" }, "--format is given twice, as 'csv' and 'json'; give it once, one of table, csv or json")]
    public async Task An_option_of_one_value_given_twice_is_refused_with_its_values_and_choices(string[] twice, string expected)
    {
        var run = await SummitsProcess.RunAsync(["run", Baseline, "--engine", "local", .. twice]);

        Assert.Equal((2, "", $"summits run: error: {expected} (see 'summits run --help')\n"), (run.ExitCode, run.Output, run.Error.ReplaceLineEndings("\n")));
    }

    /// <summary>Every command, at any depth, with the names of its options.</summary>
    private static IEnumerable<(string Path, Command Command)> Commands(Command command, string path)
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands)
            foreach (var found in Commands(sub, $"{path} {sub.Name}"))
                yield return found;
    }

    [Fact]
    public void Every_command_that_takes_both_refuses_them_for_two_levels_and_takes_them_for_one()
    {
        var both = Commands(SummitsCommand.Create(), "summits")
            .Where(c => c.Command.Options.Any(o => o.Name == "--quiet") && c.Command.Options.Any(o => o.Name == "--verbosity"))
            .ToList();
        // run, whatif, compare, seed, seed draft, bench and the rest: every command that prints at a level takes both.
        Assert.True(both.Count >= 10, string.Join(", ", both.Select(c => c.Path)));
        foreach (var (path, command) in both)
        {
            // Each argument the command requires is given as a word of its own ('x'): the checks of its options wait for
            // its arguments (CommandChecks.ArgumentsGiven), and no file is looked for while the line is parsed.
            string[] words = [.. path.Split(' ')[1..], .. command.Arguments.Where(a => !a.HasDefaultValue).SelectMany(a => Enumerable.Repeat("x", a.Arity.MinimumNumberOfValues))];
            var twoLevels = SummitsCommand.Create().Parse([.. words, "-v", "diagnostic", "-q"]).Errors.Select(e => e.Message).ToList();
            Assert.True(twoLevels.Contains($"-q and -v diagnostic ask for two levels (-q is -v minimal); give one: -q, or -v with {Levels}"), $"{path}: {string.Join(" | ", twoLevels)}");
            // -q is -v minimal, so the two together ask for one level, however minimal is written.
            foreach (var minimal in new[] { "minimal", "m" })
            {
                var one = SummitsCommand.Create().Parse([.. words, "-q", "-v", minimal]).Errors.Select(e => e.Message);
                Assert.DoesNotContain(one, e => e.Contains("two levels", StringComparison.Ordinal));
            }
        }
    }
}
