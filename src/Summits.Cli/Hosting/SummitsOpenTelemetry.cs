using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
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

    /// <summary>How long the end of a run waits for its last telemetry to be sent before it gives up and says so.</summary>
    public static readonly TimeSpan FlushBudget = TimeSpan.FromSeconds(5);

    public static void AddTo(IHostApplicationBuilder builder, TelemetrySettings settings)
    {
        if (!settings.Enabled)
            return;

        var lines = settings.JsonlPath is { } path ? new JsonlWriter(path) : null;
        if (lines is not null)
            builder.Services.AddSingleton(lines);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: ServiceVersion))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(SummitsTelemetry.Name, OrleansMeter);
                if (settings.Console)
                    metrics.AddConsoleExporter();
                if (lines is not null)
                    metrics.AddReader(new PeriodicExportingMetricReader(new OtlpJsonMetricExporter(lines)));
                if (settings.Otlp?.Metrics is { } otlp)
                    metrics.AddOtlpExporter(options => Configure(options, otlp));
            });
        if (settings.Tracing)
        {
            telemetry
                .WithTracing(tracing =>
                {
                    tracing.AddSource([SummitsTelemetry.Name, .. OrleansSources]);
                    if (!settings.OrleansTraces)
                        tracing.SetSampler(new ParentBasedSampler(new SummitsRootSampler()));
                    if (settings.Console)
                        tracing.AddConsoleExporter();
                    if (lines is not null)
                        tracing.AddProcessor(new BatchActivityExportProcessor(new OtlpJsonSpanExporter(lines)));
                    if (settings.Otlp?.Traces is { } otlp)
                        tracing.AddOtlpExporter(options => Configure(options, otlp));
                })
                .WithLogging(
                    logging =>
                    {
                        if (settings.Console)
                            logging.AddConsoleExporter();
                        if (lines is not null)
                            logging.AddProcessor(new BatchLogRecordExportProcessor(new OtlpJsonLogExporter(lines)));
                        if (settings.Otlp?.Logs is { } otlp)
                            logging.AddOtlpExporter(options => Configure(options, otlp));
                    },
                    options =>
                    {
                        options.IncludeFormattedMessage = true;
                        options.IncludeScopes = true;
                    });
        }
        if (settings.Otlp is not null)
            builder.Services.AddSingleton(new OtlpDelivery());

        // Orleans explains every start-up step at Information; a run's own records are what a reader wants.
        builder.Logging.AddFilter<OpenTelemetryLoggerProvider>("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter<OpenTelemetryLoggerProvider>("Microsoft", LogLevel.Warning);
        // Orleans' placement retry pipeline logs two Polly records per grain activation at Information.
        builder.Logging.AddFilter<OpenTelemetryLoggerProvider>("Polly", LogLevel.Warning);
    }

    /// <summary>
    /// Sends what the run's providers still hold, all signals at once and for at most <see cref="FlushBudget"/>,
    /// then shuts them down; returns what to tell the user when some telemetry was not delivered: a line for
    /// the OTLP receivers, and a line for the <c>--telemetry</c> file when writing it failed or, the run not
    /// <paramref name="finished"/>, where its lines are (<see cref="JsonlWriter.Finish"/>). Call it after the host
    /// has stopped and before it is disposed.
    /// </summary>
    public static async Task<TelemetryEnd> FinishAsync(IServiceProvider services, TelemetrySettings settings, bool finished)
    {
        if (!settings.Enabled)
            return TelemetryEnd.Clean;
        var budget = (int)FlushBudget.TotalMilliseconds;
        var shutdowns = new List<(string Signal, Task<bool> Done)>();
        if (services.GetService<TracerProvider>() is { } tracer)
            shutdowns.Add(("spans", Task.Run(() => tracer.Shutdown(budget))));
        if (services.GetService<MeterProvider>() is { } meter)
            shutdowns.Add(("metric points", Task.Run(() => meter.Shutdown(budget))));
        if (services.GetService<LoggerProvider>() is { } logger)
            shutdowns.Add(("log records", Task.Run(() => logger.Shutdown(budget))));
        // A stalled receiver can hold an export past the budget: wait no longer than it, plus a margin.
        await Task.WhenAny(Task.WhenAll(shutdowns.Select(s => s.Done)), Task.Delay(FlushBudget + TimeSpan.FromSeconds(1)));
        var unfinished = shutdowns.Where(s => !s.Done.IsCompletedSuccessfully || !s.Done.Result).Select(s => s.Signal).ToList();
        var notices = new List<string>();
        if (settings.Otlp is { } otlp && services.GetService<OtlpDelivery>() is { } delivery && delivery.Notice(otlp, unfinished, FlushBudget) is { } notice)
            notices.Add(notice);
        string? failure = null;
        if (services.GetService<JsonlWriter>() is { } file)
        {
            file.Finish(finished);
            failure = file.Failure;
            if (failure is null && file.Notice is { } where)
                notices.Add(where);
        }
        return new TelemetryEnd(notices.Count == 0 ? null : string.Join('\n', notices), failure);
    }

    private static void Configure(OtlpExporterOptions options, OtlpSignal signal)
    {
        options.Endpoint = signal.Endpoint;
        options.Protocol = signal.Protocol;
    }
}

/// <summary>How a run's telemetry ended.</summary>
/// <param name="Notice">
/// Lines to say on standard error (undelivered exports, where the lines of a run that did not finish are), each a
/// sentence without the command's name, which <see cref="Lines"/> puts before each; or null.
/// </param>
/// <param name="FileFailure">
/// Why the <c>--telemetry</c> file could not be written, one sentence without a prefix (<see cref="JsonlWriter.Failure"/>),
/// or null when it was (or none was asked for).
/// </param>
public sealed record TelemetryEnd(string? Notice, string? FileFailure)
{
    /// <summary>Nothing to say: every export arrived and the file, if any, is in place.</summary>
    public static readonly TelemetryEnd Clean = new(null, null);

    /// <summary>True when the <c>--telemetry</c> file could not be written: an output lost, exit code 3.</summary>
    public bool FileLost => FileFailure is not null;

    /// <summary>
    /// What <paramref name="command"/> (such as <c>summits run</c>) says on standard error: each line of the notice
    /// after the command's name (<c>summits run: telemetry not delivered to …</c>), then a file
    /// that could not be written as its last line in the form of every failure at run time,
    /// <c>summits COMMAND: error: telemetry file …</c>; null when there is nothing to say.
    /// </summary>
    public string? Lines(string command)
    {
        var lines = Notice?.Split('\n').Select(line => $"{command}: {line}").ToList() ?? [];
        if (FileFailure is not null)
            lines.Add(UsageError.Line(command, FileFailure));
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }
}
