using Summits.Grains;

namespace Summits.Telemetry.Tests;

/// <summary>A real <c>summits seed --telemetry</c> run, as a process, and its file read by <c>summits analyze</c>, which finds no run in it.</summary>
public sealed class SeedExportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("summits-export-").FullName;

    [Fact]
    public async Task Seed_writes_its_trace_metrics_and_logs_as_otlp_json_and_analyze_reads_it_as_no_run()
    {
        var file = Path.Combine(_directory, "seed.jsonl");

        var seed = await SummitsProcess.RunAsync(["seed", "--world", SummitsProcess.WorldFile, "--telemetry", file]);

        Assert.True(seed.ExitCode == 0, seed.Error);
        var telemetry = OtlpFile.Read(file);
        var span = Assert.Single(telemetry.Spans, s => s.Name == SummitsTelemetry.SeedSpan);
        Assert.Equal("abe-trump-2017-11-06", span.Text(SummitsTelemetry.World));
        Assert.Equal(4, telemetry.Spans.Count(s => s.TraceId == span.TraceId && s.Name == "ICountryGrain/Seed" && s.Kind == Opentelemetry.Proto.Trace.V1.Span.Types.SpanKind.Server));
        var log = Assert.Single(telemetry.LogRecords, l => l.Category == "Summits.Seed");
        Assert.Equal((span.TraceId, span.SpanId), (log.TraceId, log.SpanId));
        Assert.Contains(telemetry.Metrics.SelectMany(m => m.ResourceMetrics).SelectMany(r => r.ScopeMetrics), s => s.Scope.Name == "Microsoft.Orleans");

        var analyze = await SummitsProcess.RunAsync(["analyze", file, "-o", Path.Combine(_directory, "csv")]);

        // Analyze reads every line of it (a line it could not read would be said at its place instead), and says that
        // a seed is no run: the file's lines (exports of traces, metrics and logs, as many as the exporters' batches
        // made, counted here by their first field), its spans, and no step, round, proposal, evaluate, move or
        // agreement span. Nothing is written.
        Assert.True(analyze.ExitCode == 2, analyze.Output + analyze.Error);
        var lines = File.ReadLines(file).Where(l => l.Trim().Length > 0).ToList();
        var metrics = lines.Count(l => l.StartsWith("{\"resourceMetrics\"", StringComparison.Ordinal));
        var logs = lines.Count(l => l.StartsWith("{\"resourceLogs\"", StringComparison.Ordinal));
        var spans = telemetry.Spans.Select(s => (s.TraceId, s.SpanId)).Distinct().Count();
        Assert.StartsWith($"{file}:1:1: the file holds {lines.Count} lines: {spans} spans (", analyze.Error, StringComparison.Ordinal);
        Assert.Contains($"), {metrics} export{(metrics == 1 ? "" : "s")} of metrics and {logs} export{(logs == 1 ? "" : "s")} of logs, and no span of a run (summits.step, ", analyze.Error, StringComparison.Ordinal);
        Assert.Single(analyze.Error.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(_directory, "csv")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
