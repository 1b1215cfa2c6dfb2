using Opentelemetry.Proto.Logs.V1;
using OtlpMetrics = Opentelemetry.Proto.Metrics.V1;
using OtlpTrace = Opentelemetry.Proto.Trace.V1;
using Summits.Grains;

namespace Summits.Telemetry.Tests;

/// <summary>
/// <c>--telemetry FILE</c> writes the OpenTelemetry file format, OTLP/JSON with one export request a line, as the
/// Collector's file exporter writes it: every line of a real run parses as an <c>ExportTraceServiceRequest</c>,
/// <c>ExportMetricsServiceRequest</c> or <c>ExportLogsServiceRequest</c> through the protobuf JSON mapping.
/// </summary>
public sealed class OtlpFileFormatTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("summits-otlp-file-").FullName;

    [Fact]
    public async Task Every_line_of_a_runs_file_is_a_valid_otlp_export_request_holding_the_run()
    {
        var file = Path.Combine(_directory, "run.jsonl");

        var run = await SummitsProcess.RunAsync(["run", WhatIf.Path("okinawa-realignment-friction"), "--telemetry", file, "-q"]);
        Assert.True(run.ExitCode == 0, run.Error);

        // Read throws on the first line that is not a valid request of the three kinds.
        var telemetry = OtlpFile.Read(file);

        Assert.Equal(File.ReadLines(file).Count(), telemetry.Traces.Count + telemetry.Metrics.Count + telemetry.Logs.Count);
        Assert.NotEmpty(telemetry.Traces);
        Assert.NotEmpty(telemetry.Metrics);
        Assert.NotEmpty(telemetry.Logs);

        // One trace: the run's root span, named after its scenario, with every other span beneath it.
        var spans = telemetry.Spans.ToList();
        var root = Assert.Single(spans, s => s.ParentSpanId is null);
        Assert.Equal(("run okinawa-realignment-friction", OtlpTrace.Span.Types.SpanKind.Internal, SummitsTelemetry.Name), (root.Name, root.Kind, root.Scope));
        Assert.Equal("okinawa-realignment-friction", root.Text(SummitsTelemetry.Scenario));
        Assert.All(spans, s => Assert.Equal(root.TraceId, s.TraceId));
        Assert.Contains(spans, s => s.Name == "ICountryGrain/Evaluate" && s.Kind == OtlpTrace.Span.Types.SpanKind.Server && s.Scope == "Microsoft.Orleans.Application");
        Assert.All(spans, s => Assert.True(s.Raw.EndTimeUnixNano >= s.Raw.StartTimeUnixNano, $"{s.Name} ends before it starts"));
        Assert.All(spans, s => Assert.Equal("summits", s.Resource["service.name"].StringValue));
        // The scenario's two proposals (us-reaffirms, japan-asks-relief) are each one span.
        Assert.Equal(["japan-asks-relief", "us-reaffirms"], spans.Where(s => s.Name == SummitsTelemetry.ProposalSpan).Select(s => s.Text(SummitsTelemetry.ProposalId)).Order());

        // The responses counter: a monotonic cumulative sum, whose points add up to the two answers the run gave.
        var responses = telemetry.Metrics.SelectMany(m => m.ResourceMetrics).SelectMany(r => r.ScopeMetrics)
            .Where(s => s.Scope.Name == SummitsTelemetry.Name).SelectMany(s => s.Metrics).Where(m => m.Name == "summits.responses").ToList();
        Assert.NotEmpty(responses);
        var last = responses.Last();
        Assert.Equal((true, OtlpMetrics.AggregationTemporality.Cumulative), (last.Sum.IsMonotonic, last.Sum.AggregationTemporality));
        Assert.Equal(2, last.Sum.DataPoints.Sum(p => p.AsInt));

        // Each proposal's outcome is logged at Information inside its span.
        var outcomes = telemetry.LogRecords.Where(l => l.Message.StartsWith("Proposal ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, outcomes.Count);
        Assert.All(outcomes, l => Assert.Equal(SeverityNumber.Info, l.Raw.SeverityNumber));
        Assert.All(outcomes, l => Assert.Equal(root.TraceId, l.TraceId));

        // OTLP/JSON spells ids in hex and 64-bit integers as decimal strings.
        var text = File.ReadAllText(file);
        Assert.Matches("\"traceId\":\"[0-9a-f]{32}\"", text);
        Assert.Matches("\"startTimeUnixNano\":\"[0-9]{19}\"", text);
        Assert.DoesNotContain("\"type\":", text);
    }

    [Fact]
    public async Task Analyze_reads_the_file_a_run_wrote()
    {
        var file = Path.Combine(_directory, "run.jsonl");
        var run = await SummitsProcess.RunAsync(["run", WhatIf.Path("okinawa-realignment-friction"), "--engine", "local", "--telemetry", file, "-q"]);
        Assert.True(run.ExitCode == 0, run.Error);

        var analyze = await SummitsProcess.RunAsync(["analyze", file]);

        Assert.True(analyze.ExitCode == 0, analyze.Error);
        // Two proposals, both on usfj-realignment; the span count is every span of the file.
        Assert.Contains($"{file}: {OtlpFile.Read(file).Spans.Count()} spans, 2 proposals", analyze.Output);
        Assert.Matches(@"(?m)^usfj-realignment\s+2\s+2\s+0%", analyze.Output);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
