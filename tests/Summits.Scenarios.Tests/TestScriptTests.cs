using System.Diagnostics;

namespace Summits.Scenarios.Tests;

/// <summary>The repository's test commands (tests/run, tests/faults) answer --help with their own usage, not dotnet test's, and tests/faults joins a caller's --filter to its own; tests/run installs every Debian package a test starts, and CI and the README run it.</summary>
public sealed class TestScriptTests
{
    [Theory]
    [InlineData("run", "--help")]
    [InlineData("faults", "--help")]
    [InlineData("faults", "-h")]
    public void A_test_command_asked_for_help_says_its_own_usage_in_one_line_and_runs_nothing(string script, string help)
    {
        var (exit, output, error) = RunScript(script, [help], new Dictionary<string, string>(), "it ran instead of saying its usage");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        // One line, naming the script as it is run from the repository's root; dotnet test's help would be many lines.
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        // The fault command names its own option, the checkpoint interval, before the ones it passes on.
        Assert.StartsWith(script == "faults" ? "usage: tests/faults [--checkpoint-every N] [DOTNET-TEST-OPTION...]: " : $"usage: tests/{script} [DOTNET-TEST-OPTION...]: ", lines[0]);
    }

    [Fact]
    public void The_fault_command_refuses_a_choice_of_failure_points_it_does_not_know_in_one_line()
    {
        var (exit, output, error) = RunScript("faults", [], new Dictionary<string, string> { ["SUMMITS_FAULT_POINTS"] = "every" }, "it ran instead of refusing");

        // Bad input: exit 2, nothing run, one line naming the value and the valid choices (seeded or all).
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal("tests/faults: SUMMITS_FAULT_POINTS is 'every'; expected which failure points to try; valid choices: seeded or all\n", error);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("")]
    public void The_fault_command_refuses_a_number_of_failure_points_that_is_not_a_whole_number_from_1_in_one_line(string seeds)
    {
        // 0 would try no point and pass while testing nothing; the others are not numbers of points at all.
        var (exit, output, error) = RunScript("faults", [], new Dictionary<string, string> { ["SUMMITS_FAULT_SEEDS"] = seeds }, "it ran instead of refusing");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal($"tests/faults: SUMMITS_FAULT_SEEDS is '{seeds}'; expected how many failure points to draw per scenario and operation: a whole number from 1 to 9999\n", error);
    }

    [Theory]
    [InlineData("--filter", "FullyQualifiedName~Okinawa")]
    [InlineData("--filter=FullyQualifiedName~Okinawa", null)]
    public void The_fault_command_joins_a_callers_filter_to_its_own_category_rather_than_passing_dotnet_test_two(string option, string? value)
    {
        // dotnet test refuses a second --filter ("Option '--filter' expects a single argument"), so the script must pass
        // exactly one: its category and the caller's filter joined with &, each in parentheses, and the other options after.
        // A stand-in `dotnet` first on PATH prints the arguments it was given, one a line, instead of running tests.
        var (exit, output, error) = WithStandInDotnet(path => RunScript("faults", value is null ? [option, "-v", "q"] : [option, value, "-v", "q"],
            new Dictionary<string, string> { ["PATH"] = path }, "it did not reach dotnet"));

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        Assert.Equal("test\ntests/Summits.Grains.Tests\n-c\nRelease\n--disable-build-servers\n--filter\n(Category=ShippedScenarioFaults)&(FullyQualifiedName~Okinawa)\n-v\nq\n", output);
    }

    [Theory]
    [InlineData(new[] { "--filter", "A", "--filter=B" }, "tests/faults: --filter is given twice; expected one filter, which narrows the fault runs to (Category=ShippedScenarioFaults)&(FILTER)\n")]
    [InlineData(new[] { "--filter" }, "tests/faults: --filter has no value; expected a dotnet test filter expression, such as --filter 'FullyQualifiedName~Okinawa'\n")]
    [InlineData(new[] { "--filter=" }, "tests/faults: --filter has no value; expected a dotnet test filter expression, such as --filter 'FullyQualifiedName~Okinawa'\n")]
    public void The_fault_command_refuses_a_filter_it_cannot_join_in_one_line_and_runs_nothing(string[] arguments, string expected)
    {
        // Two filters cannot both be joined without guessing how; a --filter with nothing after it filters nothing.
        var (exit, output, error) = WithStandInDotnet(path => RunScript("faults", arguments, new Dictionary<string, string> { ["PATH"] = path }, "it ran instead of refusing"));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(new[] { "--checkpoint-every", "3", "-v", "q" }, "3")]
    [InlineData(new[] { "--checkpoint-every=1000", "-v", "q" }, "1000")]
    [InlineData(new[] { "-v", "q" }, "1")]
    public void The_fault_command_runs_its_silo_at_the_checkpoint_interval_it_is_given_and_every_advance_by_default(string[] arguments, string every)
    {
        // The interval reaches the fault runs' silo through SUMMITS_FAULT_CHECKPOINT_EVERY, and the option is not passed on
        // to dotnet test, which would refuse it. The stand-in dotnet prints the variable, then its arguments, one a line.
        var (exit, output, error) = WithStandInDotnet(path => RunScript("faults", arguments, new Dictionary<string, string> { ["PATH"] = path }, "it did not reach dotnet"),
            "printf 'SUMMITS_FAULT_CHECKPOINT_EVERY=%s\\n' \"$SUMMITS_FAULT_CHECKPOINT_EVERY\"\n");

        Assert.Equal("", error);
        Assert.Equal(0, exit);
        Assert.Equal($"SUMMITS_FAULT_CHECKPOINT_EVERY={every}\ntest\ntests/Summits.Grains.Tests\n-c\nRelease\n--disable-build-servers\n--filter\nCategory=ShippedScenarioFaults\n-v\nq\n", output);
    }

