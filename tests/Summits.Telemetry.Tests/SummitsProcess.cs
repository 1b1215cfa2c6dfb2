using System.Diagnostics;
using System.Text;

namespace Summits.Telemetry.Tests;

/// <summary>Runs the built <c>summits</c> command as a separate process, the way a user does.</summary>
public static class SummitsProcess
{
    /// <summary>Long enough for a silo to start and stop on a busy two-core machine; a hung run fails instead of hanging the suite.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static string WorldFile => Path.Combine(AppContext.BaseDirectory, Cli.Commands.CommonOptions.DefaultWorld);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = StartInfo(args);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start summits");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"summits {string.Join(' ', args)} did not finish within {Limit}; stderr: {await error}");
        }
        return (process.ExitCode, await output, await error);
    }

    /// <summary>
    /// How the built <c>summits</c> is started with <paramref name="args"/>: by the dotnet host, from the test's output
    /// folder, both output streams redirected, and with no <c>OTEL_</c> variable of the test runner's, so that a run
    /// sees only the telemetry settings its test gives it.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "summits.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
            start.Environment.Remove(name);
        return start;
    }
}
