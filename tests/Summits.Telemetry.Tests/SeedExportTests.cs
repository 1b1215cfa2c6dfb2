using Summits.Grains;

namespace Summits.Telemetry.Tests;

/// <summary>A real <c>summits seed --telemetry</c> run, as a process, and its file read by <c>summits analyze</c>.</summary>
public sealed class SeedExportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("summits-export-").FullName;

    [Fact]
    public async Task Seed_writes_its_trace_metrics_and_logs_as_otlp_json_and_analyze_reads_it()
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

        Assert.True(analyze.ExitCode == 0, analyze.Error);
        var spans = telemetry.Spans.Count();
        Assert.Contains($"{file}: {spans} spans, 0 proposals", analyze.Output);
        Assert.Single(File.ReadAllLines(Path.Combine(_directory, "csv", "topics.csv")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
