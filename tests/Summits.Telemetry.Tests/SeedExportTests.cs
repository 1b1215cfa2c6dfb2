using System.Text.Json;
using Summits.Grains;

namespace Summits.Telemetry.Tests;

/// <summary>A real <c>summits seed --telemetry</c> run, as a process, and its file read by <c>summits analyze</c>.</summary>
public sealed class SeedExportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("summits-export-").FullName;

    [Fact]
    public async Task Seed_writes_its_trace_metrics_and_logs_to_jsonl_and_analyze_reads_it()
    {
        var file = Path.Combine(_directory, "seed.jsonl");

        var seed = await SummitsProcess.RunAsync(["seed", "--world", SummitsProcess.WorldFile, "--telemetry", file]);

        Assert.True(seed.ExitCode == 0, seed.Error);
        var lines = File.ReadAllLines(file).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var span = Assert.Single(lines, l => l.GetProperty("type").GetString() == "span" && l.GetProperty("name").GetString() == SummitsTelemetry.SeedSpan);
        var traceId = span.GetProperty("traceId").GetString();
        Assert.Equal("abe-trump-2017-11-06", span.GetProperty("attributes").GetProperty(SummitsTelemetry.World).GetString());
        Assert.Equal(4, lines.Count(l => l.GetProperty("type").GetString() == "span"
            && l.GetProperty("traceId").GetString() == traceId
            && l.GetProperty("name").GetString() == "ICountryGrain/Seed"
            && l.GetProperty("kind").GetString() == "server"));
        var log = Assert.Single(lines, l => l.GetProperty("type").GetString() == "log" && l.GetProperty("category").GetString() == "Summits.Seed");
        Assert.Equal(traceId, log.GetProperty("traceId").GetString());
        Assert.Equal(span.GetProperty("spanId").GetString(), log.GetProperty("spanId").GetString());
        Assert.Contains(lines, l => l.GetProperty("type").GetString() == "metric" && l.GetProperty("meter").GetString() == "Microsoft.Orleans");

        var analyze = await SummitsProcess.RunAsync(["analyze", file, "--csv", Path.Combine(_directory, "csv")]);

        Assert.True(analyze.ExitCode == 0, analyze.Error);
        var spans = lines.Count(l => l.GetProperty("type").GetString() == "span");
        Assert.Contains($"{file}: {spans} spans, 0 proposals", analyze.Output);
        Assert.Single(File.ReadAllLines(Path.Combine(_directory, "csv", "topics.csv")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
