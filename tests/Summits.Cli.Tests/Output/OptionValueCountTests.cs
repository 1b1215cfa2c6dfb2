using System.CommandLine;
using System.Text.RegularExpressions;
using Summits.Cli.Commands;

namespace Summits.Cli.Tests;

/// <summary>
/// An option written without its value (<c>run X --report</c>), or an option of one value written twice
/// (<c>--world a --world b</c>), is said in the parser's own line on every option of every command, whatever else the
/// command checks: no check of a command reads a value the parser could not take (<see cref="CommandChecks"/>), which
/// ended the program with an unhandled exception before any line was said.
/// </summary>
public sealed partial class OptionValueCountTests
{
    /// <summary>Each command path (without "summits") with each of its options that must be given a value, from the command definitions.</summary>
    public static TheoryData<string, string> OptionsTakingAValue()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, command) in CommandTree.Of(SummitsCommand.Create()))
            foreach (var option in command.Options.Where(o => !o.Hidden && o.Arity.MinimumNumberOfValues >= 1))
                data.Add(string.Join(' ', path), option.Name);
        return data;
    }

    /// <summary>
    /// Of <see cref="OptionsTakingAValue"/>, those that take one value: not a list (<c>bench --only</c> takes several)
    /// and not several values a word.
    /// </summary>
    public static TheoryData<string, string> OptionsOfOneValue()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, command) in CommandTree.Of(SummitsCommand.Create()))
            foreach (var option in command.Options.Where(o => !o.Hidden && o.Arity is { MinimumNumberOfValues: 1, MaximumNumberOfValues: 1 } && !o.AllowMultipleArgumentsPerToken))
                data.Add(string.Join(' ', path), option.Name);
        return data;
    }


    [Fact]
    public void The_options_include_those_whose_values_a_check_of_the_command_reads()
    {
        // Worked out from the checks that read values with GetValue: run's of a scenario against --world (--world,
        // --report), whatif's of the local engine (--engine), exercise's of --teacher (--format, --answers, -v), the
        // telemetry options' (--telemetry, --otlp), classroom's of --public (--address, --certificate) and every
        // command's of -q against -v (--verbosity).
        var one = OptionsOfOneValue().Select(row => $"{row[0]} {row[1]}").ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "run --world", "run --report", "run --telemetry", "run --otlp", "run --verbosity", "whatif --engine",
            "exercise --format", "exercise --answers", "exercise --verbosity", "classroom --address", "classroom --certificate",
        }, one);
    }

    [Theory]
    [MemberData(nameof(OptionsTakingAValue))]
    public void An_option_written_without_its_value_is_said_to_need_one(string path, string name)
    {
        // The parser's words, "Required argument missing for option: 'NAME'.", become "NAME needs a value, " and what
        // it takes (UsageError.Of); the rest of the line is ParseErrorTests' to check.
        Assert.StartsWith($"{name} needs a value, ", Said(path, [name]));
    }

    [Theory]
    [MemberData(nameof(OptionsOfOneValue))]
    public void An_option_of_one_value_written_twice_is_said_to_be_given_twice(string path, string name)
    {
        // The parser's words, "Option 'NAME' expects a single argument but 2 were provided.", become the values as
        // written, in their order, and "give it once".
        Assert.StartsWith($"{name} is given twice, as 'a' and 'b'; give it once, ", Said(path, [name, "a", name, "b"]));
    }

    /// <summary>
    /// The line <c>summits</c> says (without "summits COMMAND: error: " and the pointer to the help) for the command
    /// at <paramref name="path"/> given <paramref name="words"/> after what it cannot run without: "x" for each value
    /// of an argument it needs (one for <c>run</c>'s <c>SCENARIO</c>, whose place only <c>--world</c> may take), and
    /// each option it needs at the least of its range (<c>generate --actors 2</c>), so that nothing else is wrong: an
    /// argument left out is said before an option's value (UsageError.Rank).
    /// </summary>
    private static string Said(string path, string[] words)
    {
        var command = Find(path);
        List<string> args = [.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        foreach (var argument in command.Arguments.Where(a => !a.HasDefaultValue))
            args.AddRange(Enumerable.Repeat("x", Math.Max(1, argument.Arity.MinimumNumberOfValues)));
        foreach (var option in command.Options.Where(o => o.Required && !words.Contains(o.Name)))
            args.AddRange([option.Name, Least().Match(OptionNumbers.Of(option) ?? "").Groups["least"] is { Success: true } least ? least.Value : "x"]);
        args.AddRange(words);
        // Before, a check of the command that read the value threw here (InvalidOperationException).
        var parse = SummitsCommand.Create().Parse(args);
        Assert.NotEmpty(parse.Errors);
        return UsageError.Of(parse, args, SummitsCommand.Create);
    }

    private static Command Find(string path)
    {
        Command command = SummitsCommand.Create();
        foreach (var part in path.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            command = command.Subcommands.Single(c => c.Name == part);
        return command;
    }

    [GeneratedRegex(@"^a whole number from (?<least>-?[0-9]+) to ")]
    private static partial Regex Least();
}
