using System.Diagnostics;
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

    /// <summary>
    /// How long the end of a run with telemetry may take in all, from the moment its work is done: stopping the host,
    /// sending its last telemetry, shutting the exporters down and disposing the host (<see cref="EndAsync"/>).
    /// </summary>
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
                    metrics.AddReader(FileMetricReader(new OtlpJsonMetricExporter(lines)));
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
                        tracing.AddProcessor(FileSpanProcessor(new OtlpJsonSpanExporter(lines)));
                    if (settings.Otlp?.Traces is { } otlp)
                        tracing.AddOtlpExporter(options =>
                        {
                            Configure(options, otlp);
                            options.BatchExportProcessorOptions = SpanBatches();
                        });
                })
                .WithLogging(
                    logging =>
                    {
                        if (settings.Console)
                            logging.AddConsoleExporter();
                        if (lines is not null)
                            logging.AddProcessor(FileLogRecordProcessor(new OtlpJsonLogExporter(lines)));
                        if (settings.Otlp?.Logs is { } otlp)
                            logging.AddOtlpExporter((options, processor) =>
                            {
                                Configure(options, otlp);
                                processor.BatchExportProcessorOptions = LogRecordBatches();
                            });
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
    /// How spans are batched, for the <c>--telemetry</c> file and the OTLP receivers alike: the SDK's defaults (up to
    /// 512 spans a request, what is waiting every 5 s, 2048 queued) unless the standard variables
    /// <c>OTEL_BSP_SCHEDULE_DELAY</c>, <c>OTEL_BSP_MAX_EXPORT_BATCH_SIZE</c>, <c>OTEL_BSP_MAX_QUEUE_SIZE</c> or
    /// <c>OTEL_BSP_EXPORT_TIMEOUT</c> say otherwise (read from the environment by
    /// <see cref="BatchExportActivityProcessorOptions"/>; a host without default configuration does not pass them to
    /// the OTLP exporter itself). A batch size above the queue size, which the SDK refuses with an exception, is
    /// taken as the queue size (<see cref="Fit{T}"/>).
    /// </summary>
    private static BatchExportActivityProcessorOptions SpanBatches()
    {
        var options = new BatchExportActivityProcessorOptions();
        Fit(options);
        return options;
    }

    /// <summary>How log records are batched, as <see cref="SpanBatches"/> with the <c>OTEL_BLRP_*</c> variables (the same defaults).</summary>
    private static BatchExportLogRecordProcessorOptions LogRecordBatches()
    {
        var options = new BatchExportLogRecordProcessorOptions();
        Fit(options);
        return options;
    }

    /// <summary>Takes a batch size above the queue size as the queue size, the one place both paths guard it.</summary>
    private static void Fit<T>(BatchExportProcessorOptions<T> options) where T : class =>
        options.MaxExportBatchSize = Math.Min(options.MaxExportBatchSize, options.MaxQueueSize);

    /// <summary>The <c>--telemetry</c> file's span batches (<see cref="SpanBatches"/>).</summary>
    private static BatchActivityExportProcessor FileSpanProcessor(OtlpJsonSpanExporter exporter)
    {
        var options = SpanBatches();
        return new(exporter, options.MaxQueueSize, options.ScheduledDelayMilliseconds, options.ExporterTimeoutMilliseconds, options.MaxExportBatchSize);
    }

    /// <summary>The file's log record batches (<see cref="LogRecordBatches"/>).</summary>
    private static BatchLogRecordExportProcessor FileLogRecordProcessor(OtlpJsonLogExporter exporter)
    {
        var options = LogRecordBatches();
        return new(exporter, options.MaxQueueSize, options.ScheduledDelayMilliseconds, options.ExporterTimeoutMilliseconds, options.MaxExportBatchSize);
    }

    /// <summary>
    /// The file's metric collection: every 60 s and when the run ends (the SDK's default), unless
    /// <c>OTEL_METRIC_EXPORT_INTERVAL</c> or <c>OTEL_METRIC_EXPORT_TIMEOUT</c> (milliseconds, read by
    /// <see cref="PeriodicExportingMetricReaderOptions"/>) say otherwise.
    /// </summary>
    private static PeriodicExportingMetricReader FileMetricReader(OtlpJsonMetricExporter exporter)
    {
        var options = new PeriodicExportingMetricReaderOptions();
        return new(exporter, options.ExportIntervalMilliseconds ?? 60_000, options.ExportTimeoutMilliseconds ?? 30_000);
    }

    /// <summary>
    /// Ends <paramref name="host"/> once its work is done: stops it, sends what the run's telemetry providers still
    /// hold (all signals at once), shuts them down and disposes the host, all within one budget of
    /// <see cref="FlushBudget"/> counted from this call when telemetry is on. A receiver that accepts and never answers
    /// therefore adds at most that much to the end of a run, however many signals and exporters wait on it; whatever
    /// is still unsent when the budget is spent is dropped and said, and the host's disposal, if it is still waiting
    /// on an exporter then, is left to finish on its own. Returns what to tell the user when some telemetry was not
    /// delivered: a line for the OTLP receivers, and a line for the <c>--telemetry</c> file when writing it failed or,
    /// the run not <paramref name="finished"/>, where its lines are (<see cref="JsonlWriter.Finish"/>).
    /// </summary>
    /// <param name="stopping">
    /// The token <see cref="IHost.StopAsync"/> is given: a cancelled one stops without a graceful wait, and a service
    /// whose stop was still waiting on something then (an Orleans client's connection to a silo that died) ends with
    /// the cancellation this asked for, which is not a failure of the command and is not thrown.
    /// </param>
    public static async Task<TelemetryEnd> EndAsync(IHost host, TelemetrySettings settings, bool finished, CancellationToken stopping = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await host.StopAsync(stopping);
        }
        catch (Exception e) when (stopping.IsCancellationRequested && CutShort(e))
        {
        }
        if (!settings.Enabled)
        {
            host.Dispose();
            return TelemetryEnd.Clean;
        }
        var (end, flushed) = await FinishAsync(host.Services, settings, finished, clock);
        var disposal = OwnThread(() => { host.Dispose(); return true; });
        if (flushed)
            await disposal;
        else if (Left(clock) > TimeSpan.Zero)
            await Task.WhenAny(disposal, Task.Delay(Left(clock)));
        return end;
    }

    /// <summary>Whether a host's stop failed only because its token was cancelled: each of its failures a cancellation.</summary>
    private static bool CutShort(Exception failure) => failure switch
    {
        OperationCanceledException => true,
        AggregateException { InnerExceptions.Count: > 0 } all => all.InnerExceptions.All(CutShort),
        _ => false,
    };

    /// <summary>
    /// Runs <paramref name="blocking"/>, which may block for as long as <see cref="FlushBudget"/> or, a host's disposal
    /// still waiting on a stalled export, beyond it, on a thread of its own rather than the thread pool's, so that the
    /// end of a run never waits for the pool to grow. The thread is a background one: it does not hold up the exit.
    /// </summary>
    private static Task<bool> OwnThread(Func<bool> blocking) =>
        Task.Factory.StartNew(blocking, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>What is left of <see cref="FlushBudget"/> after <paramref name="clock"/>'s time, never below zero.</summary>
    private static TimeSpan Left(Stopwatch clock) =>
        FlushBudget > clock.Elapsed ? FlushBudget - clock.Elapsed : TimeSpan.Zero;

    /// <summary>
    /// Sends what the run's providers still hold, all signals at once and until <see cref="FlushBudget"/> after
    /// <paramref name="clock"/> started, then shuts them down; says what was not delivered (<see cref="EndAsync"/>),
    /// and whether every provider finished in time.
    /// </summary>
    private static async Task<(TelemetryEnd End, bool Flushed)> FinishAsync(IServiceProvider services, TelemetrySettings settings, bool finished, Stopwatch clock)
    {
        var shutdowns = new List<(string Signal, Task<bool> Done)>();
        // Each provider gets what is left of the one budget when its shutdown starts, on a thread of its own: a
        // shutdown blocks for up to the budget, and three of them on the thread pool (two threads to start with on
        // two cores) would leave the third, and this method's own continuation, waiting for the pool to grow.
        int Budget() => (int)Left(clock).TotalMilliseconds;
        if (services.GetService<TracerProvider>() is { } tracer)
            shutdowns.Add(("spans", OwnThread(() => tracer.Shutdown(Budget()))));
        if (services.GetService<MeterProvider>() is { } meter)
            shutdowns.Add(("metric points", OwnThread(() => meter.Shutdown(Budget()))));
        if (services.GetService<LoggerProvider>() is { } logger)
            shutdowns.Add(("log records", OwnThread(() => logger.Shutdown(Budget()))));
        // A stalled receiver can hold an export past its provider's timeout: wait no longer than the budget.
        var all = Task.WhenAll(shutdowns.Select(s => s.Done));
        if (Left(clock) > TimeSpan.Zero)
            await Task.WhenAny(all, Task.Delay(Left(clock)));
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
        return (new TelemetryEnd(notices.Count == 0 ? null : string.Join('\n', notices), failure), unfinished.Count == 0);
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
