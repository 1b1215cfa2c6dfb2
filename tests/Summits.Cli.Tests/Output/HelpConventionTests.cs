using System.CommandLine;
using System.Text.RegularExpressions;
using Summits.Cli.Commands;

namespace Summits.Cli.Tests;

/// <summary>
/// The conventions every command's help and usage errors keep, checked on every command found from the command
/// definitions, so that a new command or option is held to them too: a description that is a sentence with its full
/// stop, placeholders written one way, the lists of commands and options in the order the help shows them, and a
/// near miss of a choice named as the choice meant.
/// </summary>
public sealed partial class HelpConventionTests
{
    /// <summary>Every command path (without "summits"; the root is the empty path).</summary>
    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in CommandTree.Of(SummitsCommand.Create(), visibleOnly: true))
            data.Add(string.Join(' ', path));
        return data;
    }


    private static string[] Words(string path) => path.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static Command Find(string path)
    {
        Command command = SummitsCommand.Create();
        foreach (var part in Words(path))
            command = command.Subcommands.Single(c => c.Name == part);
        return command;
    }

    private static async Task<string> HelpAsync(string path)
    {
        var help = new StringWriter();
        await SummitsCommand.Create().Parse([.. Words(path), "--help"]).InvokeAsync(new InvocationConfiguration { Output = help });
        return help.ToString().ReplaceLineEndings("\n");
    }

    /// <summary>The line the program says for these words (the parser's first mistake, as <see cref="SummitsCommand.RunAsync"/> chooses it).</summary>
    private static string Said(params string[] args)
    {
        var parse = SummitsCommand.Create().Parse(args);
        return UsageError.Said(parse, args, SummitsCommand.Create) ?? throw new InvalidOperationException($"'{string.Join(' ', args)}' has no mistake");
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public void Every_commands_description_is_a_sentence_with_its_full_stop(string path)
    {
        // 'summits seed --help' read "Load the seeded world … and list the agreements", with no full stop.
        var description = Find(path).Description;
        Assert.False(string.IsNullOrWhiteSpace(description), $"'{path}' has no description");
        Assert.True(char.IsUpper(description![0]), $"'{path}': {description}");
        Assert.EndsWith(".", description);
    }

    /// <summary>A placeholder: capitals (FILE, SCENARIO, N), with a literal extension or a second placeholder after '.' or ',' (FILE.jsonl, A,B).</summary>
    [GeneratedRegex(@"^[A-Z][A-Z0-9]*([.,][A-Za-z]+)?$")]
    private static partial Regex Placeholder();

    /// <summary>Choices written as they are typed, lower case, separated by '|' (grains|local, 1|2, http/protobuf).</summary>
    [GeneratedRegex(@"^[a-z0-9/-]+(\|[a-z0-9/-]+)+$")]
    private static partial Regex ChoiceList();

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task Every_placeholder_in_the_help_is_written_one_way(string path)
    {
        // 'summits --help' showed run <scenario> beside analyze <FILE.jsonl>: a placeholder is in capitals, as every
        // option's is (<FILE>, <DIR>, <N>), and only choices to be typed as they stand are in lower case.
        var help = await HelpAsync(path);
        foreach (Match angle in Regex.Matches(help, "<([^<>]+)>"))
        {
            var inside = angle.Groups[1].Value;
            Assert.True(Placeholder().IsMatch(inside) || ChoiceList().IsMatch(inside), $"'{path} --help' writes <{inside}>:\n{help}");
        }
    }

    [Fact]
    public void The_arguments_are_in_capitals_as_the_docs_write_them()
    {
        // Hand-picked from docs/: "summits run SCENARIO", "summits whatif SCENARIO", "summits compare A B".
        Assert.Equal("SCENARIO", Find("run").Arguments.Single().Name);
        Assert.Equal("SCENARIO", Find("whatif").Arguments.Single().Name);
        Assert.Equal(["A", "B"], Find("compare").Arguments.Select(a => a.Name));
    }

    /// <summary>The names after "the commands are " or "the options are " in an error line, in its order.</summary>
    private static string[] Listed(string line, string what)
    {
        // A list of one is said as such: "the only option is --help" (export and import take no option of their own).
        var only = $"the only {what.TrimEnd('s')} is ";
        if (line.IndexOf(only, StringComparison.Ordinal) is var one and >= 0)
            return [line[(one + only.Length)..]];
        var start = line.IndexOf($"the {what} are ", StringComparison.Ordinal);
        Assert.True(start >= 0, line);
        // Listed as English lists them: "a, b and c".
        return System.Text.RegularExpressions.Regex.Split(line[(start + $"the {what} are ".Length)..], ", | and ");
    }

    [Fact]
    public async Task The_commands_an_error_lists_are_the_helps_in_its_order()
    {
        // 'summits rn' listed run first, 'summits --help' seed first: one order, the help's.
        var help = await HelpAsync("");
        var commands = help[help.IndexOf("Commands:", StringComparison.Ordinal)..].Split('\n').Skip(1)
            .Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(' ')[0]).ToArray();

        Assert.Equal(commands, Listed(Said("rn"), "commands"));
        Assert.Equal(commands, Listed(Said("frobnicate"), "commands"));
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task The_options_an_error_lists_are_the_helps_in_its_order(string path)
    {
        // The help's option lines, each naming an option and its aliases ("-o, --output, --out <DIR>") before its
        // description, which may name other options: only the names, up to the first run of two spaces, are matched.
        var help = await HelpAsync(path);
        var lines = help[help.IndexOf("Options:", StringComparison.Ordinal)..].Split('\n')
            .Where(l => Regex.IsMatch(l, "^  -")).Select(l => l.Trim().Split("  ")[0]).ToList();
        int At(string name) => lines.FindIndex(l => Regex.IsMatch(l, $@"(^|[\s,]){Regex.Escape(name)}([\s,<]|$)"));

        // '--sead' is one from '--seed', which some commands have: the list stays in the help's order all the same.
        var listed = Listed(Said([.. Words(path), "--sead"]), "options");
        var at = listed.Select(At).ToArray();
        Assert.True(at.All(i => i >= 0), $"'{path}': an option listed is not in the help: {string.Join(", ", listed.Where(n => At(n) < 0))}");
        Assert.Equal(at.Order(), at);
    }

    /// <summary>Each command path with each of its options that has fixed choices, and each choice of 3 characters or more.</summary>
    public static TheoryData<string, string, string> ChoicesOfOptions()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (path, command) in CommandTree.Of(SummitsCommand.Create(), visibleOnly: true))
            foreach (var option in command.Options.Where(o => !o.Hidden))
                foreach (var choice in OptionChoices.Of(option).Where(c => c.Length >= 3))
                    data.Add(string.Join(' ', path), option.Name, choice);
        return data;
    }

    [Theory]
    [MemberData(nameof(ChoicesOfOptions))]
    public void A_choice_short_of_its_last_letter_is_named_as_the_choice_meant(string path, string name, string choice)
    {
        // The last character left out: one edit from the choice ('tabl' from 'table'), within the nearness a misspelt
        // command or option is named at (at least 2); every other choice of every option here is 2 or more from it.
        var typo = choice[..^1];
        // What the command cannot run without is given, or the argument left out would be said first: "x" for each
        // argument without a default (run's SCENARIO included), or for run's --model, which applies only with one, a
        // world; and generate's required options, each at the least of its range (2 actors, 1 topic, seed 0).
        string[] required = path == "generate" ? ["--actors", "2", "--topics", "1", "--seed", "0"] : [];
        string[] context = path == "run" && name == "--model" ? ["--world", "w.yaml"]
            : [.. Find(path).Arguments.Where(a => !a.HasDefaultValue).SelectMany(a => Enumerable.Repeat("x", Math.Max(1, a.Arity.MinimumNumberOfValues))), .. required];
        var line = Said([.. Words(path), .. context, name, typo]);

        Assert.Contains($"'{typo}'", line);
        Assert.EndsWith($" (did you mean '{choice}'?)", line);
    }

    [Theory]
    // Hand-written: the example of the newcomer's trial, and a choice far from every other, each with the scenario its
    // command needs (left out, it would be named first). 'tabel' is two
    // substitutions from 'table' (its e and l swapped), within max(2, 5 / 2) = 2.
    [InlineData("run scenario.yaml --format tabel", "--format must be one of table, csv or json, not 'tabel' (did you mean 'table'?)")]
    // 'grain' is one letter short of 'grains'.
    [InlineData("whatif scenario.yaml --engine grain", "--engine must be one of grains or local, not 'grain' (did you mean 'grains'?)")]
    // 'yaml' is 4 edits from 'json' (every letter differs), 3 from 'table' (y→t, m→b, add e) and 4 from 'csv': none
    // is within max(2, 4 / 2) = 2.
    [InlineData("seed --format yaml", "--format must be one of table, csv or json, not 'yaml'")]
    public void Hand_worked_choice_errors(string arguments, string expected)
    {
        Assert.Equal(expected, Said(arguments.Split(' ')));
    }
}
