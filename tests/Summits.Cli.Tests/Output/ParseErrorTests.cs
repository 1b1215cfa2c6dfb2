using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// The parser's own mistakes (an unknown command or option, a missing argument) said the way every usage
/// error is: one line on standard error naming what would be right, exit 2, nothing on standard output.
/// </summary>
public sealed class ParseErrorTests
{
    private static string Baseline => Path.Combine(SeedFiles.Root, "scenarios", "what-if", "baseline.yaml");

    private static string OnlyLine(SummitsRun run)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        return Assert.Single(run.ErrorLines);
    }

    [Fact]
    public async Task An_unknown_command_names_the_commands()
    {
        var run = await SummitsProcess.RunAsync("frobnicate");

        // 'frobnicate' is 5 or more edits from every command, so none moves first: they read in the order
        // 'summits --help' lists them.
        Assert.Equal("summits: error: 'frobnicate' is not a command; the commands are seed, run, analyze, import, export, generate, whatif, compare, bench, migrate, record and exercise (see 'summits --help')", OnlyLine(run));
    }

    [Fact]
    public async Task A_misspelled_command_names_the_closest_command_and_lists_the_commands_in_the_helps_order()
    {
        var run = await SummitsProcess.RunAsync("rnu");

        // 'rnu' is two edits from 'run' (swap the n and u: two substitutions) and 4 from 'seed'; the list is the
        // one 'summits --help' shows, in its order (The_commands_and_options_an_error_lists_are_the_helps_in_its_order).
        Assert.Equal("summits: error: 'rnu' is not a command (did you mean 'run'?); the commands are seed, run, analyze, import, export, generate, whatif, compare, bench, migrate, record and exercise (see 'summits --help')", OnlyLine(run));
    }

    [Fact]
    public async Task A_command_cut_short_is_named_as_the_one_it_starts()
    {
        var run = await SummitsProcess.RunAsync("exer");

        // 'exer' starts 'exercise', so it stands for it (the suggestions' one order, Closest), though 'exercise' is 4
        // insertions away, more than the 2 edits nearness allows a 4-letter word; no other command contains 'exer'.
        Assert.Equal("summits: error: 'exer' is not a command (did you mean 'exercise'?); the commands are seed, run, analyze, import, export, generate, whatif, compare, bench, migrate, record and exercise (see 'summits --help')", OnlyLine(run));
    }

    [Fact]
    public async Task A_command_short_of_a_letter_is_named_as_the_one_meant()
    {
        var run = await SummitsProcess.RunAsync("rn");

        // 'rn' is one insertion from 'run', within the nearness allowed (at least 2), and 3 or more from every other
        // command; the commands follow in the order of 'summits --help', seed first (before, run was moved first).
        Assert.Equal("summits: error: 'rn' is not a command (did you mean 'run'?); the commands are seed, run, analyze, import, export, generate, whatif, compare, bench, migrate, record and exercise (see 'summits --help')", OnlyLine(run));
    }

    [Fact]
    public async Task An_option_with_two_letters_swapped_is_named_as_the_one_meant()
    {
        var run = await SummitsProcess.RunAsync("run", Baseline, "--fromat", "json");

        // '--fromat' is two substitutions from '--format' (its r and o swapped), within half its 8 characters; the
        // options follow in the order of 'summits run --help': --world, --rounds, --model, --seed, then -o|--output.
        Assert.StartsWith("summits run: error: '--fromat' is not an option of 'summits run' (did you mean '--format'?); the options are --world, --rounds, --model, --seed, --output, --format, ", OnlyLine(run));
    }

    [Fact]
    public async Task An_unknown_option_names_the_commands_options()
    {
        var run = await SummitsProcess.RunAsync("run", Baseline, "--bogus");

        var line = OnlyLine(run);
        Assert.StartsWith("summits run: error: '--bogus' is not an option of 'summits run'; the options are ", line);
        Assert.Contains("--engine", line);
        Assert.Contains("--seed", line);
        Assert.EndsWith("(see 'summits run --help')", line);
    }

    [Fact]
    public async Task A_misspelled_option_names_the_closest_option()
    {
        var run = await SummitsProcess.RunAsync("run", Baseline, "--sead", "3");

        // '--sead' is one substitution from '--seed'; every other option of run is further.
        Assert.StartsWith("summits run: error: '--sead' is not an option of 'summits run' (did you mean '--seed'?); the options are --world, --rounds, --model, --seed, ", OnlyLine(run));
    }

    [Theory]
    [InlineData("summits run", new[] { "run", "--bogus" })]
    [InlineData("summits whatif", new[] { "whatif", "--bogus" })]
    [InlineData("summits compare", new[] { "compare", "--bogus", "b.yaml" })]
    [InlineData("summits analyze", new[] { "analyze", "--bogus" })]
    [InlineData("summits exercise", new[] { "exercise", "--bogus" })]
    [InlineData("summits record", new[] { "record", "--bogus" })]
    [InlineData("summits migrate", new[] { "migrate", "--bogus" })]
    [InlineData("summits import ktab", new[] { "import", "ktab", "--bogus" })]
    [InlineData("summits export ktab", new[] { "export", "ktab", "--bogus" })]
    [InlineData("summits seed draft", new[] { "seed", "draft", "--bogus" })]
    public async Task An_unknown_option_where_the_command_takes_a_file_is_refused_as_an_option_not_read_as_the_file(string command, string[] arguments)
    {
        var run = await SummitsProcess.RunAsync(arguments);

        Assert.Equal(2, run.ExitCode);
        var line = OnlyLine(run);
        Assert.StartsWith($"{command}: error: '--bogus' is not an option of '{command}'; the options are --", line);
        Assert.EndsWith($"(see '{command} --help')", line);
    }

    [Fact]
    public async Task A_misspelled_option_in_place_of_the_scenario_names_the_closest_option()
    {
        var run = await SummitsProcess.RunAsync("run", "--sead");

        // '--sead' is one substitution from '--seed'; every other option of run is further.
        Assert.StartsWith("summits run: error: '--sead' is not an option of 'summits run' (did you mean '--seed'?); the options are --world, --rounds, --model, --seed, ", OnlyLine(run));
    }

    [Fact]
    public async Task A_file_named_with_a_leading_dash_after_a_double_dash_is_read_as_the_file()
    {
        var run = await SummitsProcess.RunAsync("run", "--", "--bogus");

        // After "--" every word is an argument: the file '--bogus' is looked for, and there is none.
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("is not an option", OnlyLine(run));
        Assert.Contains("--bogus", OnlyLine(run));
    }

    [Fact]
    public async Task A_missing_argument_names_the_arguments_the_command_takes()
    {
        var run = await SummitsProcess.RunAsync("compare", Baseline);

        // compare takes two scenarios, a and b; only a was given.
        Assert.Equal("summits compare: error: the argument <B> is missing: 'summits compare' takes <A> <B> (see 'summits compare --help')", OnlyLine(run));
    }
}
