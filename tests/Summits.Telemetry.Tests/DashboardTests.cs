using System.Text.Json;
using Summits.Grains;

namespace Summits.Telemetry.Tests;

/// <summary>A real receiver: <c>summits seed</c> exports over OTLP to the Aspire Dashboard, and its API gives the trace back.</summary>
public sealed class DashboardTests(AspireDashboard dashboard) : IClassFixture<AspireDashboard>
{
    private const string RunAttribute = "summits.test.run";
    private const int Server = 2;

    public static TheoryData<string> Ways => ["--otlp grpc", "--otlp http/protobuf", "OTEL_EXPORTER_OTLP_* http/protobuf"];

    [Theory]
    [MemberData(nameof(Ways))]
    public async Task A_seed_run_reads_back_from_the_dashboard_as_one_trace_with_its_grain_calls(string way)
    {
        var run = Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string> { ["OTEL_RESOURCE_ATTRIBUTES"] = $"{RunAttribute}={run}" };
        List<string> args = ["seed", "--world", SummitsProcess.WorldFile];
        switch (way)
        {
            case "--otlp grpc":
                args.AddRange(["--otlp", dashboard.OtlpGrpc.ToString()]);
                break;
            case "--otlp http/protobuf":
                args.AddRange(["--otlp", dashboard.OtlpHttp.ToString(), "--otlp-protocol", "http/protobuf"]);
                break;
            default:
                environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = dashboard.OtlpHttp.ToString();
                environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                break;
        }

        var (exit, _, error) = await SummitsProcess.RunAsync(args, environment);
        Assert.True(exit == 0, $"summits seed exited {exit}: {error}");

        var traceId = await dashboard.WaitForTraceAsync(RunAttribute, run, SummitsTelemetry.SeedSpan);
        using var document = JsonDocument.Parse(await dashboard.Api.GetStringAsync($"/api/telemetry/traces/{traceId}"));
        var trace = AspireDashboard.OtlpSpans(document.RootElement).ToList();

        var seed = Assert.Single(trace, s => s.Name == SummitsTelemetry.SeedSpan);
        Assert.Equal(SummitsTelemetry.Name, seed.Scope);
        Assert.Equal("abe-trump-2017-11-06", seed.Attributes[SummitsTelemetry.World]);
        Assert.Equal("summits", seed.Resource["service.name"]);
        Assert.Equal(4, trace.Count(s => s.Name == "ICountryGrain/Seed" && s.Kind == Server && s.Scope == "Microsoft.Orleans.Application"));
        Assert.Equal(16, trace.Count(s => s.Name == "ITopicGrain/Seed" && s.Kind == Server));
        Assert.Contains(trace, s => s.Name == "IWorldGrain/Snapshot" && s.Kind == Server);

        var byId = trace.ToDictionary(s => s.SpanId);
        foreach (var span in trace.Where(s => s != seed))
        {
            var parent = span.ParentSpanId;
            while (parent is not null && byId.TryGetValue(parent, out var up) && up != seed)
                parent = up.ParentSpanId;
            Assert.True(parent == seed.SpanId, $"{span.Name} does not descend from the seed span");
        }

        // The log record written inside the seed span arrives with the span's ids.
        using var logs = JsonDocument.Parse(await dashboard.Api.GetStringAsync("/api/telemetry/logs"));
        var seeded = logs.RootElement.GetProperty("data").GetProperty("resourceLogs").EnumerateArray()
            .Where(r => AspireDashboard.Attributes(r.GetProperty("resource")).GetValueOrDefault(RunAttribute) == run)
            .SelectMany(r => r.GetProperty("scopeLogs").EnumerateArray())
            .SelectMany(s => s.GetProperty("logRecords").EnumerateArray())
            .Single(l => l.GetProperty("body").GetProperty("stringValue").GetString()!.StartsWith("Seeded world", StringComparison.Ordinal));
        Assert.Equal(traceId, seeded.GetProperty("traceId").GetString());
        Assert.Equal(seed.SpanId, seeded.GetProperty("spanId").GetString());
    }
}
