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
        Assert.StartsWith($"{Notice}{a}/v1/traces, {a}/v1/metrics, {a}/v1/logs: ", line);
        Assert.Contains("404 (Not Found)", line);
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

    [Fact]
    public async Task A_stalled_receiver_is_given_up_on_after_the_flush_budget_and_said()
    {
        await using var receiver = LoopbackReceiver.Stalled();
        var clock = Stopwatch.StartNew();

        var (exit, _, error) = await SummitsProcess.RunAsync([.. Run, "--otlp", receiver.Address.ToString(), "--otlp-protocol", "http/protobuf"]);

        Assert.Equal(0, exit);
        var line = Assert.Single(Lines(error));
        Assert.StartsWith(Notice + receiver.Address.ToString().TrimEnd('/'), line);
        // The receiver accepts and never answers: each signal's last export is still waiting when the 5 s budget runs out.
        Assert.EndsWith("the spans, metric points, log records still unsent after 5 s were dropped", line);
        // Not a measurement, a bound: the SDK's own shutdowns wait 5 s per provider after a 10 s export timeout,
        // one after the other; the run waits the budget once, for all signals together.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(40), $"the run took {clock.Elapsed} against a stalled receiver");
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
