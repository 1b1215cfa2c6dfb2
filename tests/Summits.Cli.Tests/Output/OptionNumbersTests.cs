using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Summits.Cli.Commands;

namespace Summits.Cli.Tests;

/// <summary>
/// Every option of every command that takes a number names its range in both of its errors, a value that is no
/// whole number and a value outside the range, in one line of the same words; and that error, being about the
/// value, is said before any error about the command as a whole (an option that does not apply), though after an
/// argument the command cannot run without, left out.
/// </summary>
public sealed partial class OptionNumbersTests
{
    /// <summary>Each command path (without "summits") with each of its options that takes a number, found from the command definitions.</summary>
    public static TheoryData<string, string> NumberOptions()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, command) in CommandTree.Of(SummitsCommand.Create()))
            foreach (var option in command.Options.Where(o => !o.Hidden && TakesNumber(o)))
                data.Add(string.Join(' ', path), option.Name);
        return data;
    }

    /// <summary>
    /// An option takes a number when its value is of a number type, or when it is a <c>--seed</c> (kept as text to
    /// tell "not given" from 0), or when it has a range: every one of them must have a range.
    /// </summary>
    private static bool TakesNumber(Option option)
    {
        var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
        return type == typeof(int) || type == typeof(long) || type == typeof(ulong) || type == typeof(uint) || type == typeof(short)
            || type == typeof(double) || type == typeof(float) || type == typeof(decimal)
            || option.Name == "--seed" || OptionNumbers.Of(option) is not null;
    }


    private static Option Find(string path, string name) => Find(path).Options.Single(o => o.Name == name);

    private static Command Find(string path)
    {
        Command command = SummitsCommand.Create();
        foreach (var part in path.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            command = command.Subcommands.Single(c => c.Name == part);
        return command;
    }

    /// <summary>The line <c>summits</c> says for these arguments, without "summits COMMAND: error: " and the pointer to the help; null when it parses.</summary>
    private static string? Said(string path, params string[] arguments)
    {
        string[] args = [.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), .. arguments];
        return UsageError.Said(SummitsCommand.Create().Parse(args), args, SummitsCommand.Create);
    }

    /// <summary>
    /// What the command at <paramref name="path"/> cannot run without, so that a value's error is not preceded by an
    /// argument left out (said first of all): "x" for each argument without a default, <c>run</c>'s <c>SCENARIO</c>
    /// included, whose place only <c>--world</c> may take.
    /// </summary>
    private static string[] Needed(string path)
    {
        var command = Find(path);
        return [.. command.Arguments.Where(a => !a.HasDefaultValue).SelectMany(a => Enumerable.Repeat("x", Math.Max(1, a.Arity.MinimumNumberOfValues)))];
    }

    /// <summary>
    /// Each option the command at <paramref name="path"/> requires, other than <paramref name="name"/>, with the least of
    /// its range (every option a command requires takes a number: generate's --actors, --topics and --seed).
    /// </summary>
    private static string[] OthersRequired(string path, string name) =>
        [.. Find(path).Options.Where(o => o.Required && o.Name != name).SelectMany(o => new[] { o.Name, Range().Match(OptionNumbers.Of(o) ?? "").Groups["least"].Value })];

    /// <summary>The commands without their checks of the whole, as <see cref="UsageError"/> parses them again to read the options' values.</summary>
    private static RootCommand Unchecked()
    {
        var root = SummitsCommand.Create();
        foreach (var (_, command) in CommandTree.Of(root))
            command.Validators.Clear();
        return root;
    }

    [GeneratedRegex(@"^a whole number from (?<least>-?[0-9]+) to (?<greatest>-?[0-9]+)$")]
    private static partial Regex Range();

    [Fact]
    public void The_number_options_include_every_one_a_user_can_give()
    {
        // Worked out from the commands' help: run --rounds, --seed and --checkpoint-every; whatif --runs, --seed,
        // --parallel and --checkpoint-every; generate --actors, --topics and --seed.
        var all = NumberOptions().Select(row => $"{row[0]} {row[1]}").ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "run --rounds", "run --seed", "run --checkpoint-every",
            "whatif --runs", "whatif --seed", "whatif --parallel", "whatif --checkpoint-every",
            "generate --actors", "generate --topics", "generate --seed",
        }, all);
    }

    [Theory]
    [MemberData(nameof(NumberOptions))]
    public void A_number_option_refuses_a_non_number_and_each_side_of_its_range_naming_the_range(string path, string name)
    {
        var option = Find(path, name);
        var range = OptionNumbers.Of(option);
        Assert.True(range is not null, $"{path} {name} takes a number but has no range");
        var bounds = Range().Match(range);
        Assert.True(bounds.Success, range);
        var least = BigInteger.Parse(bounds.Groups["least"].Value);
        var greatest = BigInteger.Parse(bounds.Groups["greatest"].Value);

        // The help names the same range, "L to G".
        Assert.Contains($"{least} to {greatest}", option.Description);
        // Each end is taken, and read as the option's value: with what the command cannot run without given (Needed,
        // and each other option it requires at its least), the commands without their checks of the whole find no
        // error at all. Those checks are cleared because one that fires keeps the parser from reading any option's
        // value, so a range that refused its end would go unseen: run's given no scenario, or given one, --rounds that
        // applies only with --world.
        string[] needed = [.. Needed(path), .. OthersRequired(path, name)];
        foreach (var end in new[] { least, greatest })
        {
            var parse = Unchecked().Parse([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), .. needed, name, end.ToString()]);
            Assert.True(parse.Errors.Count == 0, $"{path} {name} {end}: {string.Join(" | ", parse.Errors.Select(e => e.Message))}");
            var value = parse.CommandResult.Children.OfType<OptionResult>().Single(o => o.Option.Name == name).GetValueOrDefault<object>();
            Assert.Equal(end.ToString(CultureInfo.InvariantCulture), Convert.ToString(value, CultureInfo.InvariantCulture));
        }
        // One past each end, and a word, are refused in the one line, first of the command's errors once what it
        // cannot run without is given.
        Assert.Equal($"{name} must be a whole number from {least} to {greatest}, not {least - 1}", Said(path, [.. needed, name, (least - 1).ToString()]));
        Assert.Equal($"{name} must be a whole number from {least} to {greatest}, not {greatest + 1}", Said(path, [.. needed, name, (greatest + 1).ToString()]));
        Assert.Equal($"{name} must be a whole number from {least} to {greatest}, not 'abc'", Said(path, [.. needed, name, "abc"]));
        Assert.Equal($"{name} must be a whole number from {least} to {greatest}, not '0x3'", Said(path, [.. needed, name, "0x3"]));
        Assert.Equal($"{name} must be a whole number from {least} to {greatest}, not '2.5'", Said(path, [.. needed, name, "2.5"]));
    }

    [Theory]
    [MemberData(nameof(NumberOptions))]
    public void An_argument_left_out_is_said_before_a_number_options_bad_value(string path, string name)
    {
        // The user who forgot the file hears of the file first, whatever the options' values (UsageError.Rank): the
        // line names the command's first argument without a default (run's SCENARIO, whose place --world may take,
        // included). A command that needs no argument but requires options (generate's --actors, --topics and --seed)
        // names the first of them left out, in the order its help lists them; one that needs neither says the value's
        // error, as above.
        var needed = Find(path).Arguments.Where(a => !a.HasDefaultValue).Select(a => $"<{a.Name}>").ToList();
        var required = Find(path).Options.Where(o => o.Required && o.Name != name).Select(o => o.Name).ToList();
        var said = Said(path, name, "0x3");
        if (needed.Count > 0)
            Assert.StartsWith($"the argument {needed[0]} is missing: ", said);
        else if (required.Count > 0)
            Assert.StartsWith($"{required[0]} is required, ", said);
        else
            Assert.StartsWith($"{name} must be a whole number", said);
    }

    [Theory]
    // 1000 is the most advances kept in memory between checkpoints (README: "in grains, 1 to 1000").
    [InlineData("run scenario.yaml --checkpoint-every abc", "--checkpoint-every must be a whole number from 1 to 1000, not 'abc'")]
    [InlineData("whatif scenario.yaml --checkpoint-every 1001", "--checkpoint-every must be a whole number from 1 to 1000, not 1001")]
    // A run has at least 1 round and at most 100 000 (the same bound as a scenario's 'rounds' step).
    [InlineData("run scenario.yaml --rounds 0", "--rounds must be a whole number from 1 to 100000, not 0")]
    // A seed is an unsigned 64-bit number: 0 to 2^64 − 1 = 18446744073709551615.
    [InlineData("run scenario.yaml --seed -1", "--seed must be a whole number from 0 to 18446744073709551615, not -1")]
    [InlineData("whatif scenario.yaml --seed 18446744073709551616", "--seed must be a whole number from 0 to 18446744073709551615, not 18446744073709551616")]
    // A study runs 1 to a million sampled worlds, 1 to 1000 at once.
    [InlineData("whatif scenario.yaml -n 0", "--runs must be a whole number from 1 to 1000000, not 0")]
    [InlineData("whatif scenario.yaml --parallel x", "--parallel must be a whole number from 1 to 1000, not 'x'")]
    // A generated world has 2 to 5000 actors and 1 to 1000 topics; its seed is unsigned 64-bit like run's and whatif's,
    // 0 to 2^64 − 1 = 18446744073709551615: -1 is below it, 2^63 = 9223372036854775808 (past the signed range) within it.
    // Each is given the other two options generate requires, each good, as a required option left out is said first.
    [InlineData("generate --actors 1 --topics 1 --seed 0", "--actors must be a whole number from 2 to 5000, not 1")]
    [InlineData("generate --topics many --actors 2 --seed 0", "--topics must be a whole number from 1 to 1000, not 'many'")]
    [InlineData("generate --seed -1 --actors 2 --topics 1", "--seed must be a whole number from 0 to 18446744073709551615, not -1")]
    [InlineData("generate --seed 18446744073709551616 --actors 2 --topics 1", "--seed must be a whole number from 0 to 18446744073709551615, not 18446744073709551616")]
    public void Hand_worked_number_errors(string arguments, string expected)
    {
        var words = arguments.Split(' ');
        Assert.Equal(expected, Said(words[0], words[1..]));
    }

    [Theory]
    // The value is wrong whatever the engine: that is said first, in one line about the value, and not that the
    // option does not apply to the local engine.
    [InlineData("run", "scenario.yaml --engine local --checkpoint-every 0x3", "--checkpoint-every must be a whole number from 1 to 1000, not '0x3'")]
    [InlineData("whatif", "scenario.yaml --engine local --checkpoint-every 0x3", "--checkpoint-every must be a whole number from 1 to 1000, not '0x3'")]
    [InlineData("whatif", "scenario.yaml --engine local --checkpoint-every 0", "--checkpoint-every must be a whole number from 1 to 1000, not 0")]
    // --rounds applies only with --world, and a scenario is named: still the value comes first.
    [InlineData("run", "scenario.yaml --rounds 0x3", "--rounds must be a whole number from 1 to 100000, not '0x3'")]
    [InlineData("run", "scenario.yaml --rounds 0", "--rounds must be a whole number from 1 to 100000, not 0")]
    // --model applies only with --world: its bad value comes first.
    [InlineData("run", "scenario.yaml --model smpp", "--model must be one of bargaining or smp, not 'smpp' (did you mean 'smp'?)")]
    // --pair applies only with --report, and --seed's bad value comes first.
    [InlineData("run", "scenario.yaml --pair US,JP --seed x", "--seed must be a whole number from 0 to 18446744073709551615, not 'x'")]
    public void A_bad_value_is_said_before_the_option_does_not_apply(string command, string arguments, string expected)
    {
        Assert.Equal(expected, Said(command, arguments.Split(' ')));
    }

    [Theory]
    // The defaults the help and docs state: run --rounds 100, whatif --runs 1000; a number option left out is not
    // read by its range check and keeps its default.
    [InlineData("run", "--rounds", 100)]
    [InlineData("whatif", "--runs", 1000)]
    public void A_number_option_left_out_keeps_its_default(string command, string name, int expected)
    {
        var parse = SummitsCommand.Create().Parse([command, "scenario.yaml"]);

        Assert.Empty(parse.Errors);
        Assert.Equal(expected, parse.GetValue<int>(name));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("whatif")]
    public void A_checkpoint_interval_left_out_is_none_so_the_configured_one_applies(string command)
    {
        // Left out, --checkpoint-every has no value of its own: the silo takes Summits:CheckpointEvery from the
        // configuration, else 1 (SettingsTests show the configured one applying), as its help says.
        var parse = SummitsCommand.Create().Parse([command, "scenario.yaml"]);

        Assert.Empty(parse.Errors);
        Assert.Null(parse.GetValue<int?>("--checkpoint-every"));
    }

    [Fact]
    public void A_seed_or_a_parallel_left_out_is_none()
    {
        // Without --seed the scenario's seed is used, and without --parallel twice the processor count: null here.
        var parse = SummitsCommand.Create().Parse(["whatif", "scenario.yaml"]);

        Assert.Null(parse.GetValue<string?>("--seed"));
        Assert.Null(parse.GetValue<int?>("--parallel"));
        Assert.Null(CommonOptions.ReadSeed(null));
        Assert.Equal(ulong.MaxValue, CommonOptions.ReadSeed("18446744073709551615"));
    }

    [Fact]
    public async Task The_whole_line_of_a_number_error_from_the_program()
    {
        // The line a user sees, from the program itself: prefix, the value error, the pointer to the help; exit 2.
        var run = await SummitsProcess.RunAsync("whatif", "nothing.yaml", "--engine", "local", "--checkpoint-every", "0x3");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("summits whatif: error: --checkpoint-every must be a whole number from 1 to 1000, not '0x3' (see 'summits whatif --help')\n",
            run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
    }
}
