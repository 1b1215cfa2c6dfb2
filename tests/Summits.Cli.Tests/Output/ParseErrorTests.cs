using System.CommandLine;
using Summits.Cli.Commands;
using Summits.Tests;
using static Summits.Cli.Tests.ShippedFileLists;

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
        Assert.Equal("summits: error: 'frobnicate' is not a command; the commands are seed, run, analyze, import, export, generate, whatif, compare, bench, migrate, record, exercise, classroom, silo and worlds (see 'summits --help')", OnlyLine(run));
    }

    [Fact]
    public async Task A_misspelled_command_names_the_closest_command_and_lists_the_commands_in_the_helps_order()
    {
        var run = await SummitsProcess.RunAsync("rnu");

        // 'rnu' is two edits from 'run' (swap the n and u: two substitutions) and 4 from 'seed'; the list is the
        // one 'summits --help' shows, in its order (The_commands_and_options_an_error_lists_are_the_helps_in_its_order).
        Assert.Equal("summits: error: 'rnu' is not a command (did you mean 'run'?); the commands are seed, run, analyze, import, export, generate, whatif, compare, bench, migrate, record, exercise, classroom, silo and worlds (see 'summits --help')", OnlyLine(run));
    }

    [Fact]
    public async Task A_command_cut_short_is_named_as_the_one_it_starts()
    {
        var run = await SummitsProcess.RunAsync("exer");

        // 'exer' starts 'exercise', so it stands for it (the suggestions' one order, Closest), though 'exercise' is 4
        // insertions away, more than the 2 edits nearness allows a 4-letter word; no other command contains 'exer'.
        Assert.Equal("summits: error: 'exer' is not a command (did you mean 'exercise'?); the commands are seed, run, analyze, import, export, generate, whatif, compare, bench, migrate, record, exercise, classroom, silo and worlds (see 'summits --help')", OnlyLine(run));
    }

    [Fact]
    public async Task A_command_short_of_a_letter_is_named_as_the_one_meant()
    {
        var run = await SummitsProcess.RunAsync("rn");

        // 'rn' is one insertion from 'run', within the nearness allowed (at least 2), and 3 or more from every other
        // command; the commands follow in the order of 'summits --help', seed first (before, run was moved first).
        Assert.Equal("summits: error: 'rn' is not a command (did you mean 'run'?); the commands are seed, run, analyze, import, export, generate, whatif, compare, bench, migrate, record, exercise, classroom, silo and worlds (see 'summits --help')", OnlyLine(run));
    }

    [Fact]
    public async Task An_option_with_two_letters_swapped_is_named_as_the_one_meant()
    {
        var run = await SummitsProcess.RunAsync("run", Baseline, "--fromat", "json");

        // '--fromat' is one edit from '--format' (its r and o swapped), within half its 6 letters, the dashes not counted; the
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
    public async Task An_option_of_another_command_names_no_far_option_and_says_whose_it_is()
    {
        var run = await SummitsProcess.RunAsync("compare", "a.json", "b.json", "--seed", "3");

        // compare reads each run's seed from its state and takes no --seed. '--seed' is 3 edits from '--help' (s, e, d
        // changed to h, l, p), more than half its 4 letters (dashes not counted), so no option is offered as meant; the
        // commands that take --seed, in the order of 'summits --help' (seed, run, analyze, import, export, generate,
        // whatif, ...), are run, generate and whatif (CommonOptions.Seed in RunCommand, GenerateCommand, WhatIfCommand).
        Assert.Equal("summits compare: error: '--seed' is not an option of 'summits compare'; the options are --format, --output, --report, --engine, "
            + "--quiet, --verbosity and --help; --seed is an option of 'summits run', 'summits generate' and 'summits whatif' (see 'summits compare --help')", OnlyLine(run));
    }

    [Theory]
    // A typed length of 6 with its dashes, 4 without: max(2, 4 / 2) = 2 edits at most.
    [InlineData("--seed", new[] { "--help", "--format" }, null)]
    // One edit (e for a), within 2.
    [InlineData("--sead", new[] { "--help", "--seed" }, "--seed")]
    // One edit (r and o swapped, a swap counted as one): within max(2, 6 / 2) = 3.
    [InlineData("--fromat", new[] { "--format", "--help" }, "--format")]
    // No dashes: 'rn' is one insertion from 'run', within max(2, 1) = 2 and less than its length 2.
    [InlineData("rn", new[] { "run", "seed" }, "run")]
    public void An_options_length_for_what_is_near_is_its_letters_without_the_dashes(string typed, string[] names, string? expected)
    {
        Assert.Equal(expected, Summits.Model.Closest.Nearest(typed, names));
    }

    [Fact]
    public async Task A_live_format_option_read_with_an_options_name_is_not_taken_for_the_retired_format_text()
    {
        // --format takes '--rounds' as its value. '--format text' is a retired value of the live --format, not a retired
        // option: the line says --rounds was read as --format's value and what --format takes (CommonOptions.Format's
        // choices, table, csv and json), not that '--format text' is no longer taken.
        var run = await SummitsProcess.RunAsync("run", "--format", "--rounds", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("summits run: error: '--rounds' is an option, read as the value of --format: --format needs a value", OnlyLine(run));
        Assert.DoesNotContain("no longer taken", OnlyLine(run));
    }

    [Fact]
    public async Task A_retired_option_read_as_another_options_value_is_said_as_retired()
    {
        // --seed takes '--json' as its value; --json is retired (RetiredOptions: use --format json), and a retired
        // spelling is said before all else, wherever it stands.
        var run = await SummitsProcess.RunAsync("whatif", Baseline, "--seed", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("summits whatif: error: --json is no longer taken; use --format json (see 'summits whatif --help')", OnlyLine(run));
    }

    [Fact]
    public async Task A_host_name_refused_as_a_value_is_no_file_read_in_the_arguments_place()
    {
        // 'cache.example.com' ends in '.com', no extension of a file Summits reads (yaml, yml, json, jsonl, csv, txt),
        // and no such file is in the run's fresh folder: so no scenario went into --seed's value, and what is missing
        // is said as it is, the scenario or --world (the missing argument, before any value of an option).
        var run = await SummitsProcess.RunAsync("run", "--seed", "cache.example.com");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("summits run: error: the argument <SCENARIO> is missing: ", OnlyLine(run));
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

        // compare takes two scenarios, a and b; only a was given. The shipped scenarios are the seven files of
        // scenarios/what-if (ShippedScenarios).
        Assert.Equal($"summits compare: error: the argument <B> is missing: 'summits compare' takes <A> <B>; the shipped scenario files: {ShippedScenarios} (see 'summits compare --help')", OnlyLine(run));
        Assert.Equal(2, run.ExitCode);
    }

    [Theory]
    // The three exercises in scenarios/exercises (ShippedExercises).
    [InlineData("exercise", "FILE", "<FILE>", "exercise files: " + ShippedExercises)]
    [InlineData("classroom", "EXERCISE", "<EXERCISE>", "exercise files: " + ShippedExercises)]
    // The seven what-if scenarios, as in compare's line above.
    [InlineData("whatif", "SCENARIO", "<SCENARIO>", "scenario files: " + ShippedScenarios)]
    // run takes a scenario or, in its place, a world with --world: both ways are named, and the shipped files of each,
    // the seven scenarios and then the four worlds.
    [InlineData("run", "SCENARIO", "<SCENARIO> or --world FILE", "scenario files: " + ShippedScenarios + "; the shipped world files: " + ShippedWorlds)]
    // The summit, then the three YAML worlds of scenarios/worlds (its ktab/ folder holds tables, not worlds).
    [InlineData("export ktab", "WORLD", "<WORLD>", "world files: " + ShippedWorlds)]
    // The seven CSV tables of scenarios/worlds/ktab (ShippedKtabTables).
    [InlineData("import ktab", "FILE", "<FILE>", "KTAB tables: " + ShippedKtabTables)]
    // seed draft drafts from a briefing: the summit's and the two readouts (ShippedBriefings).
    [InlineData("seed draft", "BRIEFING", "<BRIEFING>", "briefings: " + ShippedBriefings)]
    public async Task A_missing_file_argument_names_the_shipped_files_it_could_be(string command, string argument, string takes, string shipped)
    {
        var run = await SummitsProcess.RunAsync(command.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"summits {command}: error: the argument <{argument}> is missing: 'summits {command}' takes {takes}; the shipped {shipped} (see 'summits {command} --help')", OnlyLine(run));
    }

    [Theory]
    // A check of the command's options (CommandChecks) waits for its arguments: with one left out, the argument is named
    // first, as above, though each option given here is refused by a check once the argument is given.
    // whatif's --cluster with the local engine:
    [InlineData("whatif", new[] { "--engine", "local", "--cluster", "redis://localhost:6379" }, "SCENARIO", "scenario files: " + ShippedScenarios)]
    // two levels at once, -q and -v detailed:
    [InlineData("whatif", new[] { "-q", "-v", "detailed" }, "SCENARIO", "scenario files: " + ShippedScenarios)]
    // import ktab's --shared-actors with fewer than two tables:
    [InlineData("import ktab", new[] { "--shared-actors" }, "FILE", "KTAB tables: " + ShippedKtabTables)]
    // classroom's --certificate without --public:
    [InlineData("classroom", new[] { "--certificate", "a.pfx" }, "EXERCISE", "exercise files: " + ShippedExercises)]
    public async Task A_missing_argument_is_named_before_an_option_that_cannot_apply(string command, string[] options, string argument, string shipped)
    {
        var run = await SummitsProcess.RunAsync([.. command.Split(' '), .. options]);

        Assert.Equal($"summits {command}: error: the argument <{argument}> is missing: 'summits {command}' takes <{argument}>; the shipped {shipped} (see 'summits {command} --help')", OnlyLine(run));
    }

    [Theory]
    // A user who forgot the file hears about the file first: with an argument left out, it is named before any mistake
    // in an option's value (UsageError.Rank), in the words and with the exit code of a missing argument alone above.
    // exercise's --format xml, none of table, csv or json: <FILE> is named, with the three shipped exercises.
    [InlineData(new[] { "exercise", "--format", "xml" },
        "summits exercise: error: the argument <FILE> is missing: 'summits exercise' takes <FILE>; the shipped exercise files: " + ShippedExercises + " (see 'summits exercise --help')")]
    // whatif's --runs 0, below its least of 1: <SCENARIO> is named, with the seven shipped what-if scenarios.
    [InlineData(new[] { "whatif", "--runs", "0" },
        "summits whatif: error: the argument <SCENARIO> is missing: 'summits whatif' takes <SCENARIO>; the shipped scenario files: " + ShippedScenarios + " (see 'summits whatif --help')")]
    // whatif's --runs written without its value, and written twice: mistakes of the option's values too.
    [InlineData(new[] { "whatif", "--runs" },
        "summits whatif: error: the argument <SCENARIO> is missing: 'summits whatif' takes <SCENARIO>; the shipped scenario files: " + ShippedScenarios + " (see 'summits whatif --help')")]
    [InlineData(new[] { "whatif", "--runs", "1", "--runs", "2" },
        "summits whatif: error: the argument <SCENARIO> is missing: 'summits whatif' takes <SCENARIO>; the shipped scenario files: " + ShippedScenarios + " (see 'summits whatif --help')")]
    // classroom's --port x, no whole number: <EXERCISE> is named, with the three shipped exercises.
    [InlineData(new[] { "classroom", "--port", "x" },
        "summits classroom: error: the argument <EXERCISE> is missing: 'summits classroom' takes <EXERCISE>; the shipped exercise files: " + ShippedExercises + " (see 'summits classroom --help')")]
    // compare given A only, with --format yaml: <B> is named (A, nothing.yaml, is not looked for while the line is
    // parsed), with the seven shipped what-if scenarios.
    [InlineData(new[] { "compare", "nothing.yaml", "--format", "yaml" },
        "summits compare: error: the argument <B> is missing: 'summits compare' takes <A> <B>; the shipped scenario files: " + ShippedScenarios + " (see 'summits compare --help')")]
    // analyze's --format yaml: <FILE.jsonl> is named, alone, as no telemetry file is shipped.
    [InlineData(new[] { "analyze", "--format", "yaml" },
        "summits analyze: error: the argument <FILE.jsonl> is missing: 'summits analyze' takes <FILE.jsonl> (see 'summits analyze --help')")]
    // run with neither a scenario nor --world, given --rounds 0 (below its least of 1), or --report without its folder:
    // what to run is named, as run says it with nothing else given (RunWithoutAFile).
    [InlineData(new[] { "run", "--rounds", "0" }, RunWithoutAFile)]
    [InlineData(new[] { "run", "--report" }, RunWithoutAFile)]
    public async Task A_missing_argument_is_named_before_a_bad_option_value(string[] args, string expected)
    {
        var run = await SummitsProcess.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, OnlyLine(run));
    }

    [Theory]
    // The same values with the file named (not there: a file is looked for only once the line parses): the option's
    // own line stands, naming what it takes. --format's choices are table, csv and json (CommonOptions.Formats);
    // --runs takes 1 to 1000000, --port 0 to 65535 and --rounds 1 to 100000 (their help).
    [InlineData(new[] { "exercise", "nothing.yaml", "--format", "xml" },
        "summits exercise: error: --format must be one of table, csv or json, not 'xml' (see 'summits exercise --help')")]
    [InlineData(new[] { "whatif", "nothing.yaml", "--runs", "0" },
        "summits whatif: error: --runs must be a whole number from 1 to 1000000, not 0 (see 'summits whatif --help')")]
    [InlineData(new[] { "classroom", "nothing.yaml", "--port", "x" },
        "summits classroom: error: --port must be a whole number from 0 to 65535, not 'x' (see 'summits classroom --help')")]
    [InlineData(new[] { "run", "nothing.yaml", "--rounds", "0" },
        "summits run: error: --rounds must be a whole number from 1 to 100000, not 0 (see 'summits run --help')")]
    public async Task With_the_argument_given_a_bad_option_value_is_said_as_before(string[] args, string expected)
    {
        var run = await SummitsProcess.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, OnlyLine(run));
    }

    [Theory]
    // An option that takes a value takes the word after it, even the file: the argument is then left out, but the user
    // typed it, so the option's own line is said, with its range or choices, and in the same line that the word was read
    // as its value (UsageError.Swallowed). Each word here ends in an extension, so looks like a file though none is there.
    // whatif's --runs takes 1 to 1000000 (its help), and 'scenario.yaml' is no whole number, so it is quoted.
    [InlineData(new[] { "whatif", "--runs", "scenario.yaml" },
        "summits whatif: error: --runs must be a whole number from 1 to 1000000, not 'scenario.yaml'; 'scenario.yaml' was read as the value of --runs, the word after it, so <SCENARIO> is missing: give --runs a value of its own (see 'summits whatif --help')")]
    // run's --seed takes 0 to 2^64 − 1 = 18446744073709551615; run's scenario left out is its own check's line, and
    // the value refused is found only by parsing again without the checks: the same line as whatif's all the same.
    [InlineData(new[] { "run", "--seed", "scenario.yaml" },
        "summits run: error: --seed must be a whole number from 0 to 18446744073709551615, not 'scenario.yaml'; 'scenario.yaml' was read as the value of --seed, the word after it, so <SCENARIO> is missing: give --seed a value of its own (see 'summits run --help')")]
    // compare given A, a.yaml, and --format b.yaml: <B> is what is left out. 'b.yaml' is none of table, csv or json, is
    // in none of them, and is 5 edits from 'table' and 6 from 'csv' and 'json', beyond max(2, 6 / 2) = 3 (Closest.Nearest):
    // no choice is suggested.
    [InlineData(new[] { "compare", "a.yaml", "--format", "b.yaml" },
        "summits compare: error: --format must be one of table, csv or json, not 'b.yaml'; 'b.yaml' was read as the value of --format, the word after it, so <B> is missing: give --format a value of its own (see 'summits compare --help')")]
    // exercise's <FILE>, read as --format's value; 'play.yaml' is 8 edits from 'table' and 9 from 'csv' and 'json', beyond
    // max(2, 9 / 2) = 4: no choice is suggested.
    [InlineData(new[] { "exercise", "--format", "play.yaml" },
        "summits exercise: error: --format must be one of table, csv or json, not 'play.yaml'; 'play.yaml' was read as the value of --format, the word after it, so <FILE> is missing: give --format a value of its own (see 'summits exercise --help')")]
    // Written by its short name, the option is named as written: whatif's -n is --runs.
    [InlineData(new[] { "whatif", "-n", "baseline.yml" },
        "summits whatif: error: --runs must be a whole number from 1 to 1000000, not 'baseline.yml'; 'baseline.yml' was read as the value of -n, the word after it, so <SCENARIO> is missing: give -n a value of its own (see 'summits whatif --help')")]
    public async Task A_file_read_as_an_options_refused_value_is_said_as_that_value(string[] args, string expected)
    {
        var run = await SummitsProcess.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, OnlyLine(run));
    }

    [Theory]
    // The same, for an option that does not apply once the file is given to the argument: 'give it a value of its own'
    // would only be refused next, so the line says to leave it out, with the reason the command gives for it
    // (CommonOptions.RefuseUnless). run's --rounds and --model apply only with --world (RunCommand), never to a scenario;
    // --rounds takes 1 to 100000, and --model bargaining or smp, neither near 'scenario.yaml' (11 edits from each, beyond
    // max(2, 13 / 2) = 6).
    [InlineData(new[] { "run", "--rounds", "scenario.yaml" },
        "summits run: error: --rounds must be a whole number from 1 to 100000, not 'scenario.yaml'; 'scenario.yaml' was read as the value of --rounds, the word after it, so <SCENARIO> is missing: leave --rounds out, as --rounds applies only with --world; a scenario sets its rounds in its 'rounds' steps (see 'summits run --help')")]
    [InlineData(new[] { "run", "--model", "scenario.yaml" },
        "summits run: error: --model must be one of bargaining or smp, not 'scenario.yaml'; 'scenario.yaml' was read as the value of --model, the word after it, so <SCENARIO> is missing: leave --model out, as --model applies only with --world; a scenario file chooses its model with 'model: smp' (see 'summits run --help')")]
    // Another mistake on the line, --seed without its value, which would keep the commands' checks from running, does
    // not change the advice: the line the advice is judged on leaves such an option out.
    [InlineData(new[] { "run", "--rounds", "scenario.yaml", "--seed" },
        "summits run: error: --rounds must be a whole number from 1 to 100000, not 'scenario.yaml'; 'scenario.yaml' was read as the value of --rounds, the word after it, so <SCENARIO> is missing: leave --rounds out, as --rounds applies only with --world; a scenario sets its rounds in its 'rounds' steps (see 'summits run --help')")]
    // whatif's --checkpoint-every (1 to 1000) applies only in grains, and --engine local is written: leave it out. With
    // the default engine, grains, it applies, and the value of its own is what to give.
    [InlineData(new[] { "whatif", "--engine", "local", "--checkpoint-every", "scenario.yaml" },
        "summits whatif: error: --checkpoint-every must be a whole number from 1 to 1000, not 'scenario.yaml'; 'scenario.yaml' was read as the value of --checkpoint-every, the word after it, so <SCENARIO> is missing: leave --checkpoint-every out, as --checkpoint-every applies only to runs in grains (--engine grains): the local engine writes nothing to storage (see 'summits whatif --help')")]
    [InlineData(new[] { "whatif", "--checkpoint-every", "scenario.yaml" },
        "summits whatif: error: --checkpoint-every must be a whole number from 1 to 1000, not 'scenario.yaml'; 'scenario.yaml' was read as the value of --checkpoint-every, the word after it, so <SCENARIO> is missing: give --checkpoint-every a value of its own (see 'summits whatif --help')")]
    public async Task A_file_read_as_the_value_of_an_option_that_would_not_apply_says_to_leave_the_option_out(string[] args, string expected)
    {
        var run = await SummitsProcess.RunAsync(args);

        Assert.Equal(expected, OnlyLine(run));
    }

    [Theory]
    // An option that takes any text takes the file and keeps it: the argument left out is said, with what the file was
    // read as, and without the shipped files, since the user gave one (UsageError.Taken). run's --branch takes a
    // branch's name; <SCENARIO> is a YAML file, so 'scenario.yaml' is one of its kind.
    [InlineData(new[] { "run", "--branch", "scenario.yaml" },
        "summits run: error: the argument <SCENARIO> is missing: 'summits run' takes <SCENARIO> or --world FILE; 'scenario.yaml' was read as the value of --branch, the word after it: give --branch a value of its own (see 'summits run --help')")]
    // whatif's -o takes a folder to write, and 'study.yml' is no file there, so -o keeps it; written by its short name,
    // the option is named as written.
    [InlineData(new[] { "whatif", "-o", "study.yml" },
        "summits whatif: error: the argument <SCENARIO> is missing: 'summits whatif' takes <SCENARIO>; 'study.yml' was read as the value of -o, the word after it: give -o a value of its own (see 'summits whatif --help')")]
    // compare's <A> is a scenario file or a state.json, so a JSON file is of its kind.
    [InlineData(new[] { "compare", "-o", "state.json" },
        "summits compare: error: the argument <A> is missing: 'summits compare' takes <A> <B>; 'state.json' was read as the value of -o, the word after it: give -o a value of its own (see 'summits compare --help')")]
    // run --detach's -o would not apply (a detached run's files are written by 'worlds show'): leave it out, the option
    // named as written (-o) though the refusal names it --output.
    [InlineData(new[] { "run", "--detach", "-o", "x.yaml" },
        "summits run: error: the argument <SCENARIO> is missing: 'summits run' takes <SCENARIO> or --world FILE; 'x.yaml' was read as the value of -o, the word after it: leave -o out, as -o applies only to a run this command waits for; a detached run's files are written by 'summits worlds show ID -o DIR' (see 'summits run --help')")]
    public async Task A_file_an_option_took_as_its_value_is_said_after_the_argument_left_out(string[] args, string expected)
    {
        var run = await SummitsProcess.RunAsync(args);

        Assert.Equal(expected, OnlyLine(run));
    }

    [Theory]
    // A file an option takes by its own right is no sign of where the argument went: the argument left out is said as
    // ever, with the shipped files of its kind. export ktab's -o writes a table, a CSV file, and <WORLD> is a YAML world.
    [InlineData(new[] { "export", "ktab", "-o", "table.csv" },
        "summits export ktab: error: the argument <WORLD> is missing: 'summits export ktab' takes <WORLD>; the shipped world files: " + ShippedWorlds + " (see 'summits export ktab --help')")]
    // seed draft's -o writes the drafted world, a YAML file of the user's naming (CommonOptions.WritesFile).
    [InlineData(new[] { "seed", "draft", "-o", "world.yaml" },
        "summits seed draft: error: the argument <BRIEFING> is missing: 'summits seed draft' takes <BRIEFING>; the shipped briefings: scenarios/sources/abe-trump-summit-2017-11-06.txt, scenarios/sources/readouts/uk-pm-biden-2024-07-10.txt and scenarios/sources/readouts/whitehouse-biden-starmer-2024-09-13.txt (see 'summits seed draft --help')")]
    // exercise's --answers reads an answers file, a YAML file like the exercise itself (CommonOptions.KindOf).
    [InlineData(new[] { "exercise", "--answers", "answers.yaml" },
        "summits exercise: error: the argument <FILE> is missing: 'summits exercise' takes <FILE>; the shipped exercise files: " + ShippedExercises + " (see 'summits exercise --help')")]
    // A value written with its option was given on purpose.
    [InlineData(new[] { "run", "--branch=scenario.yaml" },
        "summits run: error: the argument <SCENARIO> is missing: 'summits run' takes <SCENARIO> or --world FILE; the shipped scenario files: " + ShippedScenarios + "; the shipped world files: " + ShippedWorlds + " (see 'summits run --help')")]
    // worlds show's <ID> names a world, no file: a file's name read as -o's value says nothing of it.
    [InlineData(new[] { "worlds", "show", "-o", "state.json" },
        "summits worlds show: error: the argument <ID> is missing: 'summits worlds show' takes <ID> (see 'summits worlds show --help')")]
    public async Task A_file_an_option_takes_by_its_own_right_is_not_said_as_the_argument(string[] args, string expected)
    {
        var run = await SummitsProcess.RunAsync(args);

        Assert.Equal(expected, OnlyLine(run));
    }

    [Fact]
    public async Task A_file_there_of_another_kind_is_not_said_as_the_argument()
    {
        // 'table.csv' is there, in the folder the program runs in; <WORLD> is a YAML world, so the file is of another
        // kind and no sign of where the world went, there or not (UsageError.LooksLike reads the extension alone).
        var folder = Directory.CreateTempSubdirectory("summits-cli-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "table.csv"), "");
            var run = await SummitsProcess.RunInAsync(folder.FullName, ["export", "ktab", "-o", "table.csv"]);

            Assert.Equal("summits export ktab: error: the argument <WORLD> is missing: 'summits export ktab' takes <WORLD>; the shipped world files: " + ShippedWorlds + " (see 'summits export ktab --help')", OnlyLine(run));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    // A word with no extension is not taken for a file unless it is one there: 'play' names none, so exercise's <FILE>
    // left out is said (with the three shipped exercises), as for any bad value; a file 'play' made in the folder the
    // program runs in is one, so the value's line with what it was read as is said instead. 'play' is 5 edits from
    // 'table' and 4 from 'csv' and 'json', beyond max(2, 4 / 2) = 2, and in none of them: no choice is suggested.
    [InlineData(false, "summits exercise: error: the argument <FILE> is missing: 'summits exercise' takes <FILE>; the shipped exercise files: " + ShippedExercises + " (see 'summits exercise --help')")]
    [InlineData(true, "summits exercise: error: --format must be one of table, csv or json, not 'play'; 'play' was read as the value of --format, the word after it, so <FILE> is missing: give --format a value of its own (see 'summits exercise --help')")]
    public async Task A_word_without_an_extension_is_read_as_a_file_only_when_it_is_one(bool there, string expected)
    {
        var folder = Directory.CreateTempSubdirectory("summits-cli-");
        try
        {
            if (there)
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, "play"), "kind: exercise\n");
            var run = await SummitsProcess.RunInAsync(folder.FullName, ["exercise", "--format", "play"]);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal(expected, OnlyLine(run));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    // A refused value that does not look like a file is no sign of where the argument went: it stays left out, said
    // first. 2.5 ends in '.5', a digit, which is no extension (an extension begins with a letter).
    [InlineData(new[] { "whatif", "--runs", "2.5" },
        "summits whatif: error: the argument <SCENARIO> is missing: 'summits whatif' takes <SCENARIO>; the shipped scenario files: " + ShippedScenarios + " (see 'summits whatif --help')")]
    // A value given twice is refused for being twice, whatever the words: 'a.yaml' is the second --runs, and the mistake
    // to mend is the second --runs, not its value (UsageError.Taken passes over an option with a mistake of its own).
    [InlineData(new[] { "whatif", "--runs", "1", "--runs", "a.yaml" },
        "summits whatif: error: the argument <SCENARIO> is missing: 'summits whatif' takes <SCENARIO>; the shipped scenario files: " + ShippedScenarios + " (see 'summits whatif --help')")]
    // A value written with its option, not after it, was given on purpose: nothing was read out of step.
    [InlineData(new[] { "whatif", "--runs=scenario.yaml" },
        "summits whatif: error: the argument <SCENARIO> is missing: 'summits whatif' takes <SCENARIO>; the shipped scenario files: " + ShippedScenarios + " (see 'summits whatif --help')")]
    public async Task A_refused_value_that_is_no_file_leaves_the_argument_said_first(string[] args, string expected)
    {
        var run = await SummitsProcess.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, OnlyLine(run));
    }

    [Theory]
    // A retired spelling is said as retired before anything else wrong, on every command alike (UsageError.Rank 0): the
    // user's next try would fail on it whatever else they mend. run's own check says that nothing was given to run, and
    // whatif's parser that SCENARIO is missing; --json is said on both. The pointers are RetiredOptions.Values'.
    [InlineData(new[] { "run", "--json" }, "summits run: error: --json is no longer taken; use --format json (see 'summits run --help')")]
    [InlineData(new[] { "whatif", "--json" }, "summits whatif: error: --json is no longer taken; use --format json (see 'summits whatif --help')")]
    // --csv once took a folder: written alone, and with a word it reads as that folder, leaving whatif no scenario.
    [InlineData(new[] { "run", "--csv" }, "summits run: error: --csv is no longer taken; use -o DIR (--output) to write the files, or --format csv to print the tables (see 'summits run --help')")]
    [InlineData(new[] { "whatif", "--csv", "x" }, "summits whatif: error: --csv is no longer taken; use -o DIR (--output) to write the files, or --format csv to print the tables (see 'summits whatif --help')")]
    // --format text is refused by --format's own check, not the command's: the same order.
    [InlineData(new[] { "run", "--format", "text" }, "summits run: error: --format text is no longer taken; use --format table (see 'summits run --help')")]
    [InlineData(new[] { "whatif", "--format", "text" }, "summits whatif: error: --format text is no longer taken; use --format table (see 'summits whatif --help')")]
    // Before a bad value too: with the scenario named (not there: a file is looked for only once the line parses),
    // --runs 0 is below its least of 1, and --json is said.
    [InlineData(new[] { "whatif", "nothing.yaml", "--json", "--runs", "0" }, "summits whatif: error: --json is no longer taken; use --format json (see 'summits whatif --help')")]
    // A retired spelling that read an option's name is said as retired all the same (--csv once took a folder), not as
    // the word it left over, 'json'.
    [InlineData(new[] { "whatif", "nothing.yaml", "--csv", "--format", "json" },
        "summits whatif: error: --csv is no longer taken; use -o DIR (--output) to write the files, or --format csv to print the tables (see 'summits whatif --help')")]
    public async Task A_retired_spelling_is_said_first_on_every_command(string[] args, string expected)
    {
        var run = await SummitsProcess.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, OnlyLine(run));
    }

    [Theory]
    // --world takes run's SCENARIO's place: written without its file and no scenario, what to run is left out, said
    // first in --world's own line (the shipped worlds), as 'run --rounds 0' names what to run before --rounds' 0.
    [InlineData(new[] { "run", "--rounds", "0", "--world" },
        "summits run: error: --world needs a value, as in --world FILE; the shipped world files: " + ShippedWorlds + " (see 'summits run --help')")]
    // --format xml is none of its choices: a value refused, said after what to run.
    [InlineData(new[] { "run", "--format", "xml", "--world" },
        "summits run: error: --world needs a value, as in --world FILE; the shipped world files: " + ShippedWorlds + " (see 'summits run --help')")]
    // Written before another option, --world is given that option's name as its value (the parser takes the word after
    // an option whatever it is: --world '--rounds', SCENARIO '0'): that is said first, then --world's line.
    [InlineData(new[] { "run", "--world", "--rounds", "0" },
        "summits run: error: '--rounds' is an option, read as the value of --world: --world needs a value, as in --world FILE; the shipped world files: " + ShippedWorlds + " (see 'summits run --help')")]
    // Any option read so: whatif's --seed given '--runs' (a seed takes 0 to 18446744073709551615).
    [InlineData(new[] { "whatif", "--seed", "--runs", "0" },
        "summits whatif: error: '--runs' is an option, read as the value of --seed: --seed needs a value, a whole number from 0 to 18446744073709551615 (see 'summits whatif --help')")]
    // With a scenario named, --world without its value leaves nothing to run unsaid: it is a value left out (rank 3), said
    // after --rounds' 0 (rank 2).
    [InlineData(new[] { "run", "nothing.yaml", "--rounds", "0", "--world" },
        "summits run: error: --rounds must be a whole number from 1 to 100000, not 0 (see 'summits run --help')")]
    public async Task World_without_its_file_is_what_to_run_left_out(string[] args, string expected)
    {
        var run = await SummitsProcess.RunAsync(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(expected, OnlyLine(run));
    }

    [Fact]
    public async Task Help_read_as_an_options_value_is_said_so_not_looked_for_as_a_file()
    {
        // The parser gives --world the word after it, '--help', as its value, so no help is shown; before, the file
        // '--help' was looked for and not found ("no such file: --help"). It is said as an option read as --world's
        // value, with --world's own line after it, and the line ends pointing to run's help.
        var run = await SummitsProcess.RunAsync("run", "--world", "--help");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("summits run: error: '--help' is an option, read as the value of --world: --world needs a value, as in --world FILE; the shipped world files: "
            + ShippedWorlds + " (see 'summits run --help')", OnlyLine(run));
    }

    [Theory]
    // A command's check whose line is, exactly, UsageError.MissingArgument's for its argument is an argument left out,
    // said before a value refused (--n takes 1 to 3, and 0 is below): nothing else in the line counts.
    [InlineData(true, "the argument <FILE> is missing: 'summits probe' takes <FILE>")]
    // A line that begins the same way but is not that line is the command's as a whole (UsageError.Rank 4), said after
    // the value: it is not taken for an argument left out by how it begins.
    [InlineData(false, "--n must be a whole number from 1 to 3, not 0")]
    public void Only_the_missing_argument_line_itself_is_ranked_as_one(bool exact, string expected)
    {
        RootCommand Probe()
        {
            var file = new Argument<string?>("FILE") { Arity = ArgumentArity.ZeroOrOne };
            var n = OptionNumbers.Whole(new Option<int>("--n"), 1, 3);
            var probe = new Command("probe") { file, n };
            probe.Validators.Add(result =>
            {
                if (result.GetResult(file) is null)
                    result.AddError(exact ? UsageError.MissingArgument(result, file) : "the argument <FILE> is missing: give one");
            });
            return new RootCommand { probe };
        }
        string[] args = ["probe", "--n", "0"];

        Assert.Equal(expected, UsageError.Of(Probe().Parse(args), args, Probe));
    }

    [Theory]
    // A telemetry file and an older file to migrate are the user's own: none is shipped to name.
    [InlineData("analyze", "<FILE.jsonl>")]
    [InlineData("migrate", "<FILE>")]
    public async Task A_missing_file_argument_of_a_kind_none_is_shipped_of_names_only_the_arguments(string command, string takes)
    {
        var run = await SummitsProcess.RunAsync(command.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"summits {command}: error: the argument {takes} is missing: 'summits {command}' takes {takes} (see 'summits {command} --help')", OnlyLine(run));
    }

    [Theory]
    // A first try from a folder that holds no YAML file, with the name mistyped: nothing there could have been meant, so
    // the line names the shipped files of the argument's kind, in the words a missing argument uses: the seven what-if
    // scenarios for run's and whatif's <SCENARIO>, the four worlds for run's --world.
    [InlineData(new[] { "run", "nonexist.yaml" }, "summits run: error: no such file: nonexist.yaml; the shipped scenario files: " + ShippedScenarios + " (see 'summits run --help')")]
    [InlineData(new[] { "whatif", "nonexist.yaml" }, "summits whatif: error: no such file: nonexist.yaml; the shipped scenario files: " + ShippedScenarios + " (see 'summits whatif --help')")]
    [InlineData(new[] { "run", "--world", "nonexist.yaml" }, "summits run: error: no such file: nonexist.yaml; the shipped world files: " + ShippedWorlds + " (see 'summits run --help')")]
    // The folder named is not there either: said first, then the same shipped files, on the same line.
    [InlineData(new[] { "whatif", "sub/nope.yaml" }, "summits whatif: error: no such file: sub/nope.yaml; the folder 'sub/' does not exist either; the shipped scenario files: " + ShippedScenarios + " (see 'summits whatif --help')")]
    [InlineData(new[] { "run", "nosuchdir/x.yaml" }, "summits run: error: no such file: nosuchdir/x.yaml; the folder 'nosuchdir/' does not exist either; the shipped scenario files: " + ShippedScenarios + " (see 'summits run --help')")]
    [InlineData(new[] { "run", "--world", "nosuchdir/x.yaml" }, "summits run: error: no such file: nosuchdir/x.yaml; the folder 'nosuchdir/' does not exist either; the shipped world files: " + ShippedWorlds + " (see 'summits run --help')")]
    public async Task A_missing_file_in_a_folder_with_none_of_its_kind_names_the_shipped_files(string[] arguments, string said)
    {
        var folder = Directory.CreateTempSubdirectory("summits-missing-file-").FullName;
        try
        {
            var run = await SummitsProcess.RunInAsync(folder, arguments);

            Assert.Equal(said, OnlyLine(run));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_missing_file_in_a_folder_with_files_of_its_kind_names_them_closest_first_not_the_shipped_ones()
    {
        var folder = Directory.CreateTempSubdirectory("summits-missing-file-").FullName;
        try
        {
            foreach (var file in new[] { "nonexistent.yaml", "other.yml", "notes.txt" })
                await File.WriteAllTextAsync(Path.Combine(folder, file), "x: 1\n");
            var run = await SummitsProcess.RunInAsync(folder, ["run", "nonexist.yaml"]);

            // By hand, from "nonexist.yaml": nonexistent.yaml first, its stem begun by the typed one and 2 edits away
            // (insert "en"); other.yml at least 4 edits away (4 characters shorter); notes.txt is not YAML. The folder
            // offers files of the kind, so no shipped file is named.
            Assert.Equal("summits run: error: no such file: nonexist.yaml; the YAML files there, closest first: nonexistent.yaml and other.yml (see 'summits run --help')", OnlyLine(run));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_required_option_written_without_its_value_is_said_as_needing_it()
    {
        var run = await SummitsProcess.RunAsync("generate", "--actors");

        // --actors is written without its value and --topics and --seed are left out: all three are what the command
        // cannot run without (UsageError.Rank 1), said in the order the parser found them, --actors first, as the option
        // the user is writing.
        Assert.Equal("summits generate: error: --actors needs a value, a whole number from 2 to 5000 (see 'summits generate --help')", OnlyLine(run));
    }

    [Fact]
    public async Task A_required_option_left_out_is_said_before_another_options_bad_value()
    {
        var run = await SummitsProcess.RunAsync("generate", "--topics", "0", "--seed", "1");

        // --topics 0 is out of its range (1 to 1000), but the world cannot be made without its actors, so what the
        // command cannot run without is said first (UsageError.Rank 1, before a bad value's 2): --actors, 2 to 5000.
        Assert.Equal("summits generate: error: --actors is required, a whole number from 2 to 5000 (see 'summits generate --help')", OnlyLine(run));
    }

    [Fact]
    public async Task A_required_option_left_out_says_what_it_takes()
    {
        var run = await SummitsProcess.RunAsync("generate", "--topics", "3", "--seed", "1");

        // The parser's own words were "Option '--actors' is required."; in the house style the option is named with
        // what it takes: its range, WorldGenerator.MinActors (2) to MaxActors (5000).
        Assert.Equal("summits generate: error: --actors is required, a whole number from 2 to 5000 (see 'summits generate --help')", OnlyLine(run));
    }

    [Theory]
    // An option with fixed choices names them in the order its help lists them (CommonOptions.Format, Verbosity);
    // the parser's own words were "Required argument missing for option: '--format'".
    [InlineData(new[] { "--format" }, "summits run: error: --format needs a value, one of table, csv or json (see 'summits run --help')")]
    // The short name the user wrote is the one the line names.
    [InlineData(new[] { "-v" }, "summits run: error: -v needs a value, one of quiet, minimal, normal, detailed or diagnostic (see 'summits run --help')")]
    // A number option names its range: --checkpoint-every takes 1 to 1000 (docs/architecture.md, Checkpoints).
    [InlineData(new[] { "--checkpoint-every" }, "summits run: error: --checkpoint-every needs a value, a whole number from 1 to 1000 (see 'summits run --help')")]
    // Any other option shows how it is written, with the name its help gives the value.
    [InlineData(new[] { "-o" }, "summits run: error: -o needs a value, as in -o DIR (see 'summits run --help')")]
    // An option that names a file to read names the shipped files of its kind after how it is written, as a missing
    // argument does: --world takes a world file, and four are shipped.
    [InlineData(new[] { "--world" }, "summits run: error: --world needs a value, as in --world FILE; the shipped world files: " + ShippedWorlds + " (see 'summits run --help')")]
    public async Task An_option_without_its_value_says_what_the_value_may_be(string[] option, string said)
    {
        var run = await SummitsProcess.RunAsync(["run", Baseline, .. option]);

        Assert.Equal(said, OnlyLine(run));
    }

    [Theory]
    // --world with no value and nothing else: the option's own mistake, not the missing scenario (which --world, given,
    // would stand in for) nor a failure to read a value that is not there.
    [InlineData("run", new[] { "run", "--world" })]
    // seed's --world (CommonOptions.World) is an option of its own of the same name and kind, with the summit as its
    // default when it is left out.
    [InlineData("seed", new[] { "seed", "--world" })]
    public async Task A_world_option_without_its_file_names_the_shipped_worlds(string command, string[] arguments)
    {
        var run = await SummitsProcess.RunAsync(arguments);

        Assert.Equal($"summits {command}: error: --world needs a value, as in --world FILE; the shipped world files: {ShippedWorlds} (see 'summits {command} --help')", OnlyLine(run));
    }

    private static string Exercise => SeedFiles.File("scenarios", "exercises", "bilateral-fta.yaml");

    [Theory]
    // Each option below is one whose value a check of the command reads (CommandChecks), which ended the program with an
    // unhandled exception (exit 134) when the value could not be read. The parser's own line is said instead: written
    // twice, an option of one value names both values in their order, then how it is written (its help name: FILE for
    // --world, DIR for --report, PATH for --certificate) or its choices, and no shipped files: the user gave two of
    // their own; written without its value, it needs one.
    // run's check of a scenario against --world, with no scenario and with one:
    [InlineData(new[] { "run", "--world", "a.yaml", "--world", "b.yaml" }, "summits run: error: --world is given twice, as 'a.yaml' and 'b.yaml'; give it once, as in --world FILE (see 'summits run --help')")]
    [InlineData(new[] { "run", "BASELINE", "--world", "a", "--world", "b" }, "summits run: error: --world is given twice, as 'a' and 'b'; give it once, as in --world FILE (see 'summits run --help')")]
    // seed's --world, which no check of seed reads, is said the same way:
    [InlineData(new[] { "seed", "--world", "a", "--world", "b" }, "summits seed: error: --world is given twice, as 'a' and 'b'; give it once, as in --world FILE (see 'summits seed --help')")]
    // run's check of --pair reads --report:
    [InlineData(new[] { "run", "BASELINE", "--report" }, "summits run: error: --report needs a value, as in --report DIR (see 'summits run --help')")]
    [InlineData(new[] { "run", "BASELINE", "--report", "a", "--report", "b" }, "summits run: error: --report is given twice, as 'a' and 'b'; give it once, as in --report DIR (see 'summits run --help')")]
    // whatif's check of the local engine reads --engine, whose choices are grains and local:
    [InlineData(new[] { "whatif", "BASELINE", "--engine" }, "summits whatif: error: --engine needs a value, one of grains or local (see 'summits whatif --help')")]
    // exercise's check of --teacher reads --format (table, csv or json) and --answers (a FILE):
    [InlineData(new[] { "exercise", "EXERCISE", "--format" }, "summits exercise: error: --format needs a value, one of table, csv or json (see 'summits exercise --help')")]
    [InlineData(new[] { "exercise", "EXERCISE", "--answers" }, "summits exercise: error: --answers needs a value, as in --answers FILE (see 'summits exercise --help')")]
    // The telemetry options' check of --telemetry-orleans reads --telemetry (a FILE.jsonl):
    [InlineData(new[] { "run", "BASELINE", "--telemetry" }, "summits run: error: --telemetry needs a value, as in --telemetry FILE.jsonl (see 'summits run --help')")]
    // The check of -q against -v reads -v, named as written, with the five levels in the help's order:
    [InlineData(new[] { "run", "BASELINE", "-q", "-v" }, "summits run: error: -v needs a value, one of quiet, minimal, normal, detailed or diagnostic (see 'summits run --help')")]
    // classroom's check of --public reads --certificate (a PATH):
    [InlineData(new[] { "classroom", "EXERCISE", "--certificate", "a", "--certificate", "b" }, "summits classroom: error: --certificate is given twice, as 'a' and 'b'; give it once, as in --certificate PATH (see 'summits classroom --help')")]
    public async Task An_option_whose_value_a_check_reads_is_said_in_the_parsers_line_when_its_value_cannot_be_read(string[] arguments, string said)
    {
        var run = await SummitsProcess.RunAsync([.. arguments.Select(a => a switch { "BASELINE" => Baseline, "EXERCISE" => Exercise, _ => a })]);

        Assert.Equal(said, OnlyLine(run));
    }

    [Fact]
    public void A_file_option_with_no_file_given_names_the_shipped_files_and_one_given_twice_does_not()
    {
        // No command requires an option that names a file to read; one made here, of the world kind as run's --world,
        // is said on each of the three paths. Left out (required) or written without its file, no file was given, so
        // the four shipped worlds are named, as for a missing argument; written twice, the user gave two files of their
        // own, and the line ends with how it is written.
        static ParseResult Parse(params string[] args) =>
            new RootCommand { CommonOptions.InputFile(new Option<string>("--world") { Required = true, HelpName = "FILE" }, InputKind.World) }.Parse(args);

        Assert.Equal("--world is required, as in --world FILE; the shipped world files: " + ShippedWorlds, UsageError.Of(Parse()));
        Assert.Equal("--world needs a value, as in --world FILE; the shipped world files: " + ShippedWorlds, UsageError.Of(Parse("--world")));
        Assert.Equal("--world is given twice, as 'a' and 'b'; give it once, as in --world FILE", UsageError.Of(Parse("--world", "a", "--world", "b")));
    }

    [Fact]
    public async Task A_command_with_one_subcommand_names_it_as_the_only_one()
    {
        // 'import' has one command, ktab: "one of ktab" and "the commands are ktab" read wrong for a list of one.
        var none = await SummitsProcess.RunAsync("import");
        Assert.Equal("summits import: error: a command is needed: the only command is ktab (see 'summits import --help')", OnlyLine(none));

        // 'kab' is one deletion from 'ktab', within the nearness allowed (at least 2).
        var wrong = await SummitsProcess.RunAsync("import", "kab");
        Assert.Equal("summits import: error: 'kab' is not a command (did you mean 'ktab'?); the only command is ktab (see 'summits import --help')", OnlyLine(wrong));
    }

    [Fact]
    public async Task A_list_in_the_help_has_no_comma_before_or()
    {
        var help = await SummitsProcess.RunAsync("compare", "--help");

        // The house style joins alternatives as "a, b or c" (Listed.Or), without a comma before "or".
        Assert.Equal(0, help.ExitCode);
        var text = string.Join(' ', help.Output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("A: a scenario file, FILE#BRANCH or a state.json", text);
        Assert.DoesNotContain("FILE#BRANCH, or", text);
    }
}
