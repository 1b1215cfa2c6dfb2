using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Hosting;
using Orleans.TestingHost;
using Summits.Cli.Commands;
using Summits.Cli.Hosting;
using Summits.Grains;
using Summits.Hosting;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Telemetry.Tests;

/// <summary>
/// One in-process cluster (one silo, a client) and one process-wide tracer and meter provider with
/// in-memory exporters. A provider per host would export every span once per host that saw it.
/// </summary>
public sealed class TelemetryCluster : IAsyncLifetime
{
    private TracerProvider? _tracing;
    private MeterProvider? _metering;
    private InProcessTestCluster? _cluster;

    public SpanLog Spans { get; } = new();

    private readonly List<MetricSnapshot> _metrics = [];

    public IClusterClient Client => _cluster!.Client;

    public async Task InitializeAsync()
    {
        _tracing = Sdk.CreateTracerProviderBuilder()
            .ConfigureResource(r => r.AddService(SummitsOpenTelemetry.ServiceName))
            .AddSource([SummitsTelemetry.Name, .. SummitsOpenTelemetry.OrleansSources])
            .AddInMemoryExporter(Spans)
            .Build();
        _metering = Sdk.CreateMeterProviderBuilder()
            .AddMeter(SummitsTelemetry.Name)
            .AddInMemoryExporter(_metrics)
            .Build();

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddSummits(o => o.Tracing = true));
        builder.ConfigureClient(client => client.AddSummits(tracing: true));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
            await _cluster.DisposeAsync();
        _tracing?.Dispose();
        _metering?.Dispose();
    }

    /// <summary>The seeded world under an id of its own, so tests do not meet each other's grains.</summary>
    public static World World(string prefix) =>
        WorldFile.Load(Path.Combine(AppContext.BaseDirectory, CommonOptions.DefaultWorld)) with { Id = $"{prefix}-{Guid.NewGuid():N}" };

    /// <summary>Every span exported so far, after the ones in flight are out.</summary>
    public IReadOnlyList<Activity> ExportedSpans()
    {
        _tracing!.ForceFlush();
        return Spans.Snapshot();
    }

    /// <summary>
    /// Every Summits instrument's cumulative totals now, per instrument and tag set: a counter's sum, or a
    /// histogram's count and sum. Tests compare two of these around a run, since the meter is process-wide.
    /// </summary>
    public Dictionary<(string Instrument, string Tags), (long Count, double Sum)> MetricTotals()
    {
        lock (_metrics)
        {
            _metrics.Clear();
            _metering!.ForceFlush();
            var totals = new Dictionary<(string, string), (long, double)>();
            foreach (var metric in _metrics)
            {
                foreach (var point in metric.MetricPoints)
                {
                    var tags = new List<string>();
                    foreach (var tag in point.Tags)
                        tags.Add($"{tag.Key}={tag.Value}");
                    var key = (metric.Name, string.Join(';', tags.Order(StringComparer.Ordinal)));
                    totals[key] = metric.MetricType switch
                    {
                        MetricType.Histogram => (point.GetHistogramCount(), point.GetHistogramSum()),
                        MetricType.DoubleSum => ((long)point.GetSumDouble(), point.GetSumDouble()),
                        _ => (point.GetSumLong(), point.GetSumLong()),
                    };
                }
            }
            return totals;
        }
    }

    /// <summary>The latest cumulative points of a Summits instrument, after a collection.</summary>
    public IReadOnlyList<MetricPoint> Points(string instrument)
    {
        lock (_metrics)
        {
            _metrics.Clear();
            _metering!.ForceFlush();
            return [.. _metrics.Where(m => m.Name == instrument).SelectMany(m => m.MetricPoints)];
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryCluster>
{
    public const string Name = "telemetry cluster";
}
