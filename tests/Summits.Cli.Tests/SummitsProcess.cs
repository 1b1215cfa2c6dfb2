using System.Diagnostics;

namespace Summits.Cli.Tests;

/// <summary>Runs the built <c>summits</c> program as a separate process, as a user would, and collects what it printed.</summary>
public static class SummitsProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>summits.dll is copied beside the tests, since they reference the command-line project.</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, "summits.dll");

    public static async Task<Result> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Program);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