    [Theory]
    [InlineData(new[] { "--checkpoint-every", "0" }, "tests/faults: --checkpoint-every is '0'; expected a checkpoint interval, a whole number from 1 to 1000\n")]
    [InlineData(new[] { "--checkpoint-every=1001" }, "tests/faults: --checkpoint-every is '1001'; expected a checkpoint interval, a whole number from 1 to 1000\n")]
    [InlineData(new[] { "--checkpoint-every", "03" }, "tests/faults: --checkpoint-every is '03'; expected a checkpoint interval, a whole number from 1 to 1000\n")]
    [InlineData(new[] { "--checkpoint-every" }, "tests/faults: --checkpoint-every has no value; expected a checkpoint interval, a whole number from 1 to 1000\n")]
    [InlineData(new[] { "--checkpoint-every", "2", "--checkpoint-every=3" }, "tests/faults: --checkpoint-every is given twice; expected one checkpoint interval, a whole number from 1 to 1000\n")]
    public void The_fault_command_refuses_a_checkpoint_interval_out_of_range_in_one_line_and_runs_nothing(string[] arguments, string expected)
    {
        // The interval's range is the one the silo accepts, 1 to 1000 (CheckpointOptions); 0, 1001 and a leading zero are
        // refused before dotnet is reached (the stand-in would print its arguments).
        var (exit, output, error) = WithStandInDotnet(path => RunScript("faults", arguments, new Dictionary<string, string> { ["PATH"] = path }, "it ran instead of refusing"));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal(expected, error);
    }

    /// <summary>
    /// The programs that tests start and a fresh Debian machine with the .NET SDK lacks, each with the Debian package
    /// that gives it and the test file that starts it, read off those files: the report tests open chromium
    /// (ReportBrowser), the cluster tests start redis-server (RedisServer), the terminal tests run tmux (TmuxTerminal),
    /// and the output-write tests run strace (OutputSetKillTests).
    /// </summary>
    private static readonly (string Program, string Package, string StartedIn)[] Needed =
    [
        ("chromium", "chromium", "tests/Summits.Reports.Tests/ReportBrowser.cs"),
        ("redis-server", "redis-server", "tests/Summits.Cluster.Tests/RedisServer.cs"),
        ("tmux", "tmux", "tests/Summits.Cli.Tests/Process/TmuxTerminal.cs"),
        ("strace", "strace", "tests/Summits.Cli.Tests/Output/OutputSetKillTests.cs"),
    ];

    [Fact]
    public void The_test_command_installs_every_package_a_test_starts_and_CI_and_the_README_run_it()
    {
        var script = File.ReadAllText(Path.Combine(RepoFiles.Root, "tests", "run"));
        var packages = System.Text.RegularExpressions.Regex.Match(script, @"(?m)^packages=\((?<list>[^)]*)\)$");
        Assert.True(packages.Success, "tests/run has no line 'packages=(...)'");
        var installed = packages.Groups["list"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var readme = File.ReadAllText(Path.Combine(RepoFiles.Root, "README.md"));
        foreach (var (program, package, startedIn) in Needed)
        {
            // The program is the one that test starts, so the list is not a guess.
            Assert.Contains(program, File.ReadAllText(Path.Combine(RepoFiles.Root, startedIn)), StringComparison.Ordinal);
            // tests/run installs its package where it is missing, and the README says that it does.
            Assert.Contains(package, installed);
            Assert.Contains($"`{package}`", readme, StringComparison.Ordinal);
        }
        // The README's second command is the script, and CI runs the same script and nothing more.
        Assert.Contains("\nbash tests/run\n```", readme.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var ci = File.ReadAllLines(Path.Combine(RepoFiles.Root, ".ci", "run")).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')).ToList();
        Assert.Equal("exec bash tests/run", ci[^1]);
    }

    /// <summary>Calls <paramref name="run"/> with a PATH whose first folder holds a stand-in <c>dotnet</c> that prints its arguments, one a line (after <paramref name="first"/>, shell lines it runs before); removes the folder afterwards.</summary>
    private static T WithStandInDotnet<T>(Func<string, T> run, string first = "")
    {
        var folder = Directory.CreateTempSubdirectory("summits-stand-in-dotnet-");
        try
        {
            var dotnet = Path.Combine(folder.FullName, "dotnet");
            File.WriteAllText(dotnet, "#!/bin/sh\n" + first + "for a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return run($"{folder.FullName}:{Environment.GetEnvironmentVariable("PATH")}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs <c>bash tests/SCRIPT ARGUMENTS</c> with <paramref name="environment"/> added; fails if it takes over 30 s (<paramref name="ranInstead"/> says what that would mean).</summary>
    private static (int Exit, string Output, string Error) RunScript(string script, string[] arguments, Dictionary<string, string> environment, string ranInstead)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoFiles.Root, "tests", script), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), $"the script did not end within 30 s: {ranInstead}");
        return (process.ExitCode, output, error.Result);
    }
}
