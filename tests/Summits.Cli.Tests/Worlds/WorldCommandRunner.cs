using System.Diagnostics;

namespace Summits.Cli.Tests;

/// <summary>Runs the built <c>summits</c> program in its own process, so its console and exit code are its own.</summary>
internal static class WorldCommandRunner
{
    public static string Root { get; } = FindRoot();

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "summits.dll"));
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Summits.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("the repository root (with Summits.sln) is not above the test binaries");
    }
}
