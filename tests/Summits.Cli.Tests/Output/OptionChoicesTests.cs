using System.CommandLine;
using System.CommandLine.Completions;
using System.Text.RegularExpressions;
using Summits.Cli.Commands;

namespace Summits.Cli.Tests;

/// <summary>
/// Every option of every command that takes one of a fixed set of values lists them, in one order, both
/// in its command's help and in the one-line error for a value outside them.
/// </summary>
public sealed class OptionChoicesTests
{
    /// <summary>Each command path (without "summits") with each of its options that offers fixed choices.</summary>
    public static TheoryData<string, string> OptionsWithChoices()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, command) in CommandTree.Of(SummitsCommand.Create()))
        {
            foreach (var option in command.Options.Where(o => !o.Hidden && Choices(o).Length > 0))
                data.Add(string.Join(' ', path), option.Name);
            // An option offering completions (a flag offers True and False) takes a fixed set of values,
            // so it must say its order here too.
            foreach (var option in command.Options.Where(o => !o.Hidden && o is not Option<bool> && o.GetCompletions(CompletionContext.Empty).Any()))
            {
                if (Choices(option).Length == 0)
                    data.Add(string.Join(' ', path), option.Name);
            }
        }
        return data;
    }


    private static string[] Choices(Option option) => [.. OptionChoices.Of(option)];

    private static (Command Command, Option Option) Find(string path, string name)
    {
        Command command = SummitsCommand.Create();
        foreach (var part in path.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            command = command.Subcommands.Single(c => c.Name == part);
        return (command, command.Options.Single(o => o.Name == name));
    }

    /// <summary>The indexes at which each choice stands as a word of its own, each after the one before; -1 when one is missing.</summary>
    private static int[] InOrder(string text, string[] choices)
    {
        var at = new int[choices.Length];
        var from = 0;
        for (var i = 0; i < choices.Length; i++)
        {
            var match = new Regex($@"(?<![\w/|-]){Regex.Escape(choices[i])}(?![\w/-])").Match(text, from);
            at[i] = match.Success ? match.Index : -1;
            if (!match.Success)
                break;
            from = match.Index + match.Length;
        }
        return at;
    }

    [Fact]
    public void The_options_with_choices_include_those_a_user_found_unlisted()
    {
        // Worked out from the commands: bench --only takes a figure id, every telemetry command's
        // --otlp-protocol takes grpc or http/protobuf; --engine, --format and --verbosity are shared.
        var all = OptionsWithChoices().Select(row => $"{row[0]} {row[1]}").ToHashSet();
        Assert.Contains("bench --only", all);
        Assert.Contains("run --otlp-protocol", all);
        Assert.Contains("run --model", all);
        Assert.Contains("run --engine", all);
        Assert.Contains("exercise --players", all);
    }

    [Theory]
    [MemberData(nameof(OptionsWithChoices))]
    public async Task Help_lists_every_choice_in_order(string path, string name)
    {
        var (_, option) = Find(path, name);
        var choices = Choices(option);
        Assert.NotEmpty(choices);
        var help = new StringWriter();
        var root = SummitsCommand.Create();
        await root.Parse([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"]).InvokeAsync(new InvocationConfiguration { Output = help });
        // The option's entry runs from its name to the next line that starts another option.
        var lines = help.ToString().ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimStart().StartsWith('-') && Regex.IsMatch(l, $@"(^|[\s,]){Regex.Escape(name)}([\s,<]|$)"));
        Assert.True(start >= 0, $"no entry for {name} in:\n{help}");
        var end = start + 1;
        while (end < lines.Length && !Regex.IsMatch(lines[end], @"^\s+-") && lines[end].Trim().Length > 0)
            end++;
        // q[uiet] names the level quiet.
        var entry = string.Join(' ', lines[start..end].Select(l => l.Trim())).Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal);
        var at = InOrder(entry, choices);
        Assert.True(at.All(i => i >= 0), $"{path} {name}: the help's entry does not list {string.Join(", ", choices)} in that order: {entry}");
    }

    [Theory]
    [MemberData(nameof(OptionsWithChoices))]
    public void A_wrong_value_is_refused_with_every_choice_in_order(string path, string name)
    {
        var (_, option) = Find(path, name);
        var choices = Choices(option);
        Assert.NotEmpty(choices);
        var root = SummitsCommand.Create();
        // run needs a scenario or a world (and --model applies only with --world), and --otlp-protocol applies only with
        // an OTLP receiver; without them the parser stops at that and does not look at the value (the program then
        // parses again for the value: UsageError.Of(parse, args, unchecked), OptionNumbersTests).
        string[] context = [.. path == "run" ? ["--world", "w.yaml"] : Array.Empty<string>(),
            .. name == "--otlp-protocol" ? ["--otlp", "http://localhost:4317"] : Array.Empty<string>()];
        var parse = root.Parse([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), .. context, name, "no-such-choice"]);
        var error = parse.Errors.Select(e => UsageError.Of(e)).FirstOrDefault(e => e.Contains("no-such-choice", StringComparison.Ordinal));
        Assert.True(error is not null, $"{path} {name} no-such-choice: no error names the value; errors: {string.Join(" | ", parse.Errors.Select(e => e.Message))}");
        var at = InOrder(error, choices);
        Assert.True(at.All(i => i >= 0), $"{path} {name}: the error does not list {string.Join(", ", choices)} in that order: {error}");
    }

    // Every choice with a letter is lower case ("table", "grains", "ktab-40", "http/protobuf"): written in upper case
    // it differs from that one choice only in case, so it is read as that choice, spelt as the help lists it. A choice
    // of digits alone ("1", bench's figure numbers, --players) has no other case.
    [Theory]
    [MemberData(nameof(OptionsWithChoices))]
    public void A_choice_written_in_another_case_is_read_as_that_choice(string path, string name)
    {
        var (_, option) = Find(path, name);
        string[] context = path == "run" && name == "--model" ? ["--world", "w.yaml"] : [];
        foreach (var choice in Choices(option))
        {
            var typed = choice.ToUpperInvariant();
            if (typed == choice)
            {
                Assert.Matches("^[0-9]+$", choice);
                continue;
            }
            var parse = SummitsCommand.Create().Parse([.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), .. context, name, typed]);
            Assert.DoesNotContain(parse.Errors, e => e.Message.Contains(typed, StringComparison.Ordinal));
            var read = option is Option<string[]> ? Assert.Single(parse.GetValue<string[]>(name)!) : parse.GetValue<string>(name);
            Assert.Equal(choice, read);
        }
    }

    [Fact]
    public void A_value_that_differs_only_in_case_from_two_choices_names_neither()
    {
        // "a" and "A" are two choices; "a" and "A" name themselves, and nothing else names either.
        Assert.Equal("a", Summits.Scenarios.IdMatch.Find(["a", "A"], "a"));
        Assert.Equal("A", Summits.Scenarios.IdMatch.Find(["a", "A"], "A"));
        Assert.Null(Summits.Scenarios.IdMatch.Find(["ab", "AB"], "Ab"));
        Assert.Equal("US", Summits.Scenarios.IdMatch.Find(["JP", "US"], "uS"));
        Assert.Null(Summits.Scenarios.IdMatch.Find(["JP", "US"], "USA"));
    }

    [Fact]
    public void Bench_lists_its_figures_by_number_then_by_name_with_what_each_measures()
    {
        // docs/performance.md numbers the figures 1 to 10 and names the KTAB, spatial-model and classroom ones;
        // measured in the order 9, 1, 10, 2, 3, 4, 5, ktab-40, ktab-160, 7, smp, 6, classroom, 8, a reader looks one
        // up as 1 to 10, then ktab-40, ktab-160, smp, classroom. 11 is no figure, and the
        // parser suggests the first choice one edit from it, 1 (10 is one edit from it too, later in the list).
        var (_, option) = Find("bench", "--only");
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "ktab-40", "ktab-160", "smp", "classroom"], Choices(option));
        var parse = SummitsCommand.Create().Parse(["bench", "--only", "11"]);
        var error = UsageError.Of(parse.Errors.Single());
        Assert.StartsWith("--only must be one of 1 (plain grain-call rate of this silo: the ceiling), 2 (", error);
        Assert.Contains(", 7 (the Monte Carlo what-if study, in grains and in the pure model), 8 (", error);
        Assert.EndsWith(", not '11' (did you mean '1'?)", error);
    }
}
