namespace Summits.Cli.Tests;

public sealed class HelpTests
{
    [Fact]
    public async Task The_root_help_lists_the_seed_command()
    {
        var run = await SummitsProcess.RunAsync("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("summits [command] [options]", run.Output, StringComparison.Ordinal);
        Assert.Contains("\n  seed ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_root_help_names_both_models_SMP_among_them_and_how_to_run_it()
    {
        var run = await SummitsProcess.RunAsync("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        // The help wraps to the terminal's width: read it with its white space folded.
        var help = string.Join(' ', run.Output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("with two models: bargaining (what can the parties agree?) and SMP, KTAB's spatial model of politics", help, StringComparison.Ordinal);
        Assert.Contains("(run --world FILE --model smp: where will the positions converge?)", help, StringComparison.Ordinal);
        Assert.Contains("run <SCENARIO> Run a scenario, or a world with --world, in the bargaining model (proposals, shocks and rounds) or in SMP, KTAB's spatial model (--model smp)", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_help_lists_its_options()
    {
        var run = await SummitsProcess.RunAsync("seed", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("summits seed [command] [options]", run.Output, StringComparison.Ordinal);
        Assert.Contains("draft", run.Output, StringComparison.Ordinal);
        Assert.Contains("--world <FILE>", run.Output, StringComparison.Ordinal);
        Assert.Contains("--format <table|csv|json>", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--json", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_run_help_shows_no_fixed_engine_default_and_says_which_model_runs_where()
    {
        var run = await SummitsProcess.RunAsync("run", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        // run's engine follows the model (grains for bargaining, local for the spatial model), so a single
        // "[default: grains]" would be wrong for one of them: the help shows none for --engine, and its
        // sentence names both. The help wraps, so it is read with its whitespace folded.
        var help = System.Text.RegularExpressions.Regex.Replace(run.Output, @"\s+", " ");
        var engine = help[help.IndexOf("--engine <grains|local>", StringComparison.Ordinal)..];
        engine = engine[..engine.IndexOf(" -", 10, StringComparison.Ordinal)];
        Assert.DoesNotContain("[default:", engine, StringComparison.Ordinal);
        Assert.Contains("the bargaining model runs in grains and the spatial model", engine, StringComparison.Ordinal);
        Assert.DoesNotContain("--json", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--csv", run.Output, StringComparison.Ordinal);
    }
}

/// <summary>
/// Every command's <c>--help</c> at 80 and 60 columns wraps at word boundaries: it holds the same words, in the
/// same order, as the help at a width no row reaches, so no word (a default path, an option's choices) is cut;
/// and no line is wider than the terminal but one that holds a single word longer than the line.
/// </summary>
public sealed class HelpWidthTests
{
    /// <summary>Every command and subcommand, from the command line's own tree.</summary>
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>{ "" };
        void Add(System.CommandLine.Command command, string path)
        {
            foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
            {
                var name = path.Length == 0 ? sub.Name : $"{path} {sub.Name}";
                data.Add(name);
                Add(sub, name);
            }
        }
        Add(SummitsCommand.Create(), "");
        return data;
    }

    private static async Task<string> HelpAsync(string command, int columns)
    {
        var folder = Directory.CreateTempSubdirectory("summits-help-");
        try
        {
            var run = await SummitsProcess.RunInAsync(folder.FullName, [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"],
                new Dictionary<string, string> { ["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            Assert.True(run.ExitCode == 0, run.ToString());
            return run.Output;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task The_help_wraps_at_word_boundaries_at_80_and_60_columns(string command)
    {
        // At 1000 columns no row of any help wraps (the longest description is some 200 characters), so its words
        // are the help's words whole.
        var whole = (await HelpAsync(command, 1000)).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var columns in (int[])[80, 60])
        {
            var help = await HelpAsync(command, columns);
            Assert.Equal(whole, help.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
            Assert.All(help.TrimEnd('\n').Split('\n'), line =>
                Assert.True(line.Length <= columns || !line.Trim().Contains(' ', StringComparison.Ordinal), $"{line.Length} > {columns} columns: {line}"));
        }
    }

    [Fact]
    public async Task The_seed_help_keeps_its_default_world_path_whole_at_80_columns()
    {
        // The default world, 'scenarios/summits/2017-11-06-abe-trump.yaml]' (with the bracket that closes
        // '[default:', 45 characters), does not fit the 40 columns beside the options at 80 (the description column
        // starts at 40, after '--otlp-protocol <grpc|http/protobuf>', 36, and its indent and gap): it stands whole
        // on a line of its own.
        var help = await HelpAsync("seed", 80);
        Assert.Contains("scenarios/summits/2017-11-06-abe-trump.yaml]", help, StringComparison.Ordinal);
        // Beside the option it would have stood moved left, at column 37 under a description at column 41; the
        // description starts under its option instead, at column 7 (six spaces), every line of it there:
        // 6 + 45 = 51 <= 80.
        var lines = help.Split('\n').Select(l => l.TrimEnd()).ToList();
        var option = lines.IndexOf("  -w, --world <FILE>");
        Assert.True(option >= 0, help);
        Assert.Equal(["      The world file to load [default:", "      scenarios/summits/2017-11-06-abe-trump.yaml]"], lines[(option + 1)..(option + 3)]);
    }
}

/// <summary>The help of <c>--checkpoint-every</c> names the default that applies to its command.</summary>
public sealed class CheckpointHelpTests
{
    [Fact]
    public async Task The_run_help_names_the_configured_default_not_a_fixed_one()
    {
        // Left out, the option takes Summits:CheckpointEvery from appsettings.json or the environment, and 100 (every
        // 100th advance, the default chosen in architecture.md, "Checkpoints") only when neither sets it (SettingsTests
        // show the configured one applying): so "[default: 100]" would be wrong.
        var option = await OptionHelpAsync("run");

        Assert.EndsWith("(1 to 1000) [default: Summits:CheckpointEvery, else 100]", option, StringComparison.Ordinal);
        Assert.DoesNotContain("[default: 100]", option, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whatif_help_says_samples_are_kept_in_memory_without_it()
    {
        // Left out, a study's samples are kept in memory and written to no storage (CheckpointOptionTests: a study without
        // the option has no "grain state written" line); Summits:CheckpointEvery is no default of whatif's, so naming it
        // as one would be wrong.
        var option = await OptionHelpAsync("whatif");

        Assert.EndsWith("(1 to 1000) [default: none, each sample kept in memory and written to no storage]", option, StringComparison.Ordinal);
        Assert.DoesNotContain("Summits:CheckpointEvery", option, StringComparison.Ordinal);
    }

    /// <summary>The help text of <c>--checkpoint-every</c> in <paramref name="command"/>'s help, its lines joined by single spaces.</summary>
    private static async Task<string> OptionHelpAsync(string command)
    {
        var run = await SummitsProcess.RunAsync(command, "--help");
        Assert.True(run.ExitCode == 0, run.ToString());
        var help = System.Text.RegularExpressions.Regex.Replace(run.Output, @"\s+", " ");
        var start = help.IndexOf("--checkpoint-every <N>", StringComparison.Ordinal);
        var option = help[start..];
        return option[..option.IndexOf(" -", 10, StringComparison.Ordinal)];
    }
}
