using System.Diagnostics;
using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>Runs the built <c>summits</c> program as a separate process, the way a user runs it.</summary>
public static class SummitsProcess
{
    /// <summary>Long enough for a silo start on a busy machine; it only guards against a hang.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    public static string Program => Path.Combine(AppContext.BaseDirectory, "summits.dll");

    public static async Task<SummitsRun> RunAsync(params string[] arguments)
    {
        Assert.True(File.Exists(Program), $"the built program is not at {Program}");
        // A folder of its own, so the default world resolves beside the program, as it does when installed.
        var folder = Directory.CreateTempSubdirectory("summits-cli-");
        try
        {
            return await RunInAsync(folder.FullName, arguments);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs the program with this working folder, with no terminal width from the caller's environment.</summary>
    public static Task<SummitsRun> RunInAsync(string folder, string[] arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        RunInAsync(folder, arguments, environment, pipedInput: false);

    /// <summary>
    /// Runs the program with this working folder and its standard output sent into <paramref name="file"/> (relative
    /// to the folder) by a shell, as <c>summits … &gt; FILE</c> does: the shell makes or empties the file before the
    /// program starts, and what the program prints is in the file, not in the run's <see cref="SummitsRun.Output"/>.
    /// </summary>
    public static Task<SummitsRun> RunIntoFileAsync(string folder, string file, params string[] arguments) =>
        WaitAsync(ChildProcess.Start("/bin/sh", ["-c", "exec \"$@\" > \"$0\"", file, DotnetHost(), Program, .. arguments], folder), HangGuard,
            $"summits {string.Join(' ', arguments)} > {file}");

    /// <summary>Runs the program with standard input from a pipe that is closed at once, as when a script runs it: never a terminal.</summary>
    public static Task<SummitsRun> RunFromPipeAsync(string folder, params string[] arguments) =>
        RunInAsync(folder, arguments, null, pipedInput: true);

    private static async Task<SummitsRun> RunInAsync(string folder, string[] arguments, IReadOnlyDictionary<string, string>? environment, bool pipedInput)
    {
        var start = ChildProcess.Start(DotnetHost(), [Program, .. arguments], folder, environment);
        start.RedirectStandardInput = pipedInput;

        return await WaitAsync(start, HangGuard, $"summits {string.Join(' ', arguments)}");
    }

    /// <summary>
    /// Starts the process, reads both of its streams to the end and waits for it to exit; kills it and throws
    /// <see cref="TimeoutException"/> naming <paramref name="what"/> when it outlives <paramref name="hangGuard"/>.
    /// </summary>
    internal static async Task<SummitsRun> WaitAsync(ProcessStartInfo start, TimeSpan hangGuard, string what)
    {
        using var process = Process.Start(start)!;
        if (start.RedirectStandardInput)
            process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(hangGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not exit within {hangGuard}");
        }
        return new SummitsRun(process.ExitCode, await output, await error);
    }

    /// <summary>The dotnet host that runs these tests, so the program runs on the same runtime.</summary>
    internal static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
            return current;
        return "dotnet";
    }
}
