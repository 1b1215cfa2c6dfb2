using System.Collections.Immutable;
using System.Diagnostics;
using Summits.Cli.Commands;
using Summits.Scenarios;
using static Summits.Cli.Bench.BenchText;

namespace Summits.Cli.Bench;

/// <summary>
/// Figure 4 and the KTAB comparison: a scenario from process start to exit, run as a user runs it, by
/// this same program (so a ReadyToRun publish measures itself), the median of several runs.
/// </summary>
public static class ProcessRun
{
    public const string Figure = "4";
    public const string Baseline = "scenarios/what-if/baseline.yaml";
    public const string SoeConvergence = "scenarios/bench/soe-18-converge.yaml";

    /// <summary>KTAB's smpc on the 13-actor SOE table, start to exit, on this kind of machine.</summary>
    public const double KtabSeconds = 0.45;

    public static async Task<ImmutableArray<BenchResult>> MeasureAsync(BenchContext context)
    {
        var runs = context.Sizes.ProcessRuns;
        var grains = await TimeAsync(runs, "run", Baseline, "-q");
        var local = await TimeAsync(runs, "run", Baseline, "-q", "--engine", "local");
        var help = await TimeAsync(runs, "--help");
        return
        [
            new(Figure, "summit baseline, start to exit", grains.Median, "s", "< 1", grains.Median < 1, Describe(grains, $"summits run {Baseline} -q")),
            new(Figure, "the same with --engine local", local.Median, "s", Detail: Describe(local, "no silo: the rest is the silo's start, run and stop")),
            new(Figure, "summits --help, start to exit", help.Median, "s", Detail: Describe(help, "the runtime and the command line alone")),
        ];
    }

    public static async Task<ImmutableArray<BenchResult>> MeasureKtabAsync(BenchContext context)
    {
        // A smoke run takes the pure model: in grains this scenario alone would take longer than the whole smoke run.
        string[] arguments = context.Sizes == BenchSizes.Quick ? ["run", SoeConvergence, "-q", "--engine", "local"] : ["run", SoeConvergence, "-q"];
        var timed = await TimeAsync(context.Sizes.ProcessRuns, arguments);
        return
        [
            new(ConvergenceRuns.SoeFigure, "soe-18-actors to convergence, start to exit", timed.Median, "s", Invariant($"< {KtabSeconds} (KTAB smpc)"),
                timed.Median < KtabSeconds, Describe(timed, "the SOE world of figure 5 as a scenario file")),
        ];
    }

    /// <param name="CpuMedian">The median processor time of a run (user and system, all threads), in seconds; NaN where the system cannot say.</param>
    internal sealed record Times(double Median, double Min, double Max, int Runs, string Command, double CpuMedian = double.NaN);

    internal static string Describe(Times t, string what) =>
        Invariant($"{what}; median of {t.Runs}, from {t.Min:0.00} to {t.Max:0.00} s; {t.Command}");

    internal static async Task<Times> TimeAsync(int runs, params string[] arguments)
    {
        var seconds = new List<double>();
        var cpu = new List<double>();
        var command = "summits " + string.Join(' ', arguments);
        for (var i = 0; i < runs; i++)
        {
            await SettleAsync();
            var start = Start(arguments);
            var cpuBefore = ChildCpu.Seconds();
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            seconds.Add(clock.Elapsed.TotalSeconds);
            cpu.Add(ChildCpu.Seconds() - cpuBefore);
            await output;
            if (process.ExitCode != ExitCodes.Ok)
                throw new InvalidOperationException($"{command} exited with {process.ExitCode}: {await error}");
        }
        return new Times(BenchRuns.Median(seconds), seconds.Min(), seconds.Max(), runs, command, BenchRuns.Median(cpu));
    }

    /// <summary>
    /// Waits until this process has gone quiet: until its own processor time grows by less than 5 ms in
    /// 100 ms, or 5 s have passed. After the in-process figures the runtime goes on recompiling their hot
    /// code at a higher tier and collecting their garbage for a second or more; on two cores that work
    /// takes a core from the child being timed, and the child's figure then measures the bench too.
    /// </summary>
    private static async Task SettleAsync()
    {
        using var self = Process.GetCurrentProcess();
        var waited = Stopwatch.StartNew();
        var before = self.TotalProcessorTime;
        while (waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(100);
            self.Refresh();
            var now = self.TotalProcessorTime;
            if ((now - before).TotalMilliseconds < 5)
                return;
            before = now;
        }
    }

    /// <summary>This program again: the apphost of a publish, or the dotnet host with summits.dll.</summary>
    private static ProcessStartInfo Start(string[] arguments)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(typeof(ProcessRun).Assembly.Location);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument.EndsWith(".yaml", StringComparison.Ordinal) ? InputPath.Resolve(argument) : argument);
        return start;
    }
}
