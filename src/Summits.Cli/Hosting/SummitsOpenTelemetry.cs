using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Summits.Cli.Telemetry;
using Summits.Grains;

namespace Summits.Cli.Hosting;

/// <summary>Registers OpenTelemetry in a host for the exporters a run asked for, and nothing when it asked for none.</summary>
public static class SummitsOpenTelemetry
{
    public const string ServiceName = "summits";

    /// <summary>Orleans' own sources: application grain calls, and the runtime's calls to system targets.</summary>
    public static readonly string[] OrleansSources = ["Microsoft.Orleans.Application", "Microsoft.Orleans.Runtime"];

    public const string OrleansMeter = "Microsoft.Orleans";

    public static readonly string? ServiceVersion =
        typeof(SummitsOpenTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    public static void AddTo(IHostApplicationBuilder builder, TelemetrySettings settings)
    {
        if (!settings.Enabled)
            return;

        var lines = settings.JsonlPath is { } path ? new JsonlWriter(path) : null;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: ServiceVersion))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SummitsTelemetry.Name, OrleansMeter);
                if (settings.Console)
                    metrics.AddConsoleExporter();
                if (lines is not null)
                    metrics.AddReader(new PeriodicExportingMetricReader(new JsonlMetricExporter(lines)));
            });
        if (settings.Tracing)
        {
            telemetry
                .WithTracing(tracing =>
                {
                    tracing.AddSource([SummitsTelemetry.Name, .. OrleansSources]);
                    if (settings.Console)
                        tracing.AddConsoleExporter();
                    if (lines is not null)
                        tracing.AddProcessor(new BatchActivityExportProcessor(new JsonlSpanExporter(lines)));
                })
                .WithLogging(
                    logging =>
                    {
                        if (settings.Console)
                            logging.AddConsoleExporter();
                        if (lines is not null)
                            logging.AddProcessor(new BatchLogRecordExportProcessor(new JsonlLogExporter(lines)));
                    },
                    options =>
                    {
                        options.IncludeFormattedMessage = true;
                        options.IncludeScopes = true;
                    });
        }
        if (settings.OtlpEndpoint is { } endpoint)
            telemetry.UseOtlpExporter(settings.OtlpProtocol, endpoint);

        // Orleans explains every start-up step at Information; a run's own records are what a reader wants.
        builder.Logging.AddFilter<OpenTelemetryLoggerProvider>("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter<OpenTelemetryLoggerProvider>("Microsoft", LogLevel.Warning);
        // Orleans' placement retry pipeline logs two Polly records per grain activation at Information.
        builder.Logging.AddFilter<OpenTelemetryLoggerProvider>("Polly", LogLevel.Warning);
    }
}
