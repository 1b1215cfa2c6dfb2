using Summits.Cli.Telemetry;

namespace Summits.Telemetry.Tests;

/// <summary>
/// A <c>--telemetry</c> file that cannot be written is refused before anything runs; it is written beside its
/// target and put in place when the run finished, and one whose writes fail during the run is reported in one line
/// at the end, with exit code 3 and the target as it was.
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
    public async Task Writes_that_fail_during_the_run_are_said_in_one_line_at_the_end_with_exit_code_3()
    {
        // /dev/full opens for writing, so the check passes, and then refuses every write with ENOSPC. A device is
        // written in place (there is no file beside it to write first). An output that could not be written is exit 3.
        var run = await SummitsProcess.RunAsync(["run", WhatIf.Path("baseline"), "--engine", "local", "-q", "--telemetry", "/dev/full"]);

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("Expectations: 5 passed, 0 failed.", run.Output);
        var last = run.Error.TrimEnd().Split('\n')[^1];
        // Nothing was written (the first write already fails), and at least one export request was lost. Said in the form
        // of every exit-3 failure, "summits COMMAND: error: ...", and the system's reason is ENOSPC's own words,
        // "No space left on device", without the " : '/dev/full'" .NET appends to its message.
        Assert.Matches(@"^summits run: error: telemetry file /dev/full is incomplete: writing it failed after 0 export requests \(No space left on device\); [1-9]\d* more (was|were) not written$", last);
    }

    [Fact]
    public async Task A_seed_whose_telemetry_writes_fail_says_it_in_the_form_of_every_run_time_failure_with_exit_code_3()
    {
        // The same failure from the other command that writes a telemetry file: its line names that command.
        var seed = await SummitsProcess.RunAsync(["seed", "-q", "--telemetry", "/dev/full"]);

        Assert.Equal(3, seed.ExitCode);
        var last = seed.Error.TrimEnd().Split('\n')[^1];
        Assert.Matches(@"^summits seed: error: telemetry file /dev/full is incomplete: writing it failed after 0 export requests \(No space left on device\); [1-9]\d* more (was|were) not written$", last);
    }

    [Fact]
    public void The_writer_counts_the_lines_written_before_a_failure_and_those_lost_after_it()
    {
        using var writer = new JsonlWriter("/dev/full");

        // Two lines in the first batch, one in the second: the first write fails, so 0 written and 3 lost.
        writer.Append("{\"a\":1}\n{\"a\":2}\n"u8);
        writer.Append("{\"a\":3}\n"u8);

        Assert.Equal("telemetry file /dev/full is incomplete: writing it failed after 0 export requests (No space left on device); 3 more were not written", writer.Failure);
    }

    [Fact]
    public void A_writer_writes_beside_the_file_and_puts_it_in_place_when_the_run_finished()
    {
        var path = Path.Combine(_directory, "ok.jsonl");
        File.WriteAllText(path, "previous\n");
        using (var writer = new JsonlWriter(path))
        {
            writer.Append("{\"a\":1}\n"u8);
            // While the run goes, the lines are in ok.jsonl.partial and ok.jsonl is the previous run's.
            Assert.Equal("{\"a\":1}\n", File.ReadAllText(path + ".partial"));
            Assert.Equal("previous\n", File.ReadAllText(path));
            writer.Finish(finished: true);
            Assert.Null(writer.Failure);
            Assert.Null(writer.Notice);
        }
        Assert.Equal("{\"a\":1}\n", File.ReadAllText(path));
        Assert.False(File.Exists(path + ".partial"));
    }

    [Fact]
    public void A_run_that_did_not_finish_leaves_the_file_as_it_was_and_says_where_its_lines_are()
    {
        var path = Path.Combine(_directory, "stopped.jsonl");
        File.WriteAllText(path, "previous\n");
        using (var writer = new JsonlWriter(path))
        {
            // Two export requests, one line each.
            writer.Append("{\"a\":1}\n"u8);
            writer.Append("{\"a\":2}\n"u8);
            writer.Finish(finished: false);
            Assert.Null(writer.Failure);
            Assert.Equal($"the command did not finish, so its telemetry (2 export requests) is in {path}.partial; {path} is as it was", writer.Notice);
        }
        Assert.Equal("previous\n", File.ReadAllText(path));
        Assert.Equal("{\"a\":1}\n{\"a\":2}\n", File.ReadAllText(path + ".partial"));
    }

    /// <summary>
    /// The standard batch variables set so that a run's file does not depend on when its batches fall: one span or log
    /// record a request, whenever it is written, and the metrics collected once, when the run ends (a run lasts well
    /// under the 600 s interval).
    /// </summary>
    private static readonly Dictionary<string, string> OneItemPerRequest = new()
    {
        ["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] = "1",
        ["OTEL_BLRP_MAX_EXPORT_BATCH_SIZE"] = "1",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "600000",
    };

    [Fact]
    public async Task The_standard_batch_variables_decide_how_the_file_is_batched()
    {
        var file = Path.Combine(_directory, "batches.jsonl");
        // One span and one log record a request, and metrics collected every 100 ms.
        Dictionary<string, string> variables = new()
        {
            ["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] = "1",
            ["OTEL_BLRP_MAX_EXPORT_BATCH_SIZE"] = "1",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "100",
        };

        var run = await SummitsProcess.RunAsync(["run", WhatIf.Path("baseline"), "--engine", "local", "-q", "--telemetry", file], variables);

        Assert.Equal(0, run.ExitCode);
        var telemetry = OtlpFile.Read(file);
        // The SDK's defaults put up to 512 spans in a request; here each holds one, as each log request one record.
        Assert.True(telemetry.Traces.Count > 1, $"{telemetry.Traces.Count} span requests");
        Assert.All(telemetry.Traces, r => Assert.Equal(1, r.ResourceSpans.Sum(rs => rs.ScopeSpans.Sum(s => s.Spans.Count))));
        Assert.All(telemetry.Logs, r => Assert.Equal(1, r.ResourceLogs.Sum(rl => rl.ScopeLogs.Sum(s => s.LogRecords.Count))));
        // The default collects metrics every 60 s and at the end, once in a run of seconds; every 100 ms, more than once.
        Assert.True(telemetry.Metrics.Count > 1, $"{telemetry.Metrics.Count} metric requests");
    }

    [Fact]
    public async Task A_batch_size_above_the_queue_size_is_taken_as_the_queue_size()
    {
        var file = Path.Combine(_directory, "seed.jsonl");
        // 5000 a batch with the default queue of 2048: the SDK refuses such a processor with an exception; the file's is
        // made with batches of 2048, and the seed writes its telemetry as usual.
        Dictionary<string, string> variables = new() { ["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] = "5000", ["OTEL_BLRP_MAX_EXPORT_BATCH_SIZE"] = "5000" };

        var seed = await SummitsProcess.RunAsync(["seed", "-q", "--telemetry", file], variables);

        Assert.Equal(0, seed.ExitCode);
        Assert.NotEmpty(OtlpFile.Read(file).Traces);
    }

    [Fact]
    public async Task A_full_disk_during_the_run_leaves_the_file_as_it_was_the_written_lines_whole_beside_it_and_exit_code_3()
    {
        // Both runs write one line per span and per log record, and one for the metrics at the end (OneItemPerRequest),
        // so the probe's lines are the lines of the run on the full disk, give or take the few bytes of the timings in
        // them, however the exports fall in time; only their order varies. Every line is a small part of the whole, so a
        // tmpfs whose room beside the previous file (one page) is half the probe's bytes, and at least a page more than
        // its longest line, holds the first lines written and not the rest: a write fails part-way, and the partial file
        // must be cut back to the whole lines before it.
        var probe = Path.Combine(_directory, "probe.jsonl");
        Assert.Equal(0, (await SummitsProcess.RunAsync(["run", WhatIf.Path("baseline"), "--engine", "local", "-q", "--telemetry", probe], OneItemPerRequest)).ExitCode);
        var lengths = File.ReadAllLines(probe).Select(line => line.Length + 1).ToArray();
        const int page = 4096;
        var room = lengths.Sum() / 2 / page * page;
        Assert.True(room - lengths.Max() >= page && lengths.Sum() - room >= page,
            $"the probe's {lengths.Length} lines are {lengths.Sum()} bytes, the longest {lengths.Max()}: no room lies a page from the longest and from all");

        await WithTmpfsAsync(room + page, async disk =>
        {
            var file = Path.Combine(disk, "run.jsonl");
            File.WriteAllText(file, "previous\n");

            var run = await SummitsProcess.RunAsync(["run", WhatIf.Path("baseline"), "--engine", "local", "-q", "--telemetry", file], OneItemPerRequest);

            Assert.Equal(3, run.ExitCode);
            Assert.Equal("previous\n", File.ReadAllText(file));
            // The partial file was cut back to its last whole line: every line is a whole JSON object, and there are some.
            var written = File.ReadAllLines(file + ".partial");
            Assert.NotEmpty(written);
            Assert.EndsWith("\n", File.ReadAllText(file + ".partial"));
            foreach (var line in written)
                Assert.Equal(System.Text.Json.JsonValueKind.Object, System.Text.Json.JsonDocument.Parse(line).RootElement.ValueKind);
            var last = run.Error.TrimEnd().Split('\n')[^1];
            var path = System.Text.RegularExpressions.Regex.Escape(file);
            Assert.Matches($@"^summits run: error: telemetry file {path} was not written: writing it failed after {written.Length} export requests? \(No space left on device\); [1-9]\d* more (was|were) not written; {path} is as it was, and the export requests written are in {path}\.partial$", last);
        });
    }

    [Fact]
    public void A_symbolic_link_stays_a_link_and_the_file_it_points_to_is_replaced()
    {
        var real = Path.Combine(_directory, "real.jsonl");
        var link = Path.Combine(_directory, "link.jsonl");
        File.WriteAllText(real, "previous\n");
        File.CreateSymbolicLink(link, real);

        using (var writer = new JsonlWriter(link))
        {
            writer.Append("{\"a\":1}\n"u8);
            writer.Finish(finished: true);
            Assert.Null(writer.Failure);
        }

        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Equal("{\"a\":1}\n", File.ReadAllText(real));
    }

    [Fact]
    public async Task A_seed_whose_output_fills_the_disk_exits_3_names_no_folder_of_its_own_and_leaves_the_telemetry_file()
    {
        // A tmpfs of 16 KiB cannot hold the seeded world's world.json: the output write fails, so the command did not
        // finish, and its telemetry file stays as it was. The reason is the system's, with no hidden folder's path.
        await WithTmpfsAsync(16 * 1024, async disk =>
        {
            var telemetry = Path.Combine(_directory, "seed.jsonl");
            File.WriteAllText(telemetry, "previous\n");
            var output = Path.Combine(disk, "o");

            var seed = await SummitsProcess.RunAsync(["seed", "-q", "--telemetry", telemetry, "-o", output]);

            Assert.Equal(3, seed.ExitCode);
            Assert.Contains($"summits seed: error: could not write '{output}': No space left on device", seed.Error);
            Assert.DoesNotContain("summits-new", seed.Error);
            Assert.Equal("previous\n", File.ReadAllText(telemetry));
            Assert.Contains("\nsummits seed: the command did not finish, so its telemetry (", "\n" + seed.Error.ReplaceLineEndings("\n"));
        });
    }

    /// <summary>Runs <paramref name="test"/> on a tmpfs of <paramref name="bytes"/> mounted in a new folder (these tests run as root), unmounted after.</summary>
    private async Task WithTmpfsAsync(int bytes, Func<string, Task> test)
    {
        var disk = Path.Combine(_directory, $"tmpfs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(disk);
        Assert.Equal(0, await Shell("mount", "-t", "tmpfs", "-o", $"size={bytes}", "tmpfs", disk));
        try
        {
            await test(disk);
        }
        finally
        {
            await Shell("umount", disk);
        }
    }

    private static async Task<int> Shell(string program, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
