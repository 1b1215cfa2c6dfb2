using System.Diagnostics;

namespace Summits.Telemetry.Tests;

/// <summary>
/// Telemetry that reaches no receiver is said, in one line on standard error at the end of the run; the run
/// keeps its exit code and ends without waiting on the receiver longer than the flush budget.
/// </summary>
public sealed class UndeliveredTelemetryTests
{
    /// <summary>The notice of every run below, said as every line of a command is, after its name: "summits run: ".</summary>
    private const string Notice = "summits run: telemetry not delivered to ";

    /// <summary>The baseline scenario's expectations all hold, so its exit code is 0 with or without telemetry.</summary>
    private static readonly string[] Run = ["run", WhatIf.Path("baseline"), "--engine", "local", "-q"];

    [Fact]
    public async Task A_receiver_answering_404_gets_each_signal_on_its_own_path_and_the_run_says_nothing_arrived()
    {
        await using var receiver = LoopbackReceiver.NotFound();
        var traces = new Uri(receiver.Address, "/v1/traces");

        // What many users write: the traces URL with --otlp-protocol http/protobuf.
        var (exit, _, error) = await SummitsProcess.RunAsync([.. Run, "--otlp", traces.ToString(), "--otlp-protocol", "http/protobuf"]);

        Assert.Equal(0, exit);
        // Traces, metrics and logs each went to their own path under the receiver (before: /v1/traces/v1/metrics).
        Assert.Equal(["POST /v1/logs", "POST /v1/metrics", "POST /v1/traces"], receiver.Requests.Distinct().Order());
        var line = Assert.Single(Lines(error));
        var a = receiver.Address.ToString().TrimEnd('/');
        // The three receivers listed as English lists them, "and" before the last.
        Assert.StartsWith($"{Notice}{a}/v1/traces, {a}/v1/metrics and {a}/v1/logs: ", line);
        // The receiver's status, as HTTP says it; its body is empty, so nothing follows it.
        Assert.Matches(@" exports? failed \(HTTP 404 Not Found\)$", line);
    }

    [Fact]
    public async Task A_receiver_answering_an_html_error_page_is_reported_by_its_status_alone()
    {
        // What python3 -m http.server answers to a POST: 501 with a reason of its own and an HTML page saying the same.
        await using var receiver = LoopbackReceiver.Answering("501 Unsupported method ('POST')", "text/html;charset=utf-8", """
            <!DOCTYPE HTML>
            <html lang="en">
                <head><title>Error response</title></head>
                <body><h1>Error response</h1><p>Error code: 501</p><p>Message: Unsupported method ('POST').</p></body>
            </html>
            """);

        var (exit, _, error) = await SummitsProcess.RunAsync([.. Run, "--otlp", receiver.Address.ToString(), "--otlp-protocol", "http/protobuf"]);

        Assert.Equal(0, exit);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith(Notice + receiver.Address.ToString().TrimEnd('/'), line);
        // By hand: 501's standard reason is "Not Implemented" (RFC 9110, 15.6.2), said in place of the server's own; the
        // page is markup, so none of it is shown (before: "(<!DOCTYPE HTML>)"). At least one export of each of the three
        // signals failed.
        Assert.Matches(@": ([3-9]|\d\d+) exports failed \(HTTP 501 Not Implemented\)$", line);
    }

    [Fact]
    public async Task A_receiver_answering_a_plain_text_error_is_reported_by_its_status_and_a_short_first_line()
    {
        // A plain-text answer of two lines, the first of 77 characters.
        const string first = "the receiver takes no telemetry from this address: ask its operator for a key";
        await using var receiver = LoopbackReceiver.Answering("403 Forbidden", "text/plain", first + "\nsecond line, never shown\n");

        var (exit, _, error) = await SummitsProcess.RunAsync([.. Run, "--otlp", receiver.Address.ToString(), "--otlp-protocol", "http/protobuf"]);

        Assert.Equal(0, exit);
        var line = Assert.Single(Lines(error));
        // By hand: the first line cut to 60 characters, the last of them "…": its first 59 characters are
        // "the receiver takes no telemetry from this address: ask its " (59, a space at the end, dropped), then "…".
        Assert.EndsWith(" exports failed (HTTP 403 Forbidden: the receiver takes no telemetry from this address: ask its…)", line);
        Assert.DoesNotContain("second line", line);
    }

