using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>What <c>summits run</c> and <c>whatif</c> print: widths, formats, verbosity, forks, and options that do not apply.</summary>
public sealed class RunOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("summits-output-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string WhatIf(string name) => Path.Combine(SeedFiles.Root, "scenarios", "what-if", name);

    private Task<SummitsRun> Run(IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        SummitsProcess.RunInAsync(_folder, arguments, environment);

    [Fact]
    public async Task The_table_fits_80_columns_and_cuts_no_id()
    {
        // baseline's round offers are caused by 'bargain.r1.north-korea-sanctions' (32 characters): the old
        // layout cut it to 'bargain.r1.north-kore…'. At 80 columns each event stands as a block, and the line of its
        // step, round, actor, event and cause has room for the cause whole.
        var run = await Run(new Dictionary<string, string> { ["COLUMNS"] = "80" }, "run", WhatIf("baseline.yaml"), "--engine", "local");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        Assert.DoesNotContain("…", run.Output);
        Assert.Contains("north-korea-sanctions", run.Output);
        Assert.Contains("bargain.r1.north-korea-sanctions", run.Output);
        Assert.DoesNotContain("left out to fit", run.Output);
    }

    [Theory]
    [InlineData(80, new[] { "step     rnd  actor  event               cause", "  topic                value" }, false)]
    [InlineData(60, new[] { "step     rnd  actor  event", "  topic                value" }, true)]
    public async Task A_narrow_table_keeps_the_step_that_tells_two_proposals_apart_and_leaves_out_only_the_cause(int columns, string[] header, bool causeLeftOut)
    {
        // us-presses-bilateral-fta's widest cells, from its timeline: step 7 ('fta-ask'), rnd 3 (the header),
        // actor 5 (the header), event 18 ('expectation-passed'), topic 19 ('defense-procurement', a package's
        // topics one to a line), value 13 ('20.91 → 21.81'), cause 34 ('bargain.r5.trade-imbalance.counter'),
        // each followed by a gutter of 2 but the last. Side by side with a reason of at least 20 columns: without
        // the cause 9 + 5 + 7 + 20 + 21 + 15 + 20 = 97 > 80, so each event stands as a block: its step, round,
        // actor, event and cause on a line, 9 + 5 + 7 + 20 + 34 = 75 <= 80, so at 80 the cause stays; at 60 that
        // line is too wide and the cause is left out (9 + 5 + 7 + 18 = 39 <= 60). Each topic goes on the next line
        // after two spaces, beside its value: 2 + 21 + 13 = 36, within either width. The step is always shown.
        var run = await Run(new Dictionary<string, string> { ["COLUMNS"] = columns.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "run", WhatIf("us-presses-bilateral-fta.yaml"), "--engine", "local");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        var top = Array.FindIndex(lines, line => line.StartsWith("step ", StringComparison.Ordinal));
        Assert.True(top >= 0, run.Output);
        Assert.Equal([.. header, "    why"], lines[top..(top + header.Length + 1)]);
        Assert.All(lines, line => Assert.True(line.Length <= columns, $"{line.Length} columns: {line}"));
        // The note under the table, read as one line (it wraps at 60: 65 characters), says where every field is.
        Assert.Equal(causeLeftOut, System.Text.RegularExpressions.Regex.Replace(run.Output, @"\s+", " ").Contains(
            $"(left out to fit {columns} columns: cause; --format csv has every field)", StringComparison.Ordinal));
        Assert.DoesNotContain("cause, step", run.Output.Replace("\n", " ", StringComparison.Ordinal));
        // Two round offers of the same round are told apart by their step: the first row of the ask is 'fta-ask'.
        Assert.Contains(lines, line => line.StartsWith("fta-ask  ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wide_terminal_shows_every_column_with_whole_ids()
    {
        var run = await Run(new Dictionary<string, string> { ["COLUMNS"] = "200" }, "run", WhatIf("baseline.yaml"), "--engine", "local");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("bargain.r1.north-korea-sanctions", run.Output);
        Assert.Contains("bargain.r10.bilateral-fta", run.Output);
        Assert.DoesNotContain("left out to fit", run.Output);
    }

    [Fact]
    public async Task Format_csv_prints_a_header_and_one_row_an_event()
    {
        var output = Path.Combine(_folder, "csv");
        var run = await Run(null, "run", WhatIf("trade-for-defense-package.yaml"), "--engine", "local", "--format", "csv", "-o", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = run.Output.TrimEnd('\n').Split('\n');
        // The columns of docs/scenarios.md: the eleven it always had, in their places, then the agreement's three.
        Assert.Equal("seq,step,round,actor,event,topic,before,after,terms,cause,why,agreement,parties,agreed", rows[0]);
        // One row per line of timeline.jsonl (11 events, as the README's run of this scenario shows).
        Assert.Equal(File.ReadAllLines(Path.Combine(output, "timeline.jsonl")).Length, rows.Length - 1);
        Assert.Equal(11, rows.Length - 1);
        // A proposal is no agreement's event: its last three cells are empty.
        Assert.Equal("4,package,,US,proposal,defense-procurement+trade-imbalance,,,defense-procurement=75 trade-imbalance=50,package,proposal to JP under unanimity,,,", rows[4]);
    }

    [Fact]
    public async Task Format_csv_carries_an_agreement_made_its_id_and_parties()
    {
        var run = await Run(null, "run", WhatIf("trade-for-defense-package.yaml"), "--engine", "local", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = run.Output.TrimEnd('\n').Split('\n');
        // Worked from the scenario: trade-alone gives 3 events (the US's proposal, Japan's reject, Japan's move on the
        // trade imbalance); package gives the proposal (4), Japan's accept (5), its moves on the package's two topics
        // (6, 7) and the agreement made (8). The agreement takes the proposal's id, 'package'; its parties are the
        // proposer and then its recipient, US then JP, separated by a space; its values are in terms, so agreed is empty.
        Assert.Equal("8,package,,,agreement-made,defense-procurement+trade-imbalance,,,defense-procurement=75 trade-imbalance=50,package,"
            + "accepted by US and JP under unanimity,package,US JP,", rows[8]);
        // Read as RFC 4180 reads it, the header and the 11 events (8 above and the three expectations) are 12 records,
        // each of the header's 14 cells; the three expectations have no agreement's cells either.
        var records = CsvRecords.Of(run.Output);
        Assert.Equal(12, records.Count);
        Assert.All(records, record => Assert.Equal(14, record.Length));
        Assert.All(records[9..], record => Assert.Equal(["", "", ""], record[11..]));
    }

    [Fact]
    public void A_timeline_row_quotes_a_branch_name_as_every_other_cell()
    {
        // A branch name is an id, so a real one needs no quotes; one with a comma and a quote, as no fork can name, shows
        // that the branch cell goes through the same quoting as the rest: x,"y" → "x,""y""" (its quotes doubled, then
        // enclosed), followed by the 14 cells of the event, seq 1 and step s, the rest empty but the cause c.
        var text = new StringWriter();
        Summits.Cli.Output.TimelineCsv.Write(text, new Summits.Model.TimelineEvent(1, "s", null, Summits.Model.EventKind.Move, null, null, null, null, "c", null), "x,\"y\"");

        Assert.Equal("\"x,\"\"y\"\"\",1,s,,,move,,,,,c,,,,\n", text.ToString());
        Assert.Equal(15, Assert.Single(CsvRecords.Of(text.ToString())).Length);
    }

    [Fact]
    public async Task Format_csv_of_a_fork_puts_each_rows_branch_first()
    {
        var run = await Run(null, "run", WhatIf("us-fta-press-or-package.yaml"), "--engine", "local", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        var records = CsvRecords.Of(run.Output);
        // The header gains 'branch' first: 15 cells, and so has every row.
        Assert.Equal(["branch", .. "seq,step,round,actor,event,topic,before,after,terms,cause,why,agreement,parties,agreed".Split(',')], records[0]);
        Assert.All(records, record => Assert.Equal(15, record.Length));
        // The branches run in the fork's order, each from the shared opening, so each begins at seq 1 with the US's ask
        // for an FTA at 80 to JP alone, a proposal under unanimity, the default rule.
        var branches = records.Skip(1).Select(r => r[0]).ToList();
        Assert.Equal(["press-fta", "offer-package"], branches.Distinct());
        Assert.True(branches.IndexOf("offer-package") > branches.LastIndexOf("press-fta"), string.Join(" ", branches));
        string[] ask = ["1", "fta-ask", "", "US", "proposal", "bilateral-fta", "", "", "bilateral-fta=80", "fta-ask", "proposal to JP under unanimity", "", "", ""];
        Assert.Equal(["press-fta", .. ask], records[1]);
        Assert.Equal(["offer-package", .. ask], records[branches.IndexOf("offer-package") + 1]);
        // offer-package's agreement, made from its proposal 'package' by US and JP on the two topics of its terms (in the
        // topics' order, as trade-for-defense-package's are). Its seq: the opening gives the ask (1), Japan's reject (2),
        // Japan's move on the FTA (3) and the expectation (4); the package gives the proposal (5), Japan's accept (6), its
        // moves on the two topics (7, 8) and the agreement made (9), as trade-for-defense-package's package does.
        var made = Assert.Single(records, r => r[5] == "agreement-made");
        Assert.Equal(["offer-package", "9", "package", "", "", "agreement-made", "bilateral-fta+defense-procurement", "", "",
            "bilateral-fta=35 defense-procurement=75", "package", "accepted by US and JP under unanimity", "package", "US JP", ""], made);
    }

    [Fact]
    public async Task Format_csv_carries_a_strained_agreement_and_the_value_it_agreed()
    {
        var run = await Run(null, "run", WhatIf("china-role-shift.yaml"), "--engine", "local", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = run.Output.TrimEnd('\n').Split('\n');
        // Worked from the scenario and the world: the shock is event 1, its first change moves the US 30 down from 65
        // to 35 on china-role (event 2), and the US, now 62 - 35 = 27 from the seeded china-constructive-dialogue at 62
        // between JP and US (the world file's order of parties), is past its window of 5 + 45 * (1 - 0.75) = 16.25
        // points (window-min + window-span * (1 - salience)), so event 3 strains it; a change of status carries the
        // agreed value, 62. Its reason holds commas, so the cell is quoted.
        var strained = Assert.Single(rows, row => row.Contains(",agreement-strained,", StringComparison.Ordinal));
        Assert.Equal("3,trade-dispute,,US,agreement-strained,china-role,,,,trade-dispute,"
            + "\"china-constructive-dialogue: US now at 35, 27 from the agreed 62 (window 16.25)\",china-constructive-dialogue,JP US,62", strained);
    }

    [Fact]
    public async Task Compare_json_names_each_side_by_its_path_as_given_folder_and_branch_included()
    {
        // The sides as written on the command line: a full path, and a path with the branch of a fork. Before,
        // "a" was the file name alone ("baseline.yaml"), and two files of one name in two folders looked the same.
        var a = WhatIf("baseline.yaml");
        var b = WhatIf("us-fta-press-or-package.yaml") + "#press-fta";
        var run = await Run(null, "compare", a, b, "--engine", "local", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.Equal(a, document.RootElement.GetProperty("a").GetString());
        Assert.Equal(b, document.RootElement.GetProperty("b").GetString());
    }

    /// <summary>
    /// A <c>state.json</c> as <c>summits run -o</c> writes one, holding nothing but <paramref name="forecast"/> (a JSON
    /// object's members, or none for a run of the bargaining model), written as <c>NAME/state.json</c>.
    /// </summary>
    private string State(string name, string? forecast)
    {
        Directory.CreateDirectory(Path.Combine(_folder, name));
        var path = Path.Combine(name, "state.json");
        var members = forecast is null ? "" : $",\"forecast\":{{{forecast}}}";
        File.WriteAllText(Path.Combine(_folder, path), "{\"summits\":\"0.1.0\",\"scenario\":\"" + name
            + "\",\"about\":\"\",\"world\":\"w\",\"seed\":0,\"parameters\":{},\"events\":0,\"failures\":0,\"positions\":[],\"agreements\":[],\"analysis\":[],\"bargaining\":[]" + members + "}");
        return path;
    }

    [Fact]
    public async Task Compare_writes_the_forecasts_to_forecasts_csv_and_prints_them_as_csv_only_when_a_side_ran_the_spatial_model()
    {
        // Two spatial-model runs of worlds that share two topics. By hand, a row per topic in ordinal order, a and b
        // written whole and delta = b − a:
        //   t1  60.25 → 59.75     59.75 − 60.25 = −0.5
        //   t2  40 → 42.125       42.125 − 40 = 2.125 (the table's +2.125, without its "+")
        //   t3  B alone, 12.34567 (the table's 12.3457): A's cell and the delta empty
        //   t4  A alone, 70: B's cell and the delta empty
        var a = State("a", "\"t2\":40,\"t1\":60.25,\"t4\":70");
        var b = State("b", "\"t1\":59.75,\"t2\":42.125,\"t3\":12.34567");
        const string forecasts = "topic,a,b,delta\nt1,60.25,59.75,-0.5\nt2,40,42.125,2.125\nt3,,12.34567,\nt4,70,,\n";

        var written = await Run(null, "compare", a, b, "-o", "out");

        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.Equal(forecasts, File.ReadAllText(Path.Combine(_folder, "out", "forecasts.csv")));
        Assert.Equal("wrote comparison.json, agreements.csv, positions.csv and forecasts.csv to out", written.ErrorLines[^1]);
        // The table shows the same rows, "none" where the CSV's cell is empty and the change as shown: the topic in
        // 26 columns, A right-aligned in 7, B left-aligned in 7.
        Assert.Contains("  t3" + new string(' ', 24) + "    none → 12.3457\n", written.Output);
        Assert.Contains("  t2" + new string(' ', 24) + "      40 → 42.125  (+2.125)\n", written.Output);

        // --format csv prints each file -o writes under its name, the forecasts last, byte for byte.
        var printed = await Run(null, "compare", a, b, "--format", "csv");
        Assert.True(printed.ExitCode == 0, printed.ToString());
        Assert.Equal("# agreements.csv\nchange,agreement,topic,value_a,value_b,status_a,status_b\n\n# positions.csv\ntopic,actor,a,b,delta\n\n# forecasts.csv\n" + forecasts,
            printed.Output);

        // Two bargaining runs forecast nothing: no forecasts.csv, and the one written before leaves with the old set.
        var c = State("c", null);
        var bargaining = await Run(null, "compare", c, c, "-o", "out", "--format", "csv");
        Assert.True(bargaining.ExitCode == 0, bargaining.ToString());
        Assert.False(File.Exists(Path.Combine(_folder, "out", "forecasts.csv")));
        Assert.Equal("wrote comparison.json, agreements.csv and positions.csv to out", bargaining.ErrorLines[^1]);
        Assert.DoesNotContain("forecasts", bargaining.Output);
    }

    [Fact]
    public async Task Quiet_prints_only_the_summary_and_verbosity_quiet_prints_nothing()
    {
        var quiet = await Run(null, "run", WhatIf("trade-for-defense-package.yaml"), "--engine", "local", "-q");
        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.DoesNotContain("before → after", quiet.Output);
        Assert.Contains("11 events, seed 11. Expectations: 3 passed, 0 failed.", quiet.Output);

        var silent = await Run(null, "run", WhatIf("trade-for-defense-package.yaml"), "--engine", "local", "-v", "quiet");
        Assert.True(silent.ExitCode == 0, silent.ToString());
        Assert.Equal("", silent.Output);
        Assert.Equal("", silent.Error);
    }

    [Fact]
    public async Task Rounds_with_a_scenario_is_refused_not_ignored()
    {
        var run = await Run(null, "run", WhatIf("baseline.yaml"), "--rounds", "5");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("summits run: error: --rounds applies only with --world", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_fork_without_a_branch_runs_every_branch_side_by_side()
    {
        var run = await Run(null, "run", WhatIf("us-fta-press-or-package.yaml"), "--engine", "local");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Scenario us-fta-press-or-package#press-fta", run.Output);
        Assert.Contains("Scenario us-fta-press-or-package#offer-package", run.Output);
        Assert.Contains("Branches side by side", run.Output);
        // docs/whatif.md's comparison of the two branches: offer-package gains the package agreement at 35 on the FTA.
        Assert.Contains("holding: bilateral-fta 35, defense-procurement 75", run.Output);
    }

    [Fact]
    public async Task Whatif_on_a_fork_without_a_branch_studies_every_branch()
    {
        var run = await Run(null, "whatif", WhatIf("us-fta-press-or-package.yaml"), "--engine", "local", "--runs", "5");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Branches side by side", run.Output);
        Assert.Contains("press-fta", run.Output);
        Assert.Contains("offer-package", run.Output);
        // The output starts with the first branch's What-if line, press-fta being the fork's first branch (the file's
        // order); a blank line stands only between branches, so the second's What-if line follows one.
        var lines = run.Output.Split('\n');
        Assert.StartsWith("What-if us-fta-press-or-package#press-fta on world abe-trump-2017-11-06: ", lines[0]);
        var second = Array.FindIndex(lines, l => l.StartsWith("What-if us-fta-press-or-package#offer-package", StringComparison.Ordinal));
        Assert.Equal("", lines[second - 1]);
    }

    [Fact]
    public async Task A_fork_at_q_keeps_to_one_summary_a_branch_without_the_tables()
    {
        // -q (-v minimal) is the summary alone on every command: for whatif one line a study, here one a branch (the
        // default 100 columns wrap each line, so each starts with "What-if"), and no table side by side.
        var whatif = await Run(null, "whatif", WhatIf("us-fta-press-or-package.yaml"), "--engine", "local", "--runs", "5", "-q");
        Assert.True(whatif.ExitCode == 0, whatif.ToString());
        Assert.Equal(["What-if us-fta-press-or-package#press-fta: ", "What-if us-fta-press-or-package#offer-package: "],
            whatif.Output.Split('\n').Where(l => l.StartsWith("What-if", StringComparison.Ordinal)).Select(l => l[..(l.IndexOf(':') + 2)]));
        Assert.DoesNotContain("Branches side by side", whatif.Output);
        Assert.DoesNotContain("Final positions", whatif.Output);

        // run at -q: each branch's summary, and no table side by side, which the fork's first line no longer promises.
        var run = await Run(null, "run", WhatIf("us-fta-press-or-package.yaml"), "--engine", "local", "-q");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Scenario us-fta-press-or-package#offer-package", run.Output);
        Assert.DoesNotContain("Branches side by side", run.Output);
        Assert.DoesNotContain("shown side by side", run.Output);
    }

    [Fact]
    public async Task Report_says_where_it_wrote()
    {
        var report = Path.Combine(_folder, "report");
        var run = await Run(null, "run", WhatIf("trade-for-defense-package.yaml"), "--engine", "local", "-q", "--report", report);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"wrote the report to {Path.Combine(report, "report.html")}", run.Error);
        Assert.True(File.Exists(Path.Combine(report, "report.html")));
    }

    [Fact]
    public async Task Help_names_the_engines_in_lower_case_and_parallel_has_one_default()
    {
        var run = await Run(null, "run", "--help");
        Assert.Contains("--engine <grains|local>", run.Output);
        Assert.Contains("-o, --out, --output <DIR>", run.Output);
        Assert.Contains("-v, --verbosity <LEVEL>", run.Output);

        var whatif = await Run(null, "whatif", "--help");
        var parallel = whatif.Output.Split('\n').Single(line => line.Contains("--parallel", StringComparison.Ordinal));
        Assert.Contains("(default: twice the processor count)", parallel);
        Assert.DoesNotContain("[default:", parallel);
    }

    [Fact]
    public async Task An_absent_expectation_names_the_breached_agreement_as_none_in_force()
    {
        // The Okinawa shock of okinawa-realignment-friction, and then an expectation of no agreement: Japan's
        // salience rises to 0.9 (window 5 + 45 x 0.1 = 9.5) and its position moves from 80 to 55, 21 points
        // from the agreed 76, beyond 2 x 9.5 = 19, so usfj-realignment-okinawa is breached at once. No
        // agreement is in force on the topic, but one exists, breached, and the check says so.
        var scenario = Path.Combine(_folder, "breached-then-absent.yaml");
        File.WriteAllText(scenario, $$"""
            format: 2
            scenario: breached-then-absent
            world: {{Path.Combine(SeedFiles.Root, "scenarios", "summits", "2017-11-06-abe-trump.yaml")}}
            seed: 3
            steps:
              - id: local-opposition
                shock:
                  reason: Okinawa turns against the relocation plan.
                  changes:
                    - { salience: JP, topic: usfj-realignment, to: 0.9 }
                    - { position: JP, topic: usfj-realignment, by: -25 }
              - expect:
                  agreement: { topic: usfj-realignment, absent: true }
                  because: the breached agreement is no longer in force.
            """);

        var run = await Run(null, "run", scenario, "--engine", "local", "--format", "csv");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("expected no agreement on usfj-realignment: none in force on usfj-realignment; on the topic: usfj-realignment-okinawa at 76 (breached, JP+US)", run.Output);
    }

    [Fact]
    public async Task A_value_expectation_that_misses_a_live_agreement_says_none_matches()
    {
        // trade-for-defense-package ends with the package agreed at defense-procurement 75 (holding, US+JP).
        // Expecting 60 instead fails, and the message must not call the topic empty: an agreement is in force
        // there, at 75, so "none that matches" is said and the holding package is named.
        var scenario = Path.Combine(_folder, "expects-60.yaml");
        var text = File.ReadAllText(WhatIf("trade-for-defense-package.yaml"))
            .Replace("world: ../summits/", $"world: {Path.Combine(SeedFiles.Root, "scenarios", "summits")}/")
            .Replace("agreement: { topic: defense-procurement, parties: [JP, US], value: 75 }", "agreement: { topic: defense-procurement, parties: [JP, US], value: 60 }");
        File.WriteAllText(scenario, text);

        var run = await Run(null, "run", scenario, "--engine", "local", "-q");

        // The summary wraps to the terminal, so the words are compared with their line breaks folded.
        var printed = System.Text.RegularExpressions.Regex.Replace(run.Output + run.Error, @"\s+", " ");
        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("none that matches on defense-procurement; on the topic: package at 75 (holding, US+JP)", printed);
        Assert.DoesNotContain("none in force", printed);
    }

    [Fact]
    public async Task A_branch_named_for_a_scenario_without_a_fork_is_an_argument_error()
    {
        // trade-for-defense-package has no 'fork' step, so '--branch x' names nothing in it: the mistake is the
        // argument's, said in the form of every argument mistake (no FILE:1:1), with exit code 2 and nothing printed.
        var scenario = WhatIf("trade-for-defense-package.yaml");
        var run = await Run(null, "run", scenario, "--branch", "x");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"summits run: error: {scenario} has no fork, so no branch 'x'; run it without --branch or '#x' (see 'summits run --help')\n", run.Error);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("whatif")]
    public async Task A_branch_the_fork_does_not_have_is_an_argument_error_that_lists_the_branches(string command)
    {
        // us-fta-press-or-package forks into press-fta and offer-package (its 'fork' step, in that order); 'x' is
        // neither, named after '#' or with --branch alike.
        var scenario = WhatIf("us-fta-press-or-package.yaml");
        var expected = $"summits {command}: error: no branch 'x' in the fork of {scenario}; its branches are press-fta and offer-package (see 'summits {command} --help')\n";

        var option = await Run(null, command, scenario, "--branch", "x");
        Assert.Equal(2, option.ExitCode);
        Assert.Equal(expected, option.Error);
        Assert.Equal("", option.Output);

        var hash = await Run(null, command, scenario + "#x");
        Assert.Equal(2, hash.ExitCode);
        Assert.Equal(expected, hash.Error);
        Assert.Equal("", hash.Output);
    }

    [Fact]
    public async Task Compare_of_a_fork_without_a_branch_is_an_argument_error_that_says_how_to_name_one()
    {
        // A comparison takes one run a side, and compare has no --branch: a fork named without '#BRANCH' on either side is
        // the argument's mistake, said as run and whatif say a branch mistake (the command, its help), not at a place
        // in the file. Its branches are press-fta and offer-package in that order, so the first is the one offered,
        // and the two in order make the comparison of the branches.
        var fork = WhatIf("us-fta-press-or-package.yaml");
        var baseline = WhatIf("baseline.yaml");
        var expectedA = $"summits compare: error: A, {fork}, forks into press-fta and offer-package, and a comparison takes one run a side; name a branch, as {fork}#press-fta (to compare two branches: summits compare {fork}#press-fta {fork}#offer-package) (see 'summits compare --help')\n";

        var left = await Run(null, "compare", fork, baseline, "--engine", "local");
        Assert.Equal(2, left.ExitCode);
        Assert.Equal(expectedA, left.Error);
        Assert.Equal("", left.Output);

        var right = await Run(null, "compare", baseline, fork, "--engine", "local");
        Assert.Equal(2, right.ExitCode);
        Assert.Equal(expectedA.Replace("error: A, ", "error: B, ", StringComparison.Ordinal), right.Error);
        Assert.Equal("", right.Output);

        // A branch the fork lacks is the same mistake as in run and whatif, in compare's own words.
        var unknown = await Run(null, "compare", fork + "#x", baseline, "--engine", "local");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal($"summits compare: error: no branch 'x' in the fork of {fork}; its branches are press-fta and offer-package (see 'summits compare --help')\n", unknown.Error);
    }

    [Fact]
    public async Task A_forks_row_labels_stay_whole_at_80_columns()
    {
        // us-fta-press-or-package's branches end apart on defense-procurement for JP (60 against 60.32, docs/whatif.md),
        // so the table side by side has a row labelled "defense-procurement JP" (22 columns). At 80 columns the label
        // column (22) and the two branch columns (press-fta's widest word "defense-procurement" is not in it, 16 at
        // least; offer-package's widest word, 19) take 22 + 16 + 19 + 2 gutters of 2 = 61, within 80: the label stays on
        // one line, where wrapping it put "JP" on a line of its own under the topic, read as a row of its own.
        var run = await Run(new Dictionary<string, string> { ["COLUMNS"] = "80" }, "run", WhatIf("us-fta-press-or-package.yaml"), "--engine", "local");

        Assert.True(run.ExitCode == 0, run.ToString());
        var table = run.Output[run.Output.IndexOf("Branches side by side", StringComparison.Ordinal)..].Split('\n');
        Assert.All(table, line => Assert.True(line.Length <= 80, $"{line.Length} columns: {line}"));
        Assert.Contains(table, line => line.StartsWith("defense-procurement JP  ", StringComparison.Ordinal));
        Assert.DoesNotContain(table, line => line.Trim() == "JP" || line.Trim() == "US" || line.StartsWith("JP ", StringComparison.Ordinal) || line.StartsWith("US ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Quiet_on_a_wide_world_prints_a_bounded_summary()
    {
        // 10 actors × 600 topics, 10 rounds: some 300 agreements are made, and -q printed a block of five lines for
        // each, 1,604 lines in all. Bounded, the summary is: the scenario's line, the moved positions' count and the 3
        // largest moves, the agreements' heading (2 lines at 100 columns) and 5 agreements of at most 5 lines each, one
        // line (wrapped, 2) counting the rest and saying where they are, the convergence line and the events line, with
        // blank lines between: under 50 lines whatever the world's size.
        var world = Path.Combine(_folder, "wide.yaml");
        var generated = await Run(null, "generate", "--actors", "10", "--topics", "600", "--seed", "5", "-o", world);
        Assert.True(generated.ExitCode == 0, generated.ToString());
        var output = Path.Combine(_folder, "out");

        var run = await Run(null, "run", "--world", world, "--rounds", "10", "--engine", "local", "-q", "-o", output);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length < 50, $"{lines.Length} lines:\n{run.Output}");
        // The agreements made, counted independently from agreements.csv (a line per agreement and topic; a generated
        // world seeds none, so every id there was made in the run): 5 are listed, the rest counted.
        var made = File.ReadLines(Path.Combine(output, "agreements.csv")).Skip(1).Select(l => l.Split(',')[0]).Distinct().Count();
        Assert.True(made > 5, $"{made} agreements made");
        var folded = System.Text.RegularExpressions.Regex.Replace(run.Output, @"\s+", " ");
        Assert.Contains($"and {made - 5} more agreements made or changed: -o DIR writes every one to agreements.csv and timeline.jsonl, and --format json prints the timeline", folded);
        Assert.Matches(@"Positions that moved since the start: \d+ of 6000; the 3 largest moves \(-v normal lists them all\):", folded);
    }

    [Fact]
    public async Task Quiet_on_baseline_lists_its_few_moves_and_its_three_agreements_whole()
    {
        // baseline moves 12 of its 32 positions and makes three agreements (README): under the bounds (3 moves listed,
        // 5 agreements), so -q lists the 3 largest moves and all three agreements, with no "more" line.
        var run = await Run(null, "run", WhatIf("baseline.yaml"), "--engine", "local", "-q");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Positions that moved since the start: 12 of 32; the 3 largest moves (-v normal lists them all):", run.Output);
        foreach (var id in new[] { "bargain.r5.north-korea-sanctions", "bargain.r5.unsc-permanent-seat", "bargain.r9.defense-procurement" })
            Assert.Contains($"  {id}", run.Output);
        Assert.DoesNotContain("more agreements", run.Output);
    }

    [Fact]
    public async Task The_run_and_its_report_say_reservation_value_and_BATNA_never_reservation_point()
    {
        // The field's terms (docs/model.md): the 0–100 value at which an actor stops conceding is its reservation
        // value, and what no deal is worth to it is its BATNA's worth. us-presses-bilateral-fta's expectation says
        // Japan's reservation value on the FTA is 36.25 (its window at salience 0.75 is 5 + 45 · 0.25 = 16.25, from
        // 20), and Japan's rejection of the ask at 80 states its BATNA's worth, the utility of 36.25 (curvature 1.3):
        // 0.75 · (1 − 0.1625^1.3) = 0.75 · (1 − e^(1.3 · −1.817077)) = 0.75 · (1 − 0.094213) = 0.679340, shown as 0.6793;
        // its counter at 36.25 is worth the same, and the ask, 60 from 20, 0.75 · (1 − 0.6^1.3) = 0.75 · (1 − e^(1.3 · −0.510826))
        // = 0.75 · (1 − 0.514750) = 0.363937, shown as 0.3639.
        var report = Path.Combine(_folder, "report");
        var run = await Run(new Dictionary<string, string> { ["COLUMNS"] = "200" },
            "run", WhatIf("us-presses-bilateral-fta.yaml"), "--engine", "local", "--report", report);

        Assert.True(run.ExitCode == 0, run.ToString());
        var printed = System.Text.RegularExpressions.Regex.Replace(run.Output + run.Error, @"\s+", " ");
        Assert.DoesNotContain("reservation point", printed, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("U(terms) 0.3639, U(own offer) 0.6793, U(BATNA) 0.6793 at τ 1: worse than no deal", printed);
        Assert.Contains("80 lies beyond Japan's reservation value 36.25", printed);
        Assert.DoesNotContain("U(no deal)", printed);

        // The report's text and its bargaining figures: each figure's legend names the BATNA for the disagreement point.
        var html = File.ReadAllText(Path.Combine(report, "report.html"));
        var markdown = File.ReadAllText(Path.Combine(report, "report.md"));
        Assert.DoesNotContain("reservation point", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("reservation point", markdown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"name\":\"BATNA (no deal)\"", html);
        Assert.Contains("BATNA point", html);
    }
}
