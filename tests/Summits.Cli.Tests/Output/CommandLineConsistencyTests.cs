using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>
/// What every command shares: tables that fit the terminal, one <c>--format table|csv|json</c> family
/// with <c>-o</c>, <c>-q</c> and <c>-v</c>, one-line usage errors, progress only on a terminal, and one
/// note for files of an older format.
/// </summary>
public sealed class CommandLineConsistencyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-consistency-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string WhatIf(string name) => Path.Combine(SeedFiles.Root, "scenarios", "what-if", name);

    private Task<SummitsRun> Run(int? columns, params string[] arguments) =>
        SummitsProcess.RunInAsync(_folder, arguments, columns is { } c ? new Dictionary<string, string> { ["COLUMNS"] = c.ToString(System.Globalization.CultureInfo.InvariantCulture) } : null);

    /// <summary>Every command that prints tables.</summary>
    public static TheoryData<string> TableCommands() => ["whatif", "compare", "seed", "analyze", "bench"];

    /// <summary>The arguments of each command that prints tables, with an id longer than most columns that its table must print whole.</summary>
    private async Task<(string[] Arguments, string Id)> TableCommand(string command)
    {
        switch (command)
        {
            case "whatif":
                // trade-investment-standards is the topic id of 26 characters every what-if table lists.
                return (["whatif", WhatIf("trade-for-defense-package.yaml"), "--engine", "local", "--runs", "20"], "trade-investment-standards");
            case "compare":
                // The package gained in offer-package covers defense-procurement (19 characters).
                return (["compare", WhatIf("us-fta-press-or-package.yaml") + "#press-fta", WhatIf("us-fta-press-or-package.yaml") + "#offer-package", "--engine", "local"], "defense-procurement");
            case "seed":
                return (["seed"], "sectoral-cooperation-autos-life-science");
            case "analyze":
                var telemetry = Path.Combine(_folder, "run.jsonl");
                var run = await Run(null, "run", WhatIf("trade-for-defense-package.yaml"), "--engine", "local", "-q", "--telemetry", telemetry);
                Assert.True(run.ExitCode == 0, run.ToString());
                // The package's topics are proposed together and tallied under each: defense-procurement.
                return (["analyze", telemetry], "defense-procurement");
            default:
                // bench's figure 9 (memory per active world) is among the quickest; its unit is KiB.
                return (["bench", "--quick", "--only", "9"], "KiB");
        }
    }

    /// <summary>Runs a table command in a terminal <paramref name="columns"/> wide; it must succeed with no line wider.</summary>
    private async Task<(SummitsRun Run, string Id)> FittedTo(int columns, string command)
    {
        var (arguments, id) = await TableCommand(command);
        var run = await Run(columns, arguments);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(run.Output.Split('\n'), line => Assert.True(line.Length <= columns, $"{line.Length} columns: {line}"));
        return (run, id);
    }

    [Theory]
    [MemberData(nameof(TableCommands))]
    public async Task Every_table_fits_80_columns_and_keeps_its_ids_whole(string command)
    {
        var (run, id) = await FittedTo(80, command);

        var lines = run.Output.Split('\n');
        Assert.DoesNotContain("…", run.Output);
        // The id stands whole on a line: never cut, never broken at its hyphens.
        Assert.Contains(lines, line => line.Contains(id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TableCommands))]
    public async Task At_200_columns_no_column_is_left_out(string command)
    {
        var (run, id) = await FittedTo(200, command);

        Assert.DoesNotContain("left out to fit", run.Output);
        Assert.Contains(id, run.Output);
    }

    [Theory]
    [MemberData(nameof(TableCommands))]
    public async Task Format_json_prints_one_document_on_every_command_but_run(string command)
    {
        // README.md: "json ... for the others one document". A second document or a line of text after it
        // would make the whole output fail to parse as one.
        var (arguments, _) = await TableCommand(command);
        var run = await Run(null, [.. arguments, "--format", "json"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Fact]
    public async Task Run_format_json_prints_json_lines_one_object_an_event()
    {
        // README.md: "for run JSON Lines, one object a line for each event". The README's run of this
        // scenario ends "11 events": 11 lines, each an object, and the whole is not one document.
        var run = await Run(null, "run", WhatIf("trade-for-defense-package.yaml"), "--engine", "local", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(11, lines.Length);
        Assert.All(lines, line =>
        {
            using var e = System.Text.Json.JsonDocument.Parse(line);
            Assert.Equal(System.Text.Json.JsonValueKind.Object, e.RootElement.ValueKind);
        });
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(run.Output));
    }

    [Fact]
    public async Task A_run_at_80_columns_puts_the_reason_under_its_event_with_no_word_broken()
    {
        // baseline's ids alone (rnd 3, actor 5, event "expectation-passed" 18, topic
        // "trade-investment-standards" 26, value "85.13 → 89.99" ...) leave under 20 columns of 80 for
        // the reason even without cause and step: it was squeezed to 6, breaking "round 1 of 10" over
        // three lines. Now it stands whole under its event.
        var run = await Run(80, "run", WhatIf("baseline.yaml"), "--engine", "local");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(run.Output.Split('\n'), line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        Assert.Contains("\n    round 1 of 10\n", run.Output);
        Assert.Contains("under unanimity", run.Output);
    }

    [Fact]
    public async Task Compare_report_says_where_it_wrote()
    {
        var report = Path.Combine(_folder, "compare-report");
        var run = await Run(null, "compare", WhatIf("us-fta-press-or-package.yaml") + "#press-fta", WhatIf("us-fta-press-or-package.yaml") + "#offer-package",
            "--engine", "local", "-q", "--report", report);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"wrote the report to {Path.Combine(report, "report.html")} (with report.md and the CSVs)\n", run.Error.ReplaceLineEndings("\n"));
        Assert.True(File.Exists(Path.Combine(report, "report.html")));
    }

    [Fact]
    public async Task Analyze_leaves_out_timing_first_at_80_columns_and_names_what_it_left_out_in_the_tables_order()
    {
        var (arguments, _) = await TableCommand("analyze");
        var run = await Run(80, arguments);

        // Twelve columns do not fit 80: the header words alone need more. No column wraps, so each is at least its
        // longest header word or its widest cell: proposals made 9 ("proposals"), proposals received 9, acceptance 10,
        // moves 5, mean move 6 (a cell such as "0.3192"), largest move 7, agreements 10, strains 7, breaches 8, and the
        // two timing columns 11 each ("ms/proposal"), 93 in all. With the key and 11 gutters of 2: the topic table's key
        // is "defense-procurement", 19, so 19 + 93 + 22 = 134; the actor table's is "actor", 5, so 120. Left out by rank,
        // each with its gutter: p95 ms/proposal (13) and mean ms/proposal (13), the timing first, then largest move
        // (9) and strains (9): the actor table is at 120 - 44 = 76, which fits; the topic table at 134 - 44 = 90 also
        // leaves out breaches (10) to reach 80. Each note names them in the table's order, the timing last.
        Assert.True(run.ExitCode == 0, run.ToString());
        var output = System.Text.RegularExpressions.Regex.Replace(run.Output, @"\s+", " ");
        Assert.Contains("(left out to fit 80 columns: largest move, strains, breaches, mean ms/proposal and p95 ms/proposal; --format csv has every column)", output);
        Assert.Contains("(left out to fit 80 columns: largest move, strains, mean ms/proposal and p95 ms/proposal; --format csv has every column)", output);
    }

    [Fact]
    public async Task Quiet_on_a_200_by_50_world_prints_the_summary_not_each_moved_position()
    {
        var world = Path.Combine(_folder, "large.yaml");
        var generate = await Run(null, "generate", "--actors", "200", "--topics", "50", "--seed", "7", "-o", world);
        Assert.True(generate.ExitCode == 0, generate.ToString());

        var run = await Run(null, "run", "--world", world, "--rounds", "2", "--engine", "local", "-q");

        // 200 actors x 50 topics = 10,000 positions; the summary counts the moved ones and lists the 3 largest moves
        // instead of every one, and lists at most 5 agreements with the rest counted: under 50 lines (RunOutputTests).
        Assert.True(run.ExitCode == 0, run.ToString());
        // The line may wrap at 100 columns (five-digit counts make it 100 or more), so its words are compared with the breaks folded.
        Assert.Matches(@"Positions that moved since the start: \d+ of 10000; the 3 largest moves \(-v normal lists them all\):", System.Text.RegularExpressions.Regex.Replace(run.Output, @"\s+", " "));
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length < 50, $"{lines.Length} lines under -q:\n{string.Join('\n', lines.Take(40))}");
    }

    [Fact]
    public async Task Each_verbosity_prints_more_than_the_one_below()
    {
        string[] scenario = ["run", WhatIf("trade-for-defense-package.yaml"), "--engine", "local"];
        var quiet = await Run(null, [.. scenario, "-v", "quiet"]);
        var minimal = await Run(null, [.. scenario, "-v", "minimal"]);
        var normal = await Run(null, [.. scenario, "-v", "normal"]);
        var detailed = await Run(null, [.. scenario, "-v", "detailed"]);
        var diagnostic = await Run(null, [.. scenario, "-v", "diag"]);

        Assert.All([quiet, minimal, normal, detailed, diagnostic], r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.Equal("", quiet.Output);
        // minimal: the summary with the moved positions counted and the largest 3 listed; the README's run of this
        // scenario lists 2 moved (JP on trade-imbalance and on defense-procurement) of its 32 positions (16 topics x 2
        // actors), both within the 3, so both are listed.
        Assert.Contains("Positions that moved since the start: 2 of 32:\n", minimal.Output);
        Assert.Equal(2, minimal.Output.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^  (trade-imbalance|defense-procurement) +JP ")));
        Assert.DoesNotContain("before → after", minimal.Output);
        // normal: the timeline and the moved positions listed.
        Assert.Contains("Positions that moved since the start\n", normal.Output);
        Assert.DoesNotContain("Every position at the end", normal.Output);
        // detailed: every final position, moved or not: the 30 unmoved among them marked unchanged.
        Assert.Contains("Every position at the end, 2 of 32 moved since the start", detailed.Output);
        Assert.Equal(30, detailed.Output.Split('\n').Count(l => l.EndsWith("(unchanged)", StringComparison.Ordinal)));
        // diagnostic: what detailed prints, then the time and memory on standard error.
        Assert.Equal(detailed.Output, diagnostic.Output);
        Assert.Matches(@"summits run: exit 0 after \d+\.\d\d s; peak working set \d+ MiB", diagnostic.Error);
        Assert.DoesNotContain("peak working set", detailed.Error);
    }

    [Theory]
    // Each with the files it cannot run without, named but not there: an argument left out would be said first
    // (ParseErrorTests), and a file that is not there is looked for only once the command line parses.
    [InlineData("run", new[] { "nothing.yaml" })]
    [InlineData("whatif", new[] { "nothing.yaml" })]
    [InlineData("compare", new[] { "nothing.yaml", "nothing.yaml" })]
    [InlineData("seed", new string[0])]
    [InlineData("analyze", new[] { "nothing.jsonl" })]
    [InlineData("bench", new string[0])]
    public async Task A_bad_format_is_one_line_naming_the_choices(string command, string[] files)
    {
        // The option's mistake is said before the file that is not there.
        var run = await Run(null, [command, .. files, "--format", "yaml"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"summits {command}: error: --format must be one of table, csv or json, not 'yaml' (see 'summits {command} --help')\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("--parallel", "x", "summits whatif: error: --parallel must be a whole number from 1 to 1000, not 'x' (see 'summits whatif --help')")]
    // "Grains" differs from grains only in case, so it is grains (OptionChoicesTests); "grain" is no choice.
    [InlineData("--engine", "grain", "summits whatif: error: --engine must be one of grains or local, not 'grain' (did you mean 'grains'?) (see 'summits whatif --help')")]
    [InlineData("-v", "loud", "summits whatif: error: --verbosity must be one of q, quiet, m, minimal, n, normal, d, detailed, diag or diagnostic, not 'loud' (see 'summits whatif --help')")]
    public async Task Every_usage_error_is_one_line_with_exit_2(string option, string value, string expected)
    {
        var run = await Run(null, "whatif", WhatIf("baseline.yaml"), option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected + "\n", run.Error.ReplaceLineEndings("\n"));
    }

    /// <summary>The pointers every command that prints tables gives for the spellings the format family replaced.</summary>
    private const string Json = "--json is no longer taken; use --format json";
    private const string Csv = "--csv is no longer taken; use -o DIR (--output) to write the files, or --format csv to print the tables";
    private const string Text = "--format text is no longer taken; use --format table";

    [Theory]
    // Every retired spelling on each of the six commands with --format. Before, run and analyze had no such
    // option: run said "Unrecognized command or argument '--json'", and analyze took --json for a file name
    // ("--json:1:1: no such file").
    [InlineData("run", "--json", Json)]
    [InlineData("run", "--csv /tmp/x", Csv)]
    [InlineData("run", "--format text", Text)]
    [InlineData("whatif", "--json", Json)]
    [InlineData("whatif", "--csv /tmp/x", Csv)]
    [InlineData("compare", "--json", Json)]
    [InlineData("compare", "--csv /tmp/x", Csv)]
    [InlineData("seed", "--json", Json)]
    [InlineData("seed", "--format text", Text)]
    [InlineData("seed", "--csv DIR", Csv)]
    [InlineData("analyze", "--json", Json)]
    [InlineData("analyze", "--csv DIR", Csv)]
    [InlineData("bench", "--json", Json)]
    [InlineData("bench", "--csv DIR", Csv)]
    public async Task An_old_spelling_is_refused_with_the_new_one(string command, string old, string pointer)
    {
        string[] arguments = command switch
        {
            "run" or "whatif" => [command, WhatIf("baseline.yaml")],
            "compare" => ["compare", WhatIf("baseline.yaml"), WhatIf("baseline.yaml")],
            "analyze" => ["analyze", Path.Combine(_folder, "none.jsonl")],
            _ => [command],
        };
        var run = await Run(null, [.. arguments, .. old.Split(' ')]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"summits {command}: error: {pointer} (see 'summits {command} --help')\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Every_command_with_format_refuses_every_retired_spelling()
    {
        // The refusals are added in one place to every command that has --format: the help of each shows
        // --format and hides the retired options.
        foreach (var command in new[] { "run", "whatif", "compare", "seed", "analyze", "bench" })
        {
            var help = await Run(null, command, "--help");
            Assert.Contains("--format <table|csv|json>", help.Output);
            Assert.DoesNotContain("--json", help.Output);
            Assert.DoesNotContain("--csv", help.Output);
        }
        Assert.Equal(["--json", "--csv", "--format text"], Commands.RetiredOptions.Values.Select(r => r.Old));
    }

    [Theory]
    // Usage errors a command finds itself, after parsing, end with the same pointer to its help as the parser's; a
    // number out of range is the parser's (OptionNumbersTests) and reads the same.
    [InlineData(new[] { "whatif", "BASELINE", "--runs", "0" }, "summits whatif: error: --runs must be a whole number from 1 to 1000000, not 0 (see 'summits whatif --help')")]
    [InlineData(new[] { "run", "BASELINE", "--seed", "x" }, "summits run: error: --seed must be a whole number from 0 to 18446744073709551615, not 'x' (see 'summits run --help')")]
    [InlineData(new[] { "run" }, ShippedFileLists.RunWithoutAFile)]
    [InlineData(new[] { "generate", "--actors", "1", "--topics", "3", "--seed", "1" }, "summits generate: error: --actors must be a whole number from 2 to 5000, not 1 (see 'summits generate --help')")]
    public async Task A_commands_own_usage_error_points_at_its_help(string[] arguments, string expected)
    {
        var run = await Run(null, [.. arguments.Select(a => a == "BASELINE" ? WhatIf("baseline.yaml") : a)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected + "\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Analyze_format_csv_prints_both_tables_and_writes_none()
    {
        var (arguments, _) = await TableCommand("analyze");
        var run = await Run(null, [.. arguments, "--format", "csv"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Equal("# topics.csv", lines[0]);
        Assert.StartsWith("topic,proposals_made,proposals_received,acceptance,", lines[1]);
        var actors = Array.IndexOf(lines, "# actors.csv");
        Assert.True(actors > 2, run.Output);
        Assert.Equal("", lines[actors - 1]);
        Assert.StartsWith("actor,proposals_made,", lines[actors + 1]);
    }

    [Fact]
    public async Task Seed_and_compare_take_quiet_verbosity_and_output()
    {
        var seed = await Run(null, "seed", "-q", "-o", Path.Combine(_folder, "seed"));
        Assert.True(seed.ExitCode == 0, seed.ToString());
        // The seeded world: 4 actors, 16 topics, 2 positions on each (32), and 10 agreements.
        Assert.Equal("world abe-trump-2017-11-06: 4 actors, 16 topics, 32 positions, 10 agreements\n", seed.Output);
        Assert.Equal(33, File.ReadAllLines(Path.Combine(_folder, "seed", "positions.csv")).Length);

        var compare = await Run(null, "compare", WhatIf("us-fta-press-or-package.yaml") + "#press-fta", WhatIf("us-fta-press-or-package.yaml") + "#offer-package",
            "--engine", "local", "-v", "quiet", "-o", Path.Combine(_folder, "compare"));
        Assert.True(compare.ExitCode == 0, compare.ToString());
        Assert.Equal("", compare.Output);
        Assert.Equal("", compare.Error);
        // docs/whatif.md's comparison: the package gained on bilateral-fta and defense-procurement.
        Assert.Equal(3, File.ReadAllLines(Path.Combine(_folder, "compare", "agreements.csv")).Length);
    }

    /// <summary>Every command that writes a file or a folder; migrate rewrites the files it is given in place, so it alone has no -o.</summary>
    public static TheoryData<string> WritingCommands() =>
        ["run", "whatif", "compare", "seed", "analyze", "bench", "generate", "seed draft", "import ktab", "export ktab", "exercise", "migrate"];

    [Theory]
    [MemberData(nameof(WritingCommands))]
    public async Task Every_command_that_writes_has_output_verbosity_and_quiet(string command)
    {
        var help = await Run(null, [.. command.Split(' '), "--help"]);

        Assert.True(help.ExitCode == 0, help.ToString());
        var options = help.Output.Split('\n').Select(l => l.TrimStart()).ToList();
        Assert.Contains(options, l => l.StartsWith("-v, --verbosity <LEVEL>", StringComparison.Ordinal));
        Assert.Contains(options, l => l.StartsWith("-q, --quiet", StringComparison.Ordinal));
        if (command == "migrate")
            Assert.DoesNotContain(options, l => l.StartsWith("-o,", StringComparison.Ordinal));
        else
            Assert.Contains(options, l => l.StartsWith("-o, ", StringComparison.Ordinal));
    }

    private static string Source(params string[] parts) => Path.Combine([SeedFiles.Root, "scenarios", .. parts]);

    [Fact]
    public async Task Generate_import_and_export_say_only_where_they_wrote_at_q_and_nothing_at_quiet()
    {
        var world = Path.Combine(_folder, "g.yaml");
        var table = Path.Combine(_folder, "g.csv");
        var back = Path.Combine(_folder, "i.yaml");
        string[] generate = ["generate", "--actors", "3", "--topics", "2", "--seed", "1", "-o", world];

        // At the default level the line names the counts: 3 actors, 2 topics, one position each (3 × 2 = 6).
        // The line is on standard error, where every command names the files it wrote; standard output is empty.
        var normal = await Run(null, generate);
        Assert.Equal($"wrote {world}: 3 actors, 2 topics, 6 positions\n", normal.Error);
        Assert.Equal("", normal.Output);
        // -q (-v minimal): where it went, without the counts; -v quiet: nothing at all, the file still written.
        var q = await Run(null, [.. generate, "-q"]);
        Assert.Equal($"wrote {world}\n", q.Error);
        Assert.Equal("", q.Output);
        File.Delete(world);
        var quiet = await Run(null, [.. generate, "-v", "quiet"]);
        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.Equal("", quiet.Output);
        Assert.Equal("", quiet.Error);
        Assert.True(File.Exists(world));

        // export ktab: one header line, a scenario line, then one row per actor (3); import ktab reads it back.
        var export = await Run(null, "export", "ktab", world, "-q", "-o", table);
        Assert.True(export.ExitCode == 0, export.ToString());
        // The wrote line is the last on standard error, after the export's warning of what a KTAB table cannot hold.
        Assert.Equal($"wrote {table}", export.ErrorLines[^1]);
        Assert.Equal("", export.Output);
        var exportQuiet = await Run(null, "export", "ktab", world, "-v", "q", "-o", table);
        Assert.Equal("", exportQuiet.Output);
        Assert.DoesNotContain("wrote", exportQuiet.Error);
        var import = await Run(null, "import", "ktab", table, "-q", "-o", back);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Equal($"wrote {back}", import.ErrorLines[^1]);
        Assert.Equal("", import.Output);
        var importQuiet = await Run(null, "import", "ktab", table, "-v", "quiet", "-o", back);
        Assert.Equal("", importQuiet.Output);
        Assert.Equal("", importQuiet.Error);
    }

    [Fact]
    public async Task Seed_draft_at_q_and_quiet_counts_the_lines_not_drafted_in_one_line()
    {
        var briefing = Source("sources", "abe-trump-summit-2017-11-06.txt");
        var draft = Path.Combine(_folder, "draft.yaml");

        // The readout's lines not drafted are 1, 4, 6 and 9 and the three bullets: 7 (WorldCommandsTests), each on a
        // line of its own at the default level; the things to check are the two sentences with no subject's word
        // (lines 24 and 64), the 10 joint sentences drafted on a topic of their own because Abe or Trump also
        // speaks alone on their subject's topic, and the two sentences put under north-korea by its terms alone
        // ("maximum pressure" on line 18, "options on the table" on line 27; neither names North Korea): 14, also each
        // on a line of its own.
        var normal = await Run(null, "seed", "draft", briefing, "-o", draft);
        Assert.Equal(7, normal.ErrorLines.Count(l => l.Contains(": not drafted: ", StringComparison.Ordinal)));
        Assert.Equal(2, normal.ErrorLines.Count(l => l.Contains(": no topic: ", StringComparison.Ordinal)));
        Assert.Equal(10, normal.ErrorLines.Count(l => l.Contains(": joint, on a topic of its own: ", StringComparison.Ordinal)));
        Assert.Equal([$"{briefing}:18:175", $"{briefing}:27:6"], normal.ErrorLines.Where(l => l.Contains(": check the topic: ", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(": check", StringComparison.Ordinal)]));
        var expected = $"{briefing}: 7 lines or sentences not drafted and 14 things to check (-v normal lists each with its place and reason)";
        foreach (var level in new[] { new[] { "-q" }, ["-v", "quiet"] })
        {
            var run = await Run(null, ["seed", "draft", briefing, "-o", draft, .. level]);
            Assert.True(run.ExitCode == 0, run.ToString());
            // The count line, then at -q where the draft went: both on standard error, nothing on standard output.
            Assert.Equal(level[0] == "-q" ? [expected, $"wrote {draft}"] : [expected], run.ErrorLines);
            Assert.Equal("", run.Output);
        }
    }

    [Fact]
    public async Task Exercise_with_answers_prints_the_one_line_total_at_q_and_nothing_at_quiet()
    {
        string[] play = ["exercise", Source("exercises", "trade-for-defence.yaml"), "--answers", Source("exercises", "answers", "trade-for-defence-jp.yaml"), "--engine", "local", "-o", Path.Combine(_folder, "debrief")];

        // The sample answers score 2 + 0 + 5 + 10 = 17 (worked in ExercisePlayTests). -q (-v minimal) is the one-line
        // summary every command prints at that level: the exercise, the role and the total, no score lines, no tables;
        // where the files went follows on standard error.
        var q = await Run(200, [.. play, "-q"]);
        Assert.True(q.ExitCode == 0, q.ToString());
        Assert.Equal("trade-for-defence JP: total 17\n", q.Output);
        Assert.Equal($"wrote grading.csv to {Path.Combine(_folder, "debrief")}\n", q.Error);

        // -v quiet: errors only, nothing on standard output, as for every command; the grading is still written whole
        // (a header, four score lines and the total: 6 lines).
        var quiet = await Run(200, [.. play, "-v", "quiet"]);
        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.Equal("", quiet.Output);
        Assert.Equal("", quiet.Error);
        Assert.Equal(6, File.ReadAllLines(Path.Combine(_folder, "debrief", "grading.csv")).Length);
    }

    [Fact]
    public async Task Migrate_at_q_says_one_line_a_file_and_at_quiet_nothing()
    {
        const string formatOne = "world: w\ntitle: W\nactors:\n  - { id: A, name: A, capability: 0.5 }\n  - { id: B, name: B, capability: 0.5 }\ntopics:\n  - { id: t, title: T, scale: { low: l, middle: m, high: h } }\n";
        var world = Path.Combine(_folder, "w.yaml");
        File.WriteAllText(world, formatOne);

        // At the default level the file's line is followed by "  line 1: added 'format: 2'"; -q leaves that out.
        var q = await Run(null, "migrate", world, "-q");
        Assert.True(q.ExitCode == 0, q.ToString());
        Assert.Equal($"{world}: format 1 → 2\n", q.Output);

        File.WriteAllText(world, formatOne);
        var quiet = await Run(null, "migrate", world, "-v", "quiet");
        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.Equal("", quiet.Output);
        Assert.StartsWith("format: 2\nworld: w\n", File.ReadAllText(world));
        // --check at quiet still tells by its exit code: a format 1 file is pending, so 1, with nothing printed.
        File.WriteAllText(world, formatOne);
        var check = await Run(null, "migrate", "--check", world, "-v", "quiet");
        Assert.Equal(1, check.ExitCode);
        Assert.Equal("", check.Output);
    }

    [Fact]
    public async Task Whatif_draws_no_progress_when_standard_error_is_not_a_terminal()
    {
        var run = await Run(null, "whatif", WhatIf("trade-for-defense-package.yaml"), "--engine", "local", "--runs", "30");

        Assert.True(run.ExitCode == 0, run.ToString());
        // Standard error is a pipe here: no bar, no carriage returns; only the one line of timing.
        Assert.DoesNotContain("[#", run.Error);
        Assert.DoesNotContain("\r", run.Error);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("trade-for-defense-package: 30 runs in ", line);

        var quiet = await Run(null, "whatif", WhatIf("trade-for-defense-package.yaml"), "--engine", "local", "--runs", "30", "-q");
        Assert.Equal("", quiet.Error);
    }

    [Theory]
    [InlineData("-q")]
    [InlineData("--quiet")]
    [InlineData("-v", "quiet")]
    [InlineData("-v", "q")]
    [InlineData("-v", "minimal")]
    public async Task Quiet_and_minimal_leave_out_the_format_1_note_alike(params string[] level)
    {
        // One definition of quiet: -q is -v minimal, and a note (not an error, not a result) is printed only
        // from -v normal up. The format-1 scenario below runs one round on the seeded world and makes no
        // expectation, so at each of these levels standard error holds nothing at all; at the default
        // level it holds the one note.
        var scenario = Path.Combine(_folder, "old.yaml");
        File.WriteAllText(scenario, $"scenario: old\nworld: {SeedFiles.World}\nsteps:\n  - rounds: 1\n");

        var quiet = await Run(null, ["run", scenario, "--engine", "local", .. level]);
        var normal = await Run(null, "run", scenario, "--engine", "local");

        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.Equal("", quiet.Error);
        Assert.StartsWith($"summits run: note: {scenario} is format 1", Assert.Single(normal.ErrorLines));
    }

    [Fact]
    public async Task Format_1_files_give_one_note_however_often_they_load()
    {
        // A format-1 world and a format-1 scenario on it; compare loads the scenario twice and the world
        // twice, yet says one line, naming both files and migrate.
        var world = Path.Combine(_folder, "w.yaml");
        File.WriteAllText(world, File.ReadAllText(SeedFiles.World).Replace("format: 2\n", "", StringComparison.Ordinal)
            .Replace("source: ../sources/", $"source: {Path.Combine(SeedFiles.Root, "scenarios", "sources")}/", StringComparison.Ordinal));
        var scenario = Path.Combine(_folder, "s.yaml");
        File.WriteAllText(scenario, "scenario: s\nworld: w.yaml\nsteps:\n  - rounds: 1\n");

        var run = await Run(null, "compare", scenario, scenario, "--engine", "local");

        Assert.True(run.ExitCode == 0, run.ToString());
        var note = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"summits compare: note: {world} is format 1", note);
        Assert.Contains($"; and {scenario} is format 1", note);
        Assert.EndsWith($"'summits migrate {scenario}' marks it format 2", note);
    }
}