    [Fact]
    public async Task Otlp_takes_the_batch_variables_and_a_batch_size_above_the_queue_size_as_the_queue_size()
    {
        // One span a request: the baseline run's 174 spans (RunExportTests counts them) go in many requests, where the
        // SDK's default of 512 a request sends them in one or two (every 5 s and at the end of a run of a few seconds).
        // Before, the OTLP exporter did not read the variables at all, so the run sent as many requests either way.
        await using (var receiver = LoopbackReceiver.NotFound())
        {
            var (exit, _, error) = await SummitsProcess.RunAsync([.. Run, "--otlp", receiver.Address.ToString(), "--otlp-protocol", "http/protobuf"],
                new Dictionary<string, string> { ["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] = "1" });
            Assert.True(exit == 0, error);
            Assert.True(receiver.Requests.Count(r => r == "POST /v1/traces") > 2, $"{receiver.Requests.Count(r => r == "POST /v1/traces")} span requests");
        }
        // 5000 a batch against the default queue of 2048: the SDK refuses such a processor with an exception; it is made
        // with batches of 2048, and the spans and log records are sent as usual.
        await using (var receiver = LoopbackReceiver.NotFound())
        {
            var (exit, _, error) = await SummitsProcess.RunAsync([.. Run, "--otlp", receiver.Address.ToString(), "--otlp-protocol", "http/protobuf"],
                new Dictionary<string, string> { ["OTEL_BSP_MAX_EXPORT_BATCH_SIZE"] = "5000", ["OTEL_BLRP_MAX_EXPORT_BATCH_SIZE"] = "5000" });
            Assert.True(exit == 0, error);
            Assert.Contains("POST /v1/traces", receiver.Requests);
            Assert.Contains("POST /v1/logs", receiver.Requests);
        }
    }

    [Theory]
    [InlineData("grpc")]
    [InlineData("http/protobuf")]
    public async Task A_port_with_no_listener_is_reported_as_refused(string protocol)
    {
        var address = LoopbackReceiver.NoListener();

        var (exit, _, error) = await SummitsProcess.RunAsync([.. Run, "--otlp", address.ToString(), "--otlp-protocol", protocol]);

        Assert.Equal(0, exit);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith($"{Notice}{address.ToString().TrimEnd('/')}", line);
        // Each of the three signals' exports was refused: at least three failures, the first one's reason given.
        Assert.Matches(@": ([3-9]|\d\d+) exports failed \(.*Connection refused", line);
    }

    [Fact]
    public async Task A_run_whose_expectation_fails_still_exits_1_when_its_telemetry_is_not_delivered()
    {
        var folder = Directory.CreateTempSubdirectory("summits-undelivered-");
        try
        {
            // The briefing's world has no agreement on bilateral-fta and nothing in this scenario makes one: the expectation fails.
            var scenario = Path.Combine(folder.FullName, "wrong.yaml");
            File.WriteAllText(scenario, $"""
                format: 2
                scenario: wrong
                world: {SummitsProcess.WorldFile}
                steps:
                  - expect:
                      agreement: {"{"} topic: bilateral-fta {"}"}
                """);
            var address = LoopbackReceiver.NoListener();

            var (exit, output, error) = await SummitsProcess.RunAsync(["run", scenario, "--engine", "local", "-q", "--otlp", address.ToString(), "--otlp-protocol", "http/protobuf"]);

            Assert.Equal(1, exit);
            Assert.Contains("expected an agreement on bilateral-fta", output);
            Assert.StartsWith(Notice, Assert.Single(Lines(error)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A receiver that accepts and never answers adds at most the documented 5 s to the end of a run, in all: stopping
    /// the host, the last export of traces, metrics and logs, the exporters' shutdown and the host's disposal share
    /// one budget, in grains (a silo) as with the local engine. What is measured is the end alone: from the run's
    /// last line of output (its summary, written when its work is done) to the process's exit, so that the run's
    /// work, however slow on a loaded machine, is not timed.
    /// </summary>
    [Theory]
    [InlineData("grains")]
    [InlineData("local")]
    public async Task A_stalled_receiver_adds_at_most_the_flush_budget_to_the_end_of_a_run(string engine)
    {
        await using var receiver = LoopbackReceiver.Stalled();

        var (exit, error, end) = await EndOfRunAsync(["run", WhatIf.Path("baseline"), "--engine", engine, "-q", "--otlp", receiver.Address.ToString(), "--otlp-protocol", "http/protobuf"]);

        Assert.Equal(0, exit);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith(Notice + receiver.Address.ToString().TrimEnd('/'), line);
        // Each signal's last export is still waiting when the budget is spent: all three are said, as English lists them.
        Assert.EndsWith("the spans, metric points and log records still unsent after 5 s were dropped", line);
        // By hand: the budget is 5 s (docs/telemetry.md), counted from the end of the work, and the line above says the
        // exports waited it out. After the budget the process only prints this line and exits: 5.03 to 5.10 s measured
        // from outside, quiet or beside four busy loops. The faults this guards against each add 5 s or more (a budget
        // per signal, 3 x 5 s; a wait on the exporters' own 10 s timeout; a disposal that waits for the stalled export
        // after the budget), and a run that did not wait at all would end in well under a second: so the end must lie
        // between 4 s and the budget plus 2 s. The margins are for a shared 2-core machine, where the two moments are
        // read on a thread of the test's own but the processes still wait for a core.
        Assert.True(end >= TimeSpan.FromSeconds(4), $"the end of the run took {end.TotalSeconds:0.00} s, less than the 5 s budget it says it waited");
        Assert.True(end < TimeSpan.FromSeconds(7), $"the end of the run took {end.TotalSeconds:0.00} s against a stalled receiver; the budget is 5 s");
    }

    /// <summary>
    /// Runs summits, reading its standard output line by line as it comes; returns its exit code, its standard error,
    /// and the time from its last line of output to its exit. Both moments are read on a thread of their own, blocked
    /// on the pipe and then on the exit, so that neither waits for the test process's thread pool, which the other
    /// tests running beside this one share.
    /// </summary>
    private static async Task<(int ExitCode, string Error, TimeSpan End)> EndOfRunAsync(string[] args)
    {
        using var process = Process.Start(SummitsProcess.StartInfo(args)) ?? throw new InvalidOperationException("could not start summits");
        var error = process.StandardError.ReadToEndAsync();
        // A run that hangs is killed after 3 minutes, which closes its output and ends the reads below, and fails the test.
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        using var kill = limit.Token.Register(() =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited as the limit came.
            }
        });
        var end = await Task.Factory.StartNew(() =>
        {
            var clock = Stopwatch.StartNew();
            var lastLine = TimeSpan.Zero;
            while (process.StandardOutput.ReadLine() is not null)
                lastLine = clock.Elapsed;
            process.WaitForExit();
            return clock.Elapsed - lastLine;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var text = await error;
        if (limit.IsCancellationRequested)
            throw new TimeoutException($"summits {string.Join(' ', args)} did not exit within 3 minutes; it was killed");
        return (process.ExitCode, text, end);
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
