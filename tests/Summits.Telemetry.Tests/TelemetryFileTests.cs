using Summits.Cli.Telemetry;

namespace Summits.Telemetry.Tests;

/// <summary>
/// A <c>--telemetry</c> file that cannot be written is refused before anything runs, and one whose writes
/// fail during the run is reported in one line at the end, the run's exit code kept.
/// </summary>
public sealed class TelemetryFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("summits-telemetry-file-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_folder_is_refused_in_one_line_before_the_run()
    {
        var run = await SummitsProcess.RunAsync(["run", WhatIf.Path("baseline"), "--engine", "local", "--telemetry", _directory]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"summits run: error: --telemetry '{_directory}' cannot be written: it is a folder; name a file (see 'summits run --help')", run.Error.TrimEnd());
        // Nothing ran: a run prints its scenario line first.
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task A_path_under_a_file_is_refused_in_one_line_before_the_run()
    {
        var file = Path.Combine(_directory, "plain.txt");
        File.WriteAllText(file, "x");
        var telemetry = Path.Combine(file, "run.jsonl");

        var run = await SummitsProcess.RunAsync(["run", WhatIf.Path("baseline"), "--engine", "local", "--telemetry", telemetry]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"summits run: error: --telemetry '{telemetry}' cannot be written: '{file}' is a file, not a folder (see 'summits run --help')", run.Error.TrimEnd());
        Assert.Empty(run.Output);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void The_check_leaves_no_file_behind_and_an_existing_file_unchanged()
    {
        var fresh = Path.Combine(_directory, "new", "run.jsonl");
        var existing = Path.Combine(_directory, "old.jsonl");
        File.WriteAllText(existing, "kept\n");

        Assert.Null(JsonlWriter.Problem(fresh));
        Assert.Null(JsonlWriter.Problem(existing));

        Assert.False(File.Exists(fresh));
        Assert.Equal("kept\n", File.ReadAllText(existing));
    }

    [Fact]
    public async Task Writes_that_fail_during_the_run_are_said_in_one_line_at_the_end_and_the_exit_code_is_kept()
    {
        // /dev/full opens for writing, so the check passes, and then refuses every write with ENOSPC.
        var run = await SummitsProcess.RunAsync(["run", WhatIf.Path("baseline"), "--engine", "local", "-q", "--telemetry", "/dev/full"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Expectations: 5 passed, 0 failed.", run.Output);
        var last = run.Error.TrimEnd().Split('\n')[^1];
        // Nothing was written (the first write already fails), and at least one export request was lost.
        Assert.Matches(@"^summits: telemetry file /dev/full is incomplete: writing it failed after 0 export requests \(No space left on device[^)]*\); [1-9]\d* more (was|were) not written$", last);
    }

    [Fact]
    public void The_writer_counts_the_lines_written_before_a_failure_and_those_lost_after_it()
    {
        using var writer = new JsonlWriter("/dev/full");

        // Two lines in the first batch, one in the second: the first write fails, so 0 written and 3 lost.
        writer.Append("{\"a\":1}\n{\"a\":2}\n"u8);
        writer.Append("{\"a\":3}\n"u8);

        Assert.Matches(@"^summits: telemetry file /dev/full is incomplete: writing it failed after 0 export requests \(No space left on device[^)]*\); 3 more were not written$", writer.Failure);
    }

    [Fact]
    public void A_writer_whose_writes_succeed_reports_no_failure()
    {
        var path = Path.Combine(_directory, "ok.jsonl");
        using (var writer = new JsonlWriter(path))
        {
            writer.Append("{\"a\":1}\n"u8);
            Assert.Null(writer.Failure);
        }
        Assert.Equal("{\"a\":1}\n", File.ReadAllText(path));
    }
}
